import Foundation
import GoTomModels

/// What the console shows of the tenant: campaigns with their flights and discounts, and customers.
struct StateSummary: Encodable, Sendable {
    struct Campaign: Encodable, Sendable {
        var externalId: String
        var campaignId: Int
        var name: String
        var status: String
        var archived: Bool
        var flights: [Flight]
        var discounts: [Discount]
    }

    struct Flight: Encodable, Sendable {
        var externalId: String
        var platformId: Int
        var units: Int
        var start: String
        var end: String
    }

    struct Discount: Encodable, Sendable {
        var externalId: String?
        var name: String
        var flightDiscounts: [FlightDiscount]
    }

    struct FlightDiscount: Encodable, Sendable {
        var externalId: String?
        var flightExternalId: String
        var amountPercent: Decimal
        var amountSum: Decimal
    }

    struct Customer: Encodable, Sendable {
        var externalCrmId: String
        var entityId: Int
        var firm: String
    }

    var campaigns: [Campaign]
    var customers: [Customer]

    init(_ state: SandboxState) {
        campaigns = state.campaigns.values.sorted { $0.campaignId < $1.campaignId }.map { record in
            Campaign(
                externalId: record.externalId, campaignId: record.campaignId, name: record.name,
                status: record.status, archived: record.archived,
                flights: record.flights.map { flight in
                    Flight(
                        externalId: flight.externalId, platformId: flight.platformId, units: flight.units,
                        start: flight.runtime.start.map { "\($0.date)" } ?? "",
                        end: flight.runtime.end.map { "\($0.date)" } ?? "")
                },
                discounts: record.discounts.map { discount in
                    Discount(
                        externalId: discount.externalId, name: discount.name,
                        flightDiscounts: discount.flightDiscounts.map {
                            FlightDiscount(
                                externalId: $0.externalId, flightExternalId: $0.flightExternalId,
                                amountPercent: $0.amountPercent, amountSum: $0.amountSum)
                        })
                })
        }
        customers = state.customersInOrder.map {
            Customer(externalCrmId: $0.externalCrmId, entityId: $0.entityId, firm: $0.firm)
        }
    }
}
