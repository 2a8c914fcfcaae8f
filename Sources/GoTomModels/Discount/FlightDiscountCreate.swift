import Foundation

/// The body that adds a discount to a flight.
///
/// All four keys are required; exactly one amount should be non-null.
public struct FlightDiscountCreate: Codable, Hashable, Sendable {
    /// The flight the discount applies to.
    public var flightExternalId: String

    /// Your id for the discount.
    public var externalId: String

    /// The discount in percent, or nil (sent as `null`) when `amountSum` is used.
    public var amountPercent: Decimal?

    /// The discount as an amount, or nil (sent as `null`) when `amountPercent` is used.
    public var amountSum: Decimal?

    /// Creates the value from its fields.
    ///
    /// - Parameters:
    ///   - flightExternalId: The flight the discount applies to.
    ///   - externalId: Your id for the discount.
    ///   - amountPercent: The discount in percent, or nil (sent as `null`) when `amountSum` is used.
    ///   - amountSum: The discount as an amount, or nil (sent as `null`) when `amountPercent` is used.
    public init(flightExternalId: String, externalId: String, amountPercent: Decimal?, amountSum: Decimal?) {
        self.flightExternalId = flightExternalId
        self.externalId = externalId
        self.amountPercent = amountPercent
        self.amountSum = amountSum
    }

    private enum CodingKeys: String, CodingKey {
        case flightExternalId
        case externalId
        case amountPercent
        case amountSum
    }

    /// Decodes the value; keys the spec requires must be present, even when their value is `null`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when a required key is missing or a value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        flightExternalId = try container.decode(String.self, forKey: .flightExternalId)
        externalId = try container.decode(String.self, forKey: .externalId)
        amountPercent = try container.decodeNullable(Decimal.self, forKey: .amountPercent)
        amountSum = try container.decodeNullable(Decimal.self, forKey: .amountSum)
    }

    /// Encodes the value, writing `null` for unset required keys and leaving unset optional keys out.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` from a field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(flightExternalId, forKey: .flightExternalId)
        try container.encode(externalId, forKey: .externalId)
        try container.encodeNullable(amountPercent, forKey: .amountPercent)
        try container.encodeNullable(amountSum, forKey: .amountSum)
    }
}
