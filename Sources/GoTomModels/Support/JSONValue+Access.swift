import Foundation

extension JSONValue {
    /// Whether the value is JSON `null`.
    public var isNull: Bool { self == .null }

    /// The boolean, if the value is one.
    public var boolValue: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    /// The number, if the value is one.
    public var decimalValue: Decimal? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The number as an `Int`, if the value is a whole number that fits.
    public var intValue: Int? {
        guard case .number(let number) = self else { return nil }
        return Int(number.description)
    }

    /// The number as a `Double` (possibly rounded), if the value is a number.
    public var doubleValue: Double? {
        guard case .number(let number) = self else { return nil }
        return Double(number.description)
    }

    /// The string, if the value is one.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The elements, if the value is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    /// The members, if the value is an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The member for a key, if the value is an object that has it.
    ///
    /// - Parameter key: The member name.
    /// - Returns: The member's value, or `nil`.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// Creates a boolean value from a literal.
    ///
    /// - Parameter value: The literal.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// Creates a number from an integer literal.
    ///
    /// - Parameter value: The literal.
    public init(integerLiteral value: Int) {
        self = .number(Decimal(value))
    }
}

extension JSONValue: ExpressibleByFloatLiteral {
    /// Creates a number from a floating-point literal, keeping its shortest decimal spelling (33.33 stays 33.33).
    ///
    /// - Parameter value: The literal.
    public init(floatLiteral value: Double) {
        self = .number(Decimal(string: String(value)) ?? Decimal(value))
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// Creates a string value from a literal.
    ///
    /// - Parameter value: The literal.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// Creates an array value from a literal.
    ///
    /// - Parameter elements: The elements.
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// Creates an object value from a literal; a repeated key keeps its last value.
    ///
    /// - Parameter elements: The members.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
