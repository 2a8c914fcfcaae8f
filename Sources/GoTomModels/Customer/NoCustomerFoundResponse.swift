/// The 404 body returned when no customer has the requested CRM id.
///
/// The spec also requires a `customer` key whose only allowed value is `null`. It carries no information,
/// so it is not stored: decoding ignores it and encoding always writes `"customer": null`.
public struct NoCustomerFoundResponse: Codable, Hashable, Sendable {
    /// Always `false` for this body.
    public var ok: Bool

    /// The message, naming the CRM id that was not found.
    public var message: String

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - ok: Always `false` for this body.
    ///   - message: The message, naming the CRM id that was not found.
    public init(ok: Bool = false, message: String) {
        self.ok = ok
        self.message = message
    }

    private enum CodingKeys: String, CodingKey {
        case ok
        case message
        case customer
    }

    /// Decodes the value; the `customer` key is not read.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when `ok` or `message` is missing or has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ok = try container.decode(Bool.self, forKey: .ok)
        message = try container.decode(String.self, forKey: .message)
    }

    /// Encodes the value with `"customer": null`, as the spec requires.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` from the encoder.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ok, forKey: .ok)
        try container.encode(message, forKey: .message)
        try container.encodeNil(forKey: .customer)
    }
}
