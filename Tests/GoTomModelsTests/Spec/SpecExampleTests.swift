import Foundation
import GoTomModels
import Testing

/// Instances built from the specs' own examples decode into the models and re-encode to the same JSON.
@Suite("Spec examples")
struct SpecExampleTests {
    @Test(
        "Component schema round-trips through its model",
        arguments: ModelBindings.components.keys.sorted(),
        SynthesisMode.allCases
    )
    func componentRoundTrip(schemaName: String, mode: SynthesisMode) throws {
        let documents = try SpecLibrary.documents()
        let bodies = documents.flatMap(SpecConformance.componentBodies(of:)).filter { $0.name == schemaName }
        #expect(!bodies.isEmpty, "no spec defines \(schemaName)")
        for body in bodies {
            for failure in SpecConformance.check(body, mode: mode).failures {
                Issue.record(Comment(rawValue: failure))
            }
        }
    }

    @Test("Inline operation bodies round-trip through their models", arguments: SynthesisMode.allCases)
    func inlineBodyRoundTrip(mode: SynthesisMode) throws {
        let documents = try SpecLibrary.documents()
        for body in Self.inlineBodies(of: documents) {
            for failure in SpecConformance.check(body, mode: mode).failures {
                Issue.record(Comment(rawValue: failure))
            }
        }
    }

    @Test("Every example in the specs is decoded into a model or checked against its schema")
    func everyExampleIsChecked() throws {
        let documents = try SpecLibrary.documents()
        var total = 0
        for document in documents {
            // Schema and property examples: used by the synthesized instances that round-tripped.
            var decoded: Set<String> = []
            for body in SpecConformance.componentBodies(of: document) + Self.inlineBodies(of: [document]) {
                for mode in SynthesisMode.allCases {
                    decoded.formUnion(SpecConformance.check(body, mode: mode).usedExamples)
                }
            }
            // Media-type examples, by the pointer of their `example` key.
            var mediaBodies: [String: OperationBody] = [:]
            for body in SpecConformance.operationBodies(of: document) {
                mediaBodies[body.mediaPointer + "/example"] = body
            }
            let pointers = ExampleWalker.examplePointers(in: document.root)
            total += pointers.count
            for pointer in pointers where !decoded.contains(pointer) {
                if let body = mediaBodies[pointer] {
                    checkMediaExample(document, body)
                } else if pointer.contains("/parameters/") {
                    checkParameterExample(document, pointer)
                } else {
                    Issue.record("\(document.fileName) \(pointer): example was not decoded into any model")
                }
            }
        }
        #expect(total > 100, "expected over a hundred examples in the specs, found \(total)")
    }

    @Test("The unquoted time example 12:34 is read as the string a YAML 1.2 reader sees")
    func timeExampleIsAString() throws {
        let campaign = try #require(try SpecLibrary.documents().first)
        let example = campaign.value(at: "/components/schemas/DateTimeComponents/properties/time/example")
        #expect(example == "12:34")
        let components = try JSONDecoder().decode(
            DateTimeComponents.self,
            from: JSONEncoder().encode(["date": "2024-03-01", "time": example ?? .null] as JSONValue)
        )
        #expect(components.time == "12:34")
    }

    /// A parameter example must have the JSON type of the parameter's schema.
    private func checkParameterExample(_ document: SpecDocument, _ pointer: String) {
        let parameterPointer = String(pointer.dropLast("/example".count))
        let parameter = document.value(at: parameterPointer)
        let schema = parameter?["schema"] ?? parameter
        let example = document.value(at: pointer)
        switch (schema?["type"]?.stringValue, example) {
        case ("integer", .number(let number)?):
            #expect(Int(number.description) != nil, "\(document.fileName) \(pointer) is not an integer")
        case ("string", .string?):
            break
        default:
            Issue.record(
                "\(document.fileName) \(pointer): example \(String(describing: example)) does not fit its parameter")
        }
    }

    /// A media-type example: JSON ones go through the body's model, text ones must be strings.
    private func checkMediaExample(_ document: SpecDocument, _ body: OperationBody) {
        guard let example = body.media["example"] else { return }
        guard body.isJSON else {
            #expect(example.stringValue?.isEmpty == false, "\(body.key) \(body.mediaType) example is not text")
            return
        }
        let binding =
            body.referencedComponent.flatMap { ModelBindings.components[$0] }
            ?? ModelBindings.inlineBodies[body.key]
        guard let binding else {
            Issue.record("\(body.key): JSON example without a model")
            return
        }
        do {
            let output = try JSONDecoder().decode(
                JSONValue.self, from: binding.roundTrip(JSONEncoder().encode(example)))
            #expect(output == example, "\(body.key): example does not round-trip through \(binding.typeName)")
        } catch {
            Issue.record("\(body.key): example does not decode into \(binding.typeName): \(error)")
        }
    }

    static func inlineBodies(of documents: [SpecDocument]) -> [SpecBody] {
        documents.flatMap { document in
            SpecConformance.operationBodies(of: document).compactMap { body -> SpecBody? in
                guard body.isJSON, body.referencedComponent == nil,
                    let binding = ModelBindings.inlineBodies[body.key]
                else { return nil }
                return SpecBody(
                    document: document, name: body.key, pointer: body.mediaPointer + "/schema", binding: binding)
            }
        }
    }
}

/// Finds every `example` keyword in a spec, skipping property names that happen to be "example".
enum ExampleWalker {
    static func examplePointers(in root: JSONValue) -> [String] {
        var pointers: [String] = []
        walk(root, pointer: "", isPropertyMap: false, into: &pointers)
        return pointers.sorted()
    }

    private static func walk(_ value: JSONValue, pointer: String, isPropertyMap: Bool, into pointers: inout [String]) {
        switch value {
        case .object(let members):
            for (key, member) in members {
                let childPointer = JSONPointer.appending(pointer, key)
                if !isPropertyMap && key == "example" {
                    pointers.append(childPointer)
                } else if !isPropertyMap && key == "examples" {
                    for name in (member.objectValue ?? [:]).keys {
                        pointers.append(JSONPointer.appending(childPointer, name))
                    }
                } else {
                    walk(
                        member, pointer: childPointer, isPropertyMap: !isPropertyMap && key == "properties",
                        into: &pointers)
                }
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                walk(item, pointer: pointer + "/\(index)", isPropertyMap: false, into: &pointers)
            }
        default:
            break
        }
    }
}
