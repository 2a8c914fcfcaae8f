import Foundation

/// A campaign discount and its flight discounts.
///
/// Discounts made through the API carry an `externalId`; those applied from a customer's default discounts
/// carry only the internal `entityId`, which is why goTom's read schema has both.
struct CampaignDiscountRecord: Codable, Sendable {
    var externalId: String?
    var entityId: Int
    var name: String
    var flightDiscounts: [FlightDiscountRecord] = []
    /// The percentage applied to each new flight when this discount came from the customer's defaults.
    var defaultPercent: Decimal?

    func flightDiscountIndex(_ externalId: String) -> Int? {
        flightDiscounts.firstIndex { $0.externalId == externalId }
    }
}

/// A discount on one flight; exactly one of the amounts is meaningful, the other is 0.
struct FlightDiscountRecord: Codable, Sendable {
    var externalId: String?
    var entityId: Int
    var flightExternalId: String
    var amountPercent: Decimal
    var amountSum: Decimal
}
