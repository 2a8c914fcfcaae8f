import GoTomModels

/// A small JSON schema for request bodies, checked before anything is decoded so that every problem becomes a
/// `ConstraintViolationResponse` with Symfony's stock codes and a property path, never a 500.
package indirect enum Schema: Sendable {
    /// A string; `allowed` restricts it to an enum, `notBlank` rejects empty text.
    case string(allowed: [String]? = nil, notBlank: Bool = false)
    /// A whole number; `allowed` restricts it to an enum.
    case integer(allowed: [Int]? = nil)
    /// Any number.
    case number
    /// `true` or `false`.
    case boolean
    /// A `yyyy-MM-dd` day.
    case date
    /// An `HH:MM` time.
    case time
    /// A number or the literal string `loadFromRate` (the flight's `bruttoPriceUnit`).
    case priceUnit
    /// An object with the listed members; other members are ignored, as goTom does.
    case object([SchemaField])
    /// An array whose elements all follow `element`.
    case array(Schema, minItems: Int = 0)
    /// Anything (checked later by decoding).
    case any
}

/// One member of an object schema.
package struct SchemaField: Sendable {
    package var name: String
    package var schema: Schema
    package var required: Bool
    package var nullable: Bool

    package static func field(
        _ name: String, _ schema: Schema, required: Bool = false, nullable: Bool = false
    ) -> SchemaField {
        SchemaField(name: name, schema: schema, required: required, nullable: nullable)
    }
}

extension Schema {
    static let notNullMessage = "This value should not be null."
    static let notBlankMessage = "This value should not be blank."
    static let choiceMessage = "The value you selected is not a valid choice."

    /// Checks `value` against the schema and records every violation under `path`.
    package func validate(_ value: JSONValue, path: String, into violations: inout ViolationList) {
        switch self {
        case .any:
            return
        case .string(let allowed, let notBlank):
            guard case .string(let text) = value else {
                return violations.add(.invalidType, path, "This value should be of type string.", invalidValue: value)
            }
            if notBlank, text.allSatisfy(\.isWhitespace) {
                violations.add(.blankValue, path, Self.notBlankMessage, invalidValue: value)
            } else if let allowed, !allowed.contains(text) {
                violations.add(.invalidChoice, path, Self.choiceMessage, invalidValue: value)
            }
        case .integer(let allowed):
            guard let number = value.intValue else {
                return violations.add(.invalidType, path, "This value should be of type int.", invalidValue: value)
            }
            if let allowed, !allowed.contains(number) {
                violations.add(.invalidChoice, path, Self.choiceMessage, invalidValue: value)
            }
        case .number:
            if value.decimalValue == nil {
                violations.add(.invalidType, path, "This value should be of type float.", invalidValue: value)
            }
        case .boolean:
            if value.boolValue == nil {
                violations.add(.invalidType, path, "This value should be of type bool.", invalidValue: value)
            }
        case .date:
            guard let text = value.stringValue, CalendarDate(text) != nil else {
                return violations.add(.invalidType, path, "This value is not a valid date.", invalidValue: value)
            }
        case .time:
            guard let text = value.stringValue, Self.isTime(text) else {
                return violations.add(
                    .invalidType, path, "This value is not a valid time (HH:MM).", invalidValue: value)
            }
        case .priceUnit:
            if value.decimalValue != nil { return }
            if value.stringValue == "loadFromRate" { return }
            if value.stringValue != nil {
                violations.add(.invalidChoice, path, "Use a number or \"loadFromRate\".", invalidValue: value)
            } else {
                violations.add(.invalidType, path, "This value should be of type float or string.", invalidValue: value)
            }
        case .array(let element, let minItems):
            guard let items = value.arrayValue else {
                return violations.add(.invalidType, path, "This value should be of type array.", invalidValue: value)
            }
            if items.count < minItems {
                violations.add(
                    .blankValue, path, "This collection should contain \(minItems) element or more.",
                    invalidValue: value
                )
            }
            for (index, item) in items.enumerated() {
                element.validate(item, path: ViolationList.path(path, index: index), into: &violations)
            }
        case .object(let fields):
            guard let members = value.objectValue else {
                return violations.add(.invalidType, path, "This value should be of type object.", invalidValue: value)
            }
            for field in fields {
                let childPath = ViolationList.path(path, field.name)
                guard let member = members[field.name] else {
                    if field.required { violations.add(.nullValue, childPath, Self.notNullMessage) }
                    continue
                }
                if member.isNull {
                    if !field.nullable { violations.add(.nullValue, childPath, Self.notNullMessage) }
                    continue
                }
                field.schema.validate(member, path: childPath, into: &violations)
            }
        }
    }

    /// Whether `text` is `HH:MM` with a real hour and minute.
    static func isTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":") else { return false }
        let digits = [bytes[0], bytes[1], bytes[3], bytes[4]]
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return false }
        let hour = Int(digits[0] - 48) * 10 + Int(digits[1] - 48)
        let minute = Int(digits[2] - 48) * 10 + Int(digits[3] - 48)
        return hour < 24 && minute < 60
    }
}
