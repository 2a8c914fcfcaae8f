import Foundation

/// The gross price per unit of a flight: a number, or a string such as `"loadFromRate"`.
///
/// The spec allows any string here and documents only `"loadFromRate"`, which asks goTom to take the price
/// from the rate card; other strings are kept as they are.
public enum BruttoPriceUnit: Hashable, Sendable {
    /// A price per unit.
    case amount(Decimal)
    /// A string instruction instead of a price.
    case string(String)

    /// Take the price from the rate card.
    public static var loadFromRate: BruttoPriceUnit { .string("loadFromRate") }

    /// The price, if this is a number.
    public var amount: Decimal? {
        if case .amount(let value) = self { return value }
        return nil
    }
}

extension BruttoPriceUnit: Codable {
    /// Decodes a JSON number or a JSON string.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError.typeMismatch` for any other JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Decimal.self) {
            self = .amount(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else {
            throw DecodingError.typeMismatch(
                BruttoPriceUnit.self,
                DecodingError.Context(
                    codingPath: decoder.codingPath, debugDescription: "Expected a number or a string.")
            )
        }
    }

    /// Encodes a number or a string, as received.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` from the encoder.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .amount(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        }
    }
}
