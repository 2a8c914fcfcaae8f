import GoTomModels
import GoTomSandbox
import MCP

/// The JSON Schema of a tool's input, built from the same ``Schema`` values the sandbox checks request bodies
/// against, so what an MCP client is told and what is enforced before sending cannot drift apart.
enum ToolSchema {
    /// The input schema of a tool: an object with `fields`, nothing else allowed.
    ///
    /// - Parameters:
    ///   - fields: Path parameters, options and body members, in the order a person would read them.
    ///   - descriptions: Descriptions of top-level members, by name (from the field guide and the tool).
    static func input(_ fields: [SchemaField], descriptions: [String: String]) -> Value {
        var object = objectSchema(fields, descriptions: descriptions)
        if case .object(var members) = object {
            members["additionalProperties"] = .bool(false)
            object = .object(members)
        }
        return object
    }

    /// JSON Schema for one ``Schema`` node.
    static func json(_ schema: Schema) -> Value {
        switch schema {
        case .any:
            return .object([:])
        case .string(let allowed, let notBlank):
            var members: [String: Value] = ["type": "string"]
            if let allowed { members["enum"] = .array(allowed.map { .string($0) }) }
            if notBlank { members["pattern"] = "\\S" }
            return .object(members)
        case .integer(let allowed):
            var members: [String: Value] = ["type": "integer"]
            if let allowed { members["enum"] = .array(allowed.map { .int($0) }) }
            return .object(members)
        case .number:
            return ["type": "number"]
        case .boolean:
            return ["type": "boolean"]
        case .date:
            return ["type": "string", "format": "date", "description": "A day as yyyy-MM-dd."]
        case .time:
            return ["type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$", "description": "HH:MM, 24 hours."]
        case .priceUnit:
            return [
                "anyOf": [["type": "number"], ["type": "string", "enum": ["loadFromRate"]]],
                "description": "A gross price per unit, or \"loadFromRate\" to take it from the rate card.",
            ]
        case .array(let element, let minItems):
            var members: [String: Value] = ["type": "array", "items": json(element)]
            if minItems > 0 { members["minItems"] = .int(minItems) }
            return .object(members)
        case .object(let fields):
            return objectSchema(fields, descriptions: [:])
        }
    }

    private static func objectSchema(_ fields: [SchemaField], descriptions: [String: String]) -> Value {
        var properties: [String: Value] = [:]
        for field in fields {
            var property = json(field.schema)
            if field.nullable { property = ["anyOf": [property, ["type": "null"]]] }
            if let description = descriptions[field.name], case .object(var members) = property {
                members["description"] = .string(description)
                property = .object(members)
            }
            properties[field.name] = property
        }
        var members: [String: Value] = ["type": "object", "properties": .object(properties)]
        let required = fields.filter(\.required).map { Value.string($0.name) }
        if !required.isEmpty { members["required"] = .array(required) }
        return .object(members)
    }
}
