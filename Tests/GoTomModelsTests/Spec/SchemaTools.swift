import Foundation
import GoTomModels

/// How a synthesized instance fills a schema.
enum SynthesisMode: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Every property; examples where the spec has them; first enum value and `oneOf` branch.
    case full
    /// Every property, but the second enum value and `oneOf`/`anyOf` branch where there is one.
    case alternate
    /// Only the required properties.
    case minimal
    /// Every property, with `null` wherever the spec allows it.
    case nulls

    var description: String { rawValue }

    var choice: Int { self == .alternate ? 1 : 0 }
}

/// The properties and required keys of an object schema after `$ref`, `allOf` and `oneOf` are merged.
struct ObjectShape {
    var properties: [String: (schema: JSONValue, pointer: String)] = [:]
    var required: Set<String> = []
}

/// Reads schemas of one spec document: `$ref` resolution, composition, nullability.
struct SchemaReader {
    let document: SpecDocument

    func resolved(_ schema: JSONValue, at pointer: String) -> (schema: JSONValue, pointer: String) {
        var schema = schema
        var pointer = pointer
        var hops = 0
        while let reference = schema["$ref"]?.stringValue, hops < 32 {
            pointer = reference.hasPrefix("#") ? String(reference.dropFirst()) : reference
            schema = document.value(at: pointer) ?? .object([:])
            hops += 1
        }
        return (schema, pointer)
    }

    /// Whether `null` is allowed: `nullable: true` on the schema or on a lone `allOf` part (how the spec
    /// attaches a description to a nullable `$ref`).
    func isNullable(_ schema: JSONValue, at pointer: String) -> Bool {
        let (schema, pointer) = resolved(schema, at: pointer)
        if schema["nullable"]?.boolValue == true { return true }
        if let parts = schema["allOf"]?.arrayValue, parts.count == 1 {
            return isNullable(parts[0], at: pointer + "/allOf/0")
        }
        return false
    }

    /// The alternatives of a `oneOf` or `anyOf`, with the keyword used.
    func alternatives(of schema: JSONValue) -> (keyword: String, schemas: [JSONValue])? {
        for keyword in ["oneOf", "anyOf"] {
            if let schemas = schema[keyword]?.arrayValue, !schemas.isEmpty { return (keyword, schemas) }
        }
        return nil
    }

    /// The merged object shape, or nil when the schema does not describe an object.
    ///
    /// `allOf` parts merge first, then the schema's own `properties` override them (FlightRead overrides
    /// `flightTags` this way), then the chosen `oneOf`/`anyOf` branch adds its properties and required keys.
    func objectShape(_ schema: JSONValue, at pointer: String, choice: Int) -> ObjectShape? {
        let (schema, pointer) = resolved(schema, at: pointer)
        var shape = ObjectShape()
        var isObject = schema["type"]?.stringValue == "object"
        if let parts = schema["allOf"]?.arrayValue {
            for (index, part) in parts.enumerated() {
                guard let partShape = objectShape(part, at: pointer + "/allOf/\(index)", choice: choice) else {
                    continue
                }
                isObject = true
                shape.properties.merge(partShape.properties) { _, new in new }
                shape.required.formUnion(partShape.required)
            }
        }
        if let own = schema["properties"]?.objectValue {
            isObject = true
            for (name, property) in own {
                shape.properties[name] = (property, JSONPointer.appending(pointer, "properties", name))
            }
        }
        if let required = schema["required"]?.arrayValue {
            isObject = true
            shape.required.formUnion(required.compactMap(\.stringValue))
        }
        if isObject, let (keyword, branches) = alternatives(of: schema) {
            let index = choice % branches.count
            if let branch = objectShape(branches[index], at: pointer + "/\(keyword)/\(index)", choice: choice) {
                shape.properties.merge(branch.properties) { _, new in new }
                shape.required.formUnion(branch.required)
            }
        }
        return isObject ? shape : nil
    }
}

/// Builds a JSON instance of a schema from the spec's own examples, filling gaps with typed samples.
///
/// Every example used is recorded by its JSON pointer, so a test can prove that each example in the specs
/// was decoded into a Swift model.
struct InstanceSynthesizer {
    let reader: SchemaReader
    let mode: SynthesisMode
    /// Property paths (`Schema.property.sub`) that the models deliberately do not accept as `null`.
    let neverNull: Set<String>
    let rootName: String
    private(set) var usedExamples: Set<String> = []

    init(reader: SchemaReader, mode: SynthesisMode, rootName: String, neverNull: Set<String>) {
        self.reader = reader
        self.mode = mode
        self.rootName = rootName
        self.neverNull = neverNull
    }

    mutating func instance(of schema: JSONValue, at pointer: String, path: String = "") -> JSONValue {
        if mode == .nulls, !path.isEmpty, reader.isNullable(schema, at: pointer),
            !neverNull.contains(rootName + "." + path)
        {
            return .null
        }
        let (schema, pointer) = reader.resolved(schema, at: pointer)
        if let example = schema.objectValue?["example"] {
            usedExamples.insert(pointer + "/example")
            return example
        }
        if let values = schema["enum"]?.arrayValue, !values.isEmpty {
            return values[mode.choice % values.count]
        }
        if let shape = reader.objectShape(schema, at: pointer, choice: mode.choice) {
            var members: [String: JSONValue] = [:]
            for name in shape.properties.keys.sorted() where mode != .minimal || shape.required.contains(name) {
                guard let property = shape.properties[name] else { continue }
                let childPath = path.isEmpty ? name : path + "." + name
                members[name] = instance(of: property.schema, at: property.pointer, path: childPath)
            }
            return .object(members)
        }
        if let (keyword, branches) = reader.alternatives(of: schema) {
            let index = mode.choice % branches.count
            return instance(of: branches[index], at: pointer + "/\(keyword)/\(index)", path: path)
        }
        switch schema["type"]?.stringValue {
        case "array":
            return .array([instance(of: schema["items"] ?? .object([:]), at: pointer + "/items", path: path + "[]")])
        case "string":
            switch schema["format"]?.stringValue {
            case "date": return "2024-02-29"
            case "byte": return "SGVsbG8sIGdvVG9tIQ=="
            default: return schema["pattern"] == nil ? "sample" : "08:30"
            }
        case "integer": return 7
        case "number": return 12.5
        case "boolean": return true
        case "object": return .object([:])
        default: return "untyped"
        }
    }
}

/// Drops `null` members that the schema does not require, so that "sent as null" and "left out" compare equal
/// for models that (by design) do not keep that difference.
struct NullNormalizer {
    let reader: SchemaReader
    let choice: Int

    func normalized(_ value: JSONValue, schema: JSONValue, at pointer: String) -> JSONValue {
        let (schema, pointer) = reader.resolved(schema, at: pointer)
        switch value {
        case .object(let members):
            guard let shape = reader.objectShape(schema, at: pointer, choice: choice) else { return value }
            var kept: [String: JSONValue] = [:]
            for (name, member) in members {
                if member == .null, !shape.required.contains(name) { continue }
                if let property = shape.properties[name] {
                    kept[name] = normalized(member, schema: property.schema, at: property.pointer)
                } else {
                    kept[name] = member
                }
            }
            return .object(kept)
        case .array(let items):
            guard let itemSchema = schema["items"] else { return value }
            return .array(items.map { normalized($0, schema: itemSchema, at: pointer + "/items") })
        default:
            return value
        }
    }
}
