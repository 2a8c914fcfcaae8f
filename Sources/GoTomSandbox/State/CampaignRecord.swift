import Foundation
import GoTomModels

/// A campaign as the sandbox stores it (one JSON document per campaign, flights and discounts included).
struct CampaignRecord: Codable, Sendable {
    var campaignId: Int
    var externalId: String
    var name: String
    var status: String
    var bookingDate: CalendarDate
    var campaignTypeId: Int?
    var campaignTypeReference: String?
    var customer: PartyRef?
    var intermediator: PartyRef?
    var agency: PartyRef?
    var note: String?
    var noteInternal: String?
    var noteReservation: String?
    var pdfInvoiceWithAttachment: Bool
    var billingType: Int
    var salesSupportUserId: Int?
    var salesUserId: Int?
    var currency: String
    var commissionStatus: Int
    var vmkType: String?
    /// Commissions new flights start with (from the agency and intermediator).
    var defaultCommission: CommissionValues
    var archived = false
    /// Seeded state: the campaign has a delta invoice.
    var deltaInvoice = false
    /// Seeded state: the campaign is billed even if not every flight is fully invoiced.
    var billed = false
    var flights: [FlightRecord] = []
    var discounts: [CampaignDiscountRecord] = []
    var documentCount = 0

    /// Whether at least one flight is partly or fully invoiced.
    var hasInvoicedFlight: Bool { flights.contains { $0.invoice != .none } }

    /// Whether the campaign counts as billed: flagged, or every flight fully invoiced.
    var isBilled: Bool { billed || (!flights.isEmpty && flights.allSatisfy { $0.invoice == .full }) }

    /// Whether some, but not all, of the campaign is invoiced.
    var isPartlyInvoiced: Bool { hasInvoicedFlight && !isBilled }

    func flightIndex(_ externalId: String) -> Int? {
        flights.firstIndex { $0.externalId == externalId }
    }

    func discountIndex(_ externalId: String) -> Int? {
        discounts.firstIndex { $0.externalId == externalId }
    }
}

/// A reference from a campaign to a customer (and optionally one of its addresses and contacts), by internal id.
struct PartyRef: Codable, Sendable, Hashable {
    var customerEntityId: Int
    var addressId: Int?
    var personId: Int?
}

/// Agency (BK) and intermediator (VMK) commission values, each as percentage or amount.
struct CommissionValues: Codable, Sendable, Hashable {
    var bkPercent: Decimal?
    var bkAmount: Decimal?
    var vmkPercent: Decimal?
    var vmkAmount: Decimal?
}

/// How far a flight is invoiced (seeded through fixtures; the API cannot invoice).
enum InvoiceState: String, Codable, Sendable {
    case none
    case partial
    case full
}
