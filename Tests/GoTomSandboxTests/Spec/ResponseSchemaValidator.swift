import Foundation
import GoTomModels

/// Checks a JSON value against an OpenAPI 3.0 schema of goTom's specs: `$ref`, `allOf`, `oneOf`/`anyOf`,
/// `nullable`, `enum`, `type`, `required`, `properties`, `additionalProperties: false`, `items` and `format: date`.
struct ResponseSchemaValidator {
    /// The spec document (the `document` member of a facts extract).
    let document: JSONValue

    func value(at reference: String) -> JSONValue? {
        var current: JSONValue? = document
        for token in reference.dropFirst(reference.hasPrefix("#") ? 1 : 0).split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            current = current?.objectValue?[key]
        }
        return current
    }

    func resolved(_ schema: JSONValue) -> JSONValue {
        var schema = schema
        var hops = 0
        while let reference = schema["$ref"]?.stringValue, hops < 32, let target = value(at: reference) {
            schema = target
            hops += 1
        }
        return schema
    }

    /// The problems found, each with the JSON path where it was found; empty when the value conforms.
    func problems(_ value: JSONValue, _ schema: JSONValue, at path: String = "$") -> [String] {
        var found: [String] = []
        check(value, schema, at: path, composed: false, into: &found)
        return found
    }

    private func isNullable(_ schema: JSONValue) -> Bool {
        let schema = resolved(schema)
        if schema["nullable"]?.boolValue == true { return true }
        if let parts = schema["allOf"]?.arrayValue, parts.count == 1 { return isNullable(parts[0]) }
        return false
    }

    /// Every property an object schema names, through `allOf` parts, for `additionalProperties: false`.
    private func propertyNames(_ schema: JSONValue) -> Set<String> {
        let schema = resolved(schema)
        var names = Set((schema["properties"]?.objectValue ?? [:]).keys)
        for part in schema["allOf"]?.arrayValue ?? [] { names.formUnion(propertyNames(part)) }
        return names
    }

    private func check(
        _ value: JSONValue, _ schema: JSONValue, at path: String, composed: Bool, into found: inout [String]
    ) {
        let schema = resolved(schema)
        if value == .null {
            // A `null` the spec itself gives as the example is accepted: CRM sync's 200 answer declares `errorLogs`
            // as an object with the example `null`, which is what goTom sends.
            let exampleIsNull = schema.objectValue?["example"] == .null
            if !isNullable(schema), !exampleIsNull, schema["type"] != nil || schema["properties"] != nil {
                found.append("\(path): null, but the schema does not allow null")
            }
            return
        }
        for part in schema["allOf"]?.arrayValue ?? [] { check(value, part, at: path, composed: true, into: &found) }
        for keyword in ["oneOf", "anyOf"] {
            guard let branches = schema[keyword]?.arrayValue, !branches.isEmpty else { continue }
            let results = branches.map { problems(value, $0, at: path) }
            if !results.contains(where: \.isEmpty) {
                found.append("\(path): matches no \(keyword) branch: \(results.map { $0.first ?? "" })")
            }
        }
        if let choices = schema["enum"]?.arrayValue, !choices.contains(value) {
            found.append("\(path): \(value) is not one of \(choices)")
        }
        switch (schema["type"]?.stringValue, value) {
        case (nil, _), ("string", .string), ("boolean", .bool), ("number", .number), ("array", .array),
            ("object", .object):
            break
        case ("integer", .number(let number)):
            var value = number
            var whole = Decimal()
            NSDecimalRound(&whole, &value, 0, .plain)
            if whole != number { found.append("\(path): \(number) is not an integer") }
        case (let type?, _):
            found.append("\(path): expected \(type), got \(value)")
        }
        if schema["format"]?.stringValue == "date", case .string(let text) = value,
            text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil
        {
            found.append("\(path): '\(text)' is not a date")
        }
        if case .object(let members) = value {
            let properties = schema["properties"]?.objectValue ?? [:]
            for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
                found.append("\(path): required member \(name) is missing")
            }
            for (name, member) in members {
                guard let property = properties[name] else { continue }
                check(member, property, at: path + "." + name, composed: false, into: &found)
            }
            if !composed, schema["additionalProperties"]?.boolValue == false {
                let allowed = propertyNames(schema)
                for name in members.keys where !allowed.contains(name) {
                    found.append("\(path): member \(name) is not in the schema")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() {
                check(item, itemSchema, at: "\(path)[\(index)]", composed: false, into: &found)
            }
        }
    }
}
