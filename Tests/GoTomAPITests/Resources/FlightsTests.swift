import Foundation
import GoTomAPI
import GoTomModels
import GoTomSandbox
import Testing

@Suite("Flights against the sandbox")
struct FlightsTests {
    /// A campaign with one flight whose line item is seeded (the API cannot set it).
    static var fixtures: SandboxFixtures {
        var fixtures = SandboxFixtures()
        fixtures.campaigns = [
            [
                "externalId": "seeded", "name": "Seeded", "status": "booking", "bookingDate": "2025-03-01",
                "customer": ["entityExternalCrmId": "CRM-1001"],
                "flights": [
                    [
                        "externalId": "seeded-f1", "adServerId": "gam", "tarifId": 1, "mediaId": 20,
                        "platformId": 1, "channelId": 10, "advertisingId": 30, "priceTypeId": 1, "units": 1000,
                        "bruttoPriceUnit": 45,
                        "runtime": ["start": ["date": "2025-03-01"], "end": ["date": "2025-03-31"]],
                        "lineItem": ["strategyId": "S-1", "adserverId": 4711],
                    ]
                ],
            ]
        ]
        return fixtures
    }

    @Test("create, get, update and delete, each with an error path")
    func lifecycle() async throws {
        try await withSandbox { harness in
            let client = harness.client
            try await client.campaigns.create(Models.campaign("c"))
            try await client.flights.create(Models.flight("f 1/ä"), in: "c")
            let flight = try await client.flights.get("f 1/ä", in: "c")
            #expect(flight.units == 100_000)
            #expect(flight.flightPositionTypeName == "Standard")

            let unknownCombination = try await expectGoTomError { () async throws in
                try await client.flights.create(Models.flight("f-2", channelId: 12), in: "c")
            }
            #expect(unknownCombination == .constraintViolations)
            #expect(unknownCombination.hasViolation(.unknownPlatformChannelAdvertising))
            let noCampaign = try await expectGoTomError { () async throws in
                try await client.flights.create(Models.flight("f-3"), in: "nope")
            }
            #expect(noCampaign == .notFound)

            try await client.flights.update(
                "f 1/ä", in: "c", with: FlightUpdate(units: 5000, flightTags: .value([1, 2])))
            let updated = try await client.flights.get("f 1/ä", in: "c")
            #expect(updated.units == 5000)
            #expect(updated.flightTags.map(\.name) == ["Wahlen 2025", "Weihnachten"])
            let badUpdate = try await expectGoTomError { () async throws in
                try await client.flights.update("f 1/ä", in: "c", with: FlightUpdate(platformId: 999))
            }
            #expect(badUpdate == .constraintViolations)
            #expect(badUpdate.hasViolation(.referencedIdNotFound))
            let noFlight = try await expectGoTomError { () async throws in
                try await client.flights.get("nope", in: "c")
            }
            #expect(noFlight == .notFound)

            try await client.flights.create(Models.flight("f-archived"), in: "c")
            try await client.campaigns.setArchiveStatus("c", archived: true)
            let archived = try await expectGoTomError { () async throws in
                try await client.flights.delete("f-archived", in: "c")
            }
            #expect(archived == .constraintViolations)
            #expect(archived.hasViolation(.deleteBlockedByArchivedCampaign))
            try await client.campaigns.setArchiveStatus("c", archived: false)
            try await client.flights.delete("f-archived", in: "c")
            let gone = try await expectGoTomError { () async throws in
                try await client.flights.delete("f-archived", in: "c")
            }
            #expect(gone == .notFound)
        }
    }

    @Test("line item ids, sublines and commission, each with an error path")
    func details() async throws {
        try await withSandbox(fixtures: Self.fixtures) { harness in
            let client = harness.client
            let lineItem = try await client.flights.lineItemId("seeded-f1", in: "seeded")
            #expect(lineItem == FlightLineItemId(strategyId: "S-1", adserverId: 4711))
            let noLineItem = try await expectGoTomError { () async throws in
                try await client.flights.lineItemId("nope", in: "seeded")
            }
            #expect(noLineItem == .notFound)

            try await client.campaigns.create(Models.campaign("net"))
            try await client.flights.create(Models.flight("net-1", platformId: 9, tarifId: 3), in: "net")
            #expect(try await client.flights.sublines("net-1", in: "net").sublines ?? [] == [])
            let split = FlightSublines(sublines: [
                FlightSubline(platformId: 1, percentage: 60, note: "NZZ"),
                FlightSubline(platformId: 2, percentage: 40),
            ])
            try await client.flights.setSublines("net-1", in: "net", to: split)
            let read = try await client.flights.sublines("net-1", in: "net")
            #expect(read.sublines?.map(\.percentage) == [60, 40])
            let noSublines = try await expectGoTomError { () async throws in
                try await client.flights.sublines("nope", in: "net")
            }
            #expect(noSublines == .notFound)
            let badSplit = try await expectGoTomError { () async throws in
                try await client.flights.setSublines(
                    "net-1", in: "net",
                    to: FlightSublines(sublines: [FlightSubline(platformId: 1, percentage: 70)]))
            }
            #expect(badSplit == .constraintViolations)
            #expect(badSplit.hasViolation(.sublinePercentagesNotHundred))

            try await client.flights.setCommission(
                "net-1", in: "net", to: FlightCommission(bkPercent: 4, vmkType: .vmk, vmkAmount: 100))
            let commission = try await client.flights.commission("net-1", in: "net")
            #expect(commission.bkPercent == 4)
            #expect(commission.vmkAmount == 100)
            let noCommission = try await expectGoTomError { () async throws in
                try await client.flights.commission("nope", in: "net")
            }
            #expect(noCommission == .notFound)
            let both = try await expectGoTomError { () async throws in
                try await client.flights.setCommission(
                    "net-1", in: "net", to: FlightCommission(bkPercent: 4, bkAmount: 10))
            }
            #expect(both == .constraintViolations)
            #expect(both.hasViolation(.commissionPercentAndAmountBothSet))
        }
    }
}
