/// An identifier that the API sends either as an integer or as a string.
///
/// Primary keys are integers for every entity except `adServer`, whose ids are strings.
public enum IntegerOrString: Hashable, Sendable {
    /// An integer id.
    case integer(Int)
    /// A string id.
    case string(String)

    /// The integer, if this is an integer id.
    public var integerValue: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The string, if this is a string id.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

extension IntegerOrString: Codable {
    /// Decodes a JSON integer or a JSON string.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError.typeMismatch` for any other JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int.self) {
            self = .integer(integer)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else {
            throw DecodingError.typeMismatch(
                IntegerOrString.self,
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "Expected an integer or a string."
                )
            )
        }
    }

    /// Encodes the id as it was received: a JSON integer or a JSON string.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` from the encoder.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        }
    }
}

extension IntegerOrString: CustomStringConvertible {
    /// The id as text, without quotes.
    public var description: String {
        switch self {
        case .integer(let value): return String(value)
        case .string(let value): return value
        }
    }
}

extension IntegerOrString: ExpressibleByIntegerLiteral {
    /// Creates an integer id from a literal.
    ///
    /// - Parameter value: The literal.
    public init(integerLiteral value: Int) {
        self = .integer(value)
    }
}

extension IntegerOrString: ExpressibleByStringLiteral {
    /// Creates a string id from a literal.
    ///
    /// - Parameter value: The literal.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}
