import GoTomModels
import GoTomSandbox

/// Fixtures with the states the API cannot create: invoiced, billed, deferred, delta-invoiced campaigns.
enum TestFixtures {
    static func flight(_ id: String, _ flags: [String: JSONValue] = [:]) -> JSONValue {
        var flight: [String: JSONValue] = [
            "externalId": .string(id), "adServerId": "gam", "tarifId": 1, "mediaId": 20, "platformId": 1,
            "channelId": 10, "advertisingId": 30, "priceTypeId": 1, "units": 1000, "bruttoPriceUnit": 45,
            "runtime": ["start": ["date": "2025-01-01"], "end": ["date": "2025-01-31"]],
        ]
        flight.merge(flags) { _, new in new }
        return .object(flight)
    }

    static func campaign(_ id: String, flights: [JSONValue], _ flags: [String: JSONValue] = [:]) -> JSONValue {
        var campaign: [String: JSONValue] = [
            "externalId": .string(id), "name": .string("Kampagne \(id)"), "status": "booking",
            "bookingDate": "2025-01-01", "customer": ["entityExternalCrmId": "CRM-1001"], "flights": .array(flights),
        ]
        campaign.merge(flags) { _, new in new }
        return .object(campaign)
    }

    /// - `c-partial`: flight `p-1` partly invoiced, `p-2` open; discount `cd-p` with `fd-p1` (p-1) and `fd-p2` (p-2).
    /// - `c-billed`: billed, flight `b-1` fully invoiced.
    /// - `c-delta`: delta invoice; flight `d-1` deferred with ad-server data, payouts and a line item; discount
    ///   `cd-d` with `fd-d1`.
    static var invoicing: SandboxFixtures {
        var fixtures = SandboxFixtures()
        fixtures.campaigns = [
            campaign(
                "c-partial", flights: [flight("p-1", ["invoice": "partial"]), flight("p-2")],
                [
                    "discounts": [
                        [
                            "externalId": "cd-p", "name": "Rabatt",
                            "flightDiscounts": [
                                ["externalId": "fd-p1", "flightExternalId": "p-1", "amountPercent": 10],
                                ["externalId": "fd-p2", "flightExternalId": "p-2", "amountPercent": 5],
                            ],
                        ]
                    ]
                ]
            ),
            campaign("c-billed", flights: [flight("b-1", ["invoice": "full"])], ["billed": true]),
            campaign(
                "c-delta",
                flights: [
                    flight(
                        "d-1",
                        [
                            "deferred": true, "adServerData": true, "publisherPayouts": true,
                            "lineItem": ["strategyId": "S-77", "adserverId": 4711],
                        ]
                    )
                ],
                [
                    "deltaInvoice": true,
                    "discounts": [
                        [
                            "externalId": "cd-d", "name": "Delta",
                            "flightDiscounts": [["externalId": "fd-d1", "flightExternalId": "d-1", "amountSum": 100]],
                        ]
                    ],
                ]
            ),
        ]
        return fixtures
    }
}
