import Foundation

/// A flight discount as goTom returns it.
///
/// `entityId` is declared as `number`, but it is goTom's integer id, so it is an `Int` here.
public struct FlightDiscountRead: Codable, Hashable, Sendable {
    /// The flight the discount applies to.
    public var flightExternalId: String?

    /// Your id for the discount, or nil when the discount was made in goTom.
    public var externalId: String?

    /// goTom's internal id, set only when there is no `externalId`.
    public var entityId: Int?

    /// The discount in percent.
    public var amountPercent: Decimal?

    /// The discount as an amount.
    public var amountSum: Decimal?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - flightExternalId: The flight the discount applies to.
    ///   - externalId: Your id for the discount, or nil when the discount was made in goTom.
    ///   - entityId: goTom's internal id, set only when there is no `externalId`.
    ///   - amountPercent: The discount in percent.
    ///   - amountSum: The discount as an amount.
    public init(
        flightExternalId: String? = nil,
        externalId: String? = nil,
        entityId: Int? = nil,
        amountPercent: Decimal? = nil,
        amountSum: Decimal? = nil
    ) {
        self.flightExternalId = flightExternalId
        self.externalId = externalId
        self.entityId = entityId
        self.amountPercent = amountPercent
        self.amountSum = amountSum
    }
}
