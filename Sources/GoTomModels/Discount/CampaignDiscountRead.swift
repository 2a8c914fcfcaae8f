/// A campaign discount with its flight discounts.
///
/// `entityId` is declared as `number`, but it is goTom's integer id, so it is an `Int` here.
public struct CampaignDiscountRead: Codable, Hashable, Sendable {
    /// Your id for the discount, or nil when the discount was made in goTom.
    public var externalId: String?

    /// goTom's internal id, set only when there is no `externalId`.
    public var entityId: Int?

    /// The name printed on finance documents.
    public var name: String?

    /// The discounts on single flights.
    public var flightDiscounts: [FlightDiscountRead]?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - externalId: Your id for the discount, or nil when the discount was made in goTom.
    ///   - entityId: goTom's internal id, set only when there is no `externalId`.
    ///   - name: The name printed on finance documents.
    ///   - flightDiscounts: The discounts on single flights.
    public init(
        externalId: String? = nil,
        entityId: Int? = nil,
        name: String? = nil,
        flightDiscounts: [FlightDiscountRead]? = nil
    ) {
        self.externalId = externalId
        self.entityId = entityId
        self.name = name
        self.flightDiscounts = flightDiscounts
    }
}
