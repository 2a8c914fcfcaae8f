/// One key of a Xandr key-value set: a string key with values, or a numeric key with a comparison.
///
/// The spec's `oneOf` has no discriminator. Both shapes forbid unknown keys and only the string shape has
/// `values` (which it requires), so the presence of `values` decides the case.
public enum KeyValueXandrEntry: Hashable, Sendable {
    /// A key compared with a list of values.
    case string(KeyValueXandr)
    /// A key compared with a single number, or tested for existence.
    case numeric(KeyValueXandrNumeric)

    private enum DiscriminatorKeys: String, CodingKey {
        case values
    }
}

extension KeyValueXandrEntry: Codable {
    /// Decodes the string shape when a `values` key is present, the numeric shape otherwise.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when the chosen shape does not fit.
    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: DiscriminatorKeys.self)
        if keys.contains(.values) {
            self = .string(try KeyValueXandr(from: decoder))
        } else {
            self = .numeric(try KeyValueXandrNumeric(from: decoder))
        }
    }

    /// Encodes the wrapped key definition.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` from the definition.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let entry): try entry.encode(to: encoder)
        case .numeric(let entry): try entry.encode(to: encoder)
        }
    }
}
