import Foundation

extension DecodingError {
    /// A one-line description of the failure that names the field by its dotted path, e.g.
    /// `missing required field 'mainAddress.externalCrmId'`.
    package var fieldDescription: String {
        switch self {
        case .keyNotFound(let key, let context):
            return "missing required field '\(Self.fieldPath(context, appending: key))'"
        case .typeMismatch(let expected, let context):
            return "field '\(Self.fieldPath(context))': expected \(Self.typeName(expected))"
        case .valueNotFound(let expected, let context):
            return "field '\(Self.fieldPath(context))' must not be null (expected \(Self.typeName(expected)))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "not valid JSON: \(context.debugDescription)"
                : "field '\(Self.fieldPath(context))': \(context.debugDescription)"
        @unknown default:
            return "\(self)"
        }
    }

    /// A field's dotted path such as `mainAddress.externalCrmId` or `contacts[0].peopleName`.
    package static func fieldPath(_ context: DecodingError.Context, appending key: (any CodingKey)? = nil) -> String {
        let keys = context.codingPath + (key.map { [$0] } ?? [])
        let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "(body)" : text)
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Int64.Type: return "an integer"
        case is Double.Type, is Decimal.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = "\(type)"
            return name.hasPrefix("Array") ? "an array" : name.hasPrefix("Dictionary") ? "an object" : name
        }
    }
}
