import Foundation
import GoTomModels

/// A flight as the sandbox stores it inside its campaign.
struct FlightRecord: Codable, Sendable {
    var externalId: String
    var adServerId: String
    var runtime: FlightRuntime
    var tarifId: Int
    var mediaId: Int
    var platformId: Int
    var channelId: Int
    var advertisingId: Int
    var priceTypeId: Int
    var extraPriceLevelId: Int?
    var units: Int
    var bruttoPriceUnit: Decimal
    var flightPositionTypeName: String?
    var advertisingStatus: String
    var note: String?
    var noteInternal: String?
    var noteBilling: String?
    var keyValueSets: [KeyValueSet]?
    var geoTargetingByZip: GeoTargetingByZip?
    var flightTagIds: [Int]
    var keyValueSetsXandr: [KeyValueResultXandr]?
    var commission: CommissionValues
    var sublines: [FlightSubline] = []
    /// Seeded state (fixtures only).
    var invoice: InvoiceState = .none
    var deferred = false
    var adServerData = false
    var publisherPayouts = false
    var lineItem: FlightLineItemId?
}
