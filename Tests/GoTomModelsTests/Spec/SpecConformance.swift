import Foundation
import GoTomModels

/// A JSON body the specs define: a component schema or an inline operation body.
struct SpecBody: Sendable, CustomStringConvertible {
    let document: SpecDocument
    let name: String
    let pointer: String
    let binding: ModelBinding

    var description: String { "\(document.fileName) \(name)" }
}

/// Runs synthesized instances of spec schemas through their Swift models.
enum SpecConformance {
    struct Outcome {
        var usedExamples: Set<String> = []
        var failures: [String] = []
    }

    /// Builds an instance of the body's schema in one mode, decodes it into the model, re-encodes it and
    /// compares the JSON. Examples count as used only when the round trip succeeds.
    static func check(_ body: SpecBody, mode: SynthesisMode) -> Outcome {
        let reader = SchemaReader(document: body.document)
        guard let schema = body.document.value(at: body.pointer) else {
            return Outcome(failures: ["\(body): no schema at \(body.pointer)"])
        }
        var synthesizer = InstanceSynthesizer(
            reader: reader,
            mode: mode,
            rootName: body.name,
            neverNull: ModelBindings.neverNull
        )
        let instance = synthesizer.instance(of: schema, at: body.pointer)
        do {
            let input = try JSONEncoder().encode(instance)
            let output = try JSONDecoder().decode(JSONValue.self, from: body.binding.roundTrip(input))
            var expected = instance
            var actual = output
            if body.binding.nullHandling == .optionalNullMayBeOmitted {
                let normalizer = NullNormalizer(reader: reader, choice: mode.choice)
                expected = normalizer.normalized(instance, schema: schema, at: body.pointer)
                actual = normalizer.normalized(output, schema: schema, at: body.pointer)
            }
            guard expected == actual else {
                return Outcome(failures: [
                    "\(body) [\(mode)] as \(body.binding.typeName): re-encoded JSON differs.\n"
                        + "  sent:     \(render(instance))\n  received: \(render(output))"
                ])
            }
            return Outcome(usedExamples: synthesizer.usedExamples)
        } catch {
            return Outcome(failures: [
                "\(body) [\(mode)] as \(body.binding.typeName): \(error)\n  sent: \(render(instance))"
            ])
        }
    }

    /// Every component schema of a document that has a binding.
    static func componentBodies(of document: SpecDocument) -> [SpecBody] {
        document.componentSchemaNames.compactMap { name in
            ModelBindings.components[name].map {
                SpecBody(
                    document: document,
                    name: name,
                    pointer: JSONPointer.appending("/components/schemas", name),
                    binding: $0
                )
            }
        }
    }

    /// Every JSON request or response body of every operation, with the key used in
    /// `ModelBindings.inlineBodies` and the binding (nil when an inline body has none).
    static func operationBodies(of document: SpecDocument) -> [OperationBody] {
        var bodies: [OperationBody] = []
        let methods = ["get", "put", "post", "patch", "delete"]
        for (path, item) in document.root["paths"]?.objectValue ?? [:] {
            for method in methods {
                guard let operation = item[method] else { continue }
                let operationPointer = JSONPointer.appending("/paths", path, method)
                var slots: [(label: String, pointer: String, content: JSONValue?)] = []
                if let request = operation["requestBody"] {
                    slots.append(("request", operationPointer + "/requestBody", request["content"]))
                }
                for (status, response) in operation["responses"]?.objectValue ?? [:] {
                    let responsePointer = JSONPointer.appending(operationPointer, "responses", status)
                    let (resolved, resolvedPointer) = SchemaReader(document: document)
                        .resolved(response, at: responsePointer)
                    slots.append((status, resolvedPointer, resolved["content"]))
                }
                for slot in slots {
                    for (mediaType, media) in slot.content?.objectValue ?? [:] {
                        bodies.append(
                            OperationBody(
                                key: "\(document.fileName) \(method.uppercased()) \(path) \(slot.label)",
                                mediaType: mediaType,
                                mediaPointer: JSONPointer.appending(slot.pointer, "content", mediaType),
                                media: media
                            )
                        )
                    }
                }
            }
        }
        return bodies.sorted { $0.key < $1.key || ($0.key == $1.key && $0.mediaType < $1.mediaType) }
    }

    static func render(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "\(value)"
    }
}

/// One media type of an operation's request or response.
struct OperationBody {
    let key: String
    let mediaType: String
    let mediaPointer: String
    let media: JSONValue

    var isJSON: Bool { mediaType.hasPrefix("application/json") }

    /// The component name when the schema is a plain `$ref` to `#/components/schemas/…`.
    var referencedComponent: String? {
        guard let reference = media["schema"]?["$ref"]?.stringValue,
            reference.hasPrefix("#/components/schemas/")
        else { return nil }
        return String(reference.dropFirst("#/components/schemas/".count))
    }
}
