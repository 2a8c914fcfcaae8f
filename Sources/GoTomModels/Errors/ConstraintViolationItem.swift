/// One rule a request broke.
public struct ConstraintViolationItem: Codable, Hashable, Sendable {
    /// The field at fault, for example `customer.entityId`.
    public var propertyPath: String?

    /// A human-readable text, sometimes German; do not parse it.
    public var message: String?

    /// The rejected value; `.null` when the server sent `null`, nil when it sent nothing.
    public var invalidValue: JSONValue?

    /// Extra detail of any shape; `.null` when the server sent `null`, nil when it sent nothing.
    public var cause: JSONValue?

    /// The stable code to branch on.
    public var code: ViolationCode?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - propertyPath: The field at fault, for example `customer.entityId`.
    ///   - message: A human-readable text, sometimes German; do not parse it.
    ///   - invalidValue: The rejected value; `.null` when the server sent `null`, nil when it sent nothing.
    ///   - cause: Extra detail of any shape; `.null` when the server sent `null`, nil when it sent nothing.
    ///   - code: The stable code to branch on.
    public init(
        propertyPath: String? = nil,
        message: String? = nil,
        invalidValue: JSONValue? = nil,
        cause: JSONValue? = nil,
        code: ViolationCode? = nil
    ) {
        self.propertyPath = propertyPath
        self.message = message
        self.invalidValue = invalidValue
        self.cause = cause
        self.code = code
    }

    private enum CodingKeys: String, CodingKey {
        case propertyPath
        case message
        case invalidValue
        case cause
        case code
    }

    /// Decodes the value, keeping a missing key apart from an explicit `null`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when a required key is missing or a value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        propertyPath = try container.decodeIfPresent(String.self, forKey: .propertyPath)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        // A present `null` stays `.null`; only a missing key becomes nil.
        invalidValue =
            container.contains(.invalidValue) ? try container.decode(JSONValue.self, forKey: .invalidValue) : nil
        // A present `null` stays `.null`; only a missing key becomes nil.
        cause = container.contains(.cause) ? try container.decode(JSONValue.self, forKey: .cause) : nil
        code = try container.decodeIfPresent(ViolationCode.self, forKey: .code)
    }

    /// Encodes the value, leaving absent fields out and writing `null` only where it was asked for.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` from a field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(propertyPath, forKey: .propertyPath)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(invalidValue, forKey: .invalidValue)
        try container.encodeIfPresent(cause, forKey: .cause)
        try container.encodeIfPresent(code, forKey: .code)
    }
}
