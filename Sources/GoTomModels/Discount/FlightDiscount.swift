import Foundation

/// A flight discount in the generic form the spec defines but no operation uses.
public struct FlightDiscount: Codable, Hashable, Sendable {
    /// The flight the discount applies to.
    public var flightExternalId: String?

    /// Your id for the discount.
    public var externalId: String?

    /// The discount in percent; set this or `amountSum`.
    public var amountPercent: Decimal?

    /// The discount as an amount; set this or `amountPercent`.
    public var amountSum: Decimal?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - flightExternalId: The flight the discount applies to.
    ///   - externalId: Your id for the discount.
    ///   - amountPercent: The discount in percent; set this or `amountSum`.
    ///   - amountSum: The discount as an amount; set this or `amountPercent`.
    public init(
        flightExternalId: String? = nil,
        externalId: String? = nil,
        amountPercent: Decimal? = nil,
        amountSum: Decimal? = nil
    ) {
        self.flightExternalId = flightExternalId
        self.externalId = externalId
        self.amountPercent = amountPercent
        self.amountSum = amountSum
    }
}
