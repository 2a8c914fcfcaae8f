import Foundation
import GoTomModels
import GoTomSandbox
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Flights")
struct FlightTests {
    @Test("C5 + C7: create answers 201; read expands tags and reports the default position type")
    func createAndRead() async throws {
        try await withSandbox { client throws in
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("f")).status == .created)
            let created = try await client.post(
                "/app-api/campaign/f/flight",
                Bodies.flight(
                    "f-1",
                    [
                        "flightTags": "[1,3]", "note": #""Startseite""#,
                        "geoTargetingByZip": #"{"countryId":"DE","zipCodes":"10115"}"#,
                    ]
                )
            )
            #expect(created.status == .created)
            #expect(created.body.readableBytes == 0)
            let flight = try await client.get("/app-api/campaign/f/flight/f-1").decode(FlightRead.self)
            #expect(
                flight.flightTags == [FlightTag(id: 1, name: "Wahlen 2025"), FlightTag(id: 3, name: "Sommerkampagne")])
            #expect(flight.flightPositionTypeName == "Standard")
            #expect(flight.advertisingStatus == .open)
            #expect(flight.bruttoPriceUnit == .amount(45))
            #expect(flight.runtime.start?.time == "00:00")
            #expect(flight.geoTargetingByZip?.countryId == .germany)
            let campaign = try await client.get("/app-api/campaign/f").decode(CampaignRead.self)
            #expect(campaign.flights?.map(\.externalId) == ["f-1"])
            #expect(try await client.get("/app-api/campaign/f/flight/nope").status == .notFound)
            #expect(try await client.post("/app-api/campaign/nope/flight", Bodies.flight("x")).status == .notFound)
        }
    }

    @Test("C5: loadFromRate takes the price from the rate card, preferring the exact extra price level")
    func loadFromRate() async throws {
        try await withSandbox { client throws in
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("r")).status == .created)
            #expect(
                try await client.post(
                    "/app-api/campaign/r/flight", Bodies.flight("r-1", ["bruttoPriceUnit": #""loadFromRate""#])
                ).status == .created)
            #expect(try await client.get("/app-api/campaign/r/flight/r-1").json["bruttoPriceUnit"] == 45)
            let premium = Bodies.flight("r-2", ["extraPriceLevelId": "1", "bruttoPriceUnit": #""loadFromRate""#])
            #expect(try await client.post("/app-api/campaign/r/flight", premium).status == .created)
            #expect(try await client.get("/app-api/campaign/r/flight/r-2").json["bruttoPriceUnit"] == 58)
        }
    }

    @Test("C5: schema, reference, combination, price and uniqueness rules")
    func createViolations() async throws {
        try await withSandbox(fixtures: TestFixtures.invoicing) { client throws in
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("v")).status == .created)
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("w")).status == .created)
            let missing = try await client.post("/app-api/campaign/v/flight", "{}")
            #expect(
                Set(missing.violations)
                    == Set(
                        [
                            "externalId", "adServerId", "runtime", "tarifId", "mediaId", "platformId", "channelId",
                            "advertisingId", "priceTypeId", "units", "bruttoPriceUnit",
                        ].map { Violation(.nullValue, $0) }
                    )
            )
            let shapes = try await client.post(
                "/app-api/campaign/v/flight",
                Bodies.flight(
                    "v-1",
                    [
                        "advertisingStatus": #""done""#, "bruttoPriceUnit": #""cheap""#,
                        "runtime": #"{"start":{"date":"2025-01-01","time":"25:00"},"end":{}}"#,
                    ]
                )
            )
            #expect(
                Set(shapes.violations)
                    == [
                        Violation(.invalidChoice, "advertisingStatus"), Violation(.invalidType, "runtime.start.time"),
                        Violation(.nullValue, "runtime.end.date"), Violation(.invalidChoice, "bruttoPriceUnit"),
                    ]
            )
            let references = try await client.post(
                "/app-api/campaign/v/flight",
                #"{"externalId":"v-1","adServerId":"nope","runtime":{"start":{"date":"2025-01-01"},"end":{"date":"2025-01-02"}},"tarifId":99,"mediaId":99,"platformId":99,"channelId":99,"advertisingId":99,"priceTypeId":99,"extraPriceLevelId":99,"units":1,"bruttoPriceUnit":1,"flightPositionTypeName":"Oben","flightTags":[1,99]}"#
            )
            #expect(
                Set(references.violations)
                    == Set(
                        [
                            "adServerId", "tarifId", "mediaId", "platformId", "channelId", "advertisingId",
                            "priceTypeId",
                            "extraPriceLevelId", "flightPositionTypeName", "flightTags[1]",
                        ].map { Violation(.referencedIdNotFound, $0) }
                    )
            )
            let combination = try await client.post(
                "/app-api/campaign/v/flight", Bodies.flight("v-1", ["platformId": "2", "channelId": "11"])
            )
            #expect(combination.violations == [Violation(.unknownPlatformChannelAdvertising, "platformId")])
            let noPrice = try await client.post(
                "/app-api/campaign/v/flight",
                Bodies.flight("v-1", ["priceTypeId": "2", "bruttoPriceUnit": #""loadFromRate""#])
            )
            #expect(noPrice.violations == [Violation(.priceNotFound, "bruttoPriceUnit")])
            #expect(try await client.post("/app-api/campaign/v/flight", Bodies.flight("v-1")).status == .created)
            let duplicate = try await client.post("/app-api/campaign/w/flight", Bodies.flight("v-1"))
            #expect(duplicate.violations == [Violation(.externalIdAlreadyUsed, "externalId")])
            let fullyInvoiced = try await client.post("/app-api/campaign/w/flight", Bodies.flight("b-1"))
            #expect(fullyInvoiced.violations == [Violation(.flightFullyInvoiced, "externalId")])
        }
    }

    @Test("C6: the seeded line item, or nulls when there is none")
    func lineItem() async throws {
        try await withSandbox(fixtures: TestFixtures.invoicing) { client throws in
            let seeded = try await client.get("/app-api/campaign/c-delta/flight-lineitemid/d-1")
            #expect(try seeded.decode(FlightLineItemId.self) == FlightLineItemId(strategyId: "S-77", adserverId: 4711))
            let empty = try await client.get("/app-api/campaign/c-partial/flight-lineitemid/p-2")
            #expect(
                empty.text == #"{"adserverId":null,"strategyId":null}"#
                    || empty.json == ["strategyId": .null, "adserverId": .null])
            #expect(try await client.get("/app-api/campaign/c-delta/flight-lineitemid/x").status == .notFound)
        }
    }

    @Test("C8: partial update, null resets position type and clears tags; reference and price rules")
    func update() async throws {
        try await withSandbox { client throws in
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("u")).status == .created)
            let body = Bodies.flight("u-1", ["flightTags": "[2]", "flightPositionTypeName": #""Exklusiv""#])
            #expect(try await client.post("/app-api/campaign/u/flight", body).status == .created)
            let update = try await client.post(
                "/app-api/campaign/u/flight/u-1",
                #"{"units":5,"flightTags":null,"flightPositionTypeName":null,"advertisingStatus":"received","runtime":{"end":{"date":"2025-04-30"}},"adServerPushChanges":{"adServerId":"gam","types":["units"]}}"#
            )
            #expect(update.status == .noContent)
            let flight = try await client.get("/app-api/campaign/u/flight/u-1").decode(FlightRead.self)
            #expect(flight.units == 5)
            #expect(flight.flightTags == [])
            #expect(flight.flightPositionTypeName == "Standard")
            #expect(flight.advertisingStatus == .received)
            #expect(flight.runtime.start?.date.iso8601 == "2025-03-01")
            #expect(flight.runtime.end?.date.iso8601 == "2025-04-30")
            #expect(flight.bruttoPriceUnit == .amount(45))

            let references = try await client.post(
                "/app-api/campaign/u/flight/u-1", #"{"mediaId":999,"flightTags":[42]}"#)
            #expect(
                Set(references.violations) == [
                    Violation(.referencedIdNotFound, "mediaId"), Violation(.referencedIdNotFound, "flightTags[0]"),
                ])
            let combination = try await client.post(
                "/app-api/campaign/u/flight/u-1", #"{"platformId":2,"channelId":11}"#)
            #expect(combination.violations == [Violation(.unknownPlatformChannelAdvertising, "platformId")])
            let noPrice = try await client.post(
                "/app-api/campaign/u/flight/u-1", #"{"priceTypeId":3,"bruttoPriceUnit":"loadFromRate"}"#)
            #expect(noPrice.violations == [Violation(.priceNotFound, "bruttoPriceUnit")])
            let keyValues = try await client.post(
                "/app-api/campaign/u/flight/u-1",
                #"{"keyValueSets":[{"adServerId":"gam","keyValues":[]},{"adServerId":"bad","keyValues":[{"id":"k","comparisonOperator":0,"values":[{"id":"custom_15"}]}]}]}"#
            )
            #expect(keyValues.violations == [Violation(.invalidKeyValueSetAdServerId, "keyValueSets[1].adServerId")])
            let nullUnits = try await client.post("/app-api/campaign/u/flight/u-1", #"{"units":null}"#)
            #expect(nullUnits.violations == [Violation(.nullValue, "units")])
            #expect(try await client.get("/app-api/campaign/u/flight/u-1").json["units"] == 5)
            #expect(try await client.post("/app-api/campaign/u/flight/nope", "{}").status == .notFound)
        }
    }

    @Test("C8: Xandr targeting is stored and read back; malformed sets are refused with a path")
    func xandrTargeting() async throws {
        try await withSandbox { client throws in
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("x")).status == .created)
            #expect(try await client.post("/app-api/campaign/x/flight", Bodies.flight("x-1")).status == .created)
            let xandr =
                #"{"keyValueSetsXandr":[{"adServerId":"xandr1","keyValueSets":[{"set":[{"id":"39746","name":"Foobar","values":[{"id":"48228166","name":"baz"}]},{"id":"2571139747","name":"Foobaz","numericValue":"6","comparisonOperator":"2"}]}],"outerOp":"AND"}]}"#
            #expect(try await client.post("/app-api/campaign/x/flight/x-1", xandr).status == .noContent)
            let flight = try await client.get("/app-api/campaign/x/flight/x-1").decode(FlightRead.self)
            #expect(flight.keyValueSetsXandr?.first?.keyValueSets.first?.set.count == 2)
            let broken = try await client.post(
                "/app-api/campaign/x/flight/x-1", #"{"keyValueSetsXandr":[{"adServerId":"xandr1","keyValueSets":[]}]}"#
            )
            #expect(broken.violations == [Violation(.blankValue, "keyValueSetsXandr[0].keyValueSets")])
        }
    }

    @Test("C9: delete answers 204 and removes the flight's discounts; blocked states are refused")
    func delete() async throws {
        try await withSandbox(fixtures: TestFixtures.invoicing) { client throws in
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("d")).status == .created)
            #expect(try await client.post("/app-api/campaign/d/flight", Bodies.flight("d-x")).status == .created)
            #expect(try await client.delete("/app-api/campaign/d/flight/d-x").status == .noContent)
            #expect(try await client.get("/app-api/campaign/d/flight/d-x").status == .notFound)
            #expect(try await client.delete("/app-api/campaign/d/flight/d-x").status == .notFound)

            #expect(try await client.post("/app-api/campaign/d/flight", Bodies.flight("d-y")).status == .created)
            #expect(
                try await client.post("/app-api/campaign/d/archive-status", #"{"setIsArchived":true}"#).status
                    == .noContent)
            let archived = try await client.delete("/app-api/campaign/d/flight/d-y")
            #expect(archived.violations == [Violation(.deleteBlockedByArchivedCampaign, "")])
            let invoiced = try await client.delete("/app-api/campaign/c-partial/flight/p-1")
            #expect(invoiced.violations == [Violation(.deleteBlockedByInvoicedFlight, "")])
            let blocked = try await client.delete("/app-api/campaign/c-delta/flight/d-1")
            #expect(
                Set(blocked.violations)
                    == [
                        Violation(.deleteBlockedByAdServerData, ""), Violation(.deleteBlockedByDeferredData, ""),
                        Violation(.deleteBlockedByPublisherPayouts, ""),
                    ]
            )
            #expect(try await client.delete("/app-api/campaign/c-partial/flight/p-2").status == .noContent)
            let discounts = try await client.get("/app-api/campaign/c-partial/campaign-discount").decode(
                CampaignDiscountsRead.self)
            #expect(discounts.campaignDiscounts?.first?.flightDiscounts?.map(\.externalId) == ["fd-p1"])
        }
    }

    @Test("C18 + C19: network sublines replace the set; platform and percentage rules")
    func sublines() async throws {
        try await withSandbox { client throws in
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("n")).status == .created)
            let network = Bodies.flight("n-1", ["platformId": "9", "tarifId": "3"])
            #expect(try await client.post("/app-api/campaign/n/flight", network).status == .created)
            #expect(try await client.post("/app-api/campaign/n/flight", Bodies.flight("n-2")).status == .created)
            #expect(try await client.get("/app-api/campaign/n/flight/n-1/sublines").json == ["sublines": []])
            let body =
                #"{"sublines":[{"platformId":1,"percentage":42.5,"note":"NZZ"},{"platformId":2,"percentage":57.5}]}"#
            #expect(try await client.post("/app-api/campaign/n/flight/n-1/sublines", body).status == .noContent)
            let read = try await client.get("/app-api/campaign/n/flight/n-1/sublines").decode(FlightSublines.self)
            #expect(read.sublines?.map(\.platformId) == [1, 2])
            #expect(read.sublines?.first?.percentage == Decimal(string: "42.5"))
            let outside = try await client.post(
                "/app-api/campaign/n/flight/n-1/sublines", #"{"sublines":[{"platformId":4,"percentage":100}]}"#
            )
            #expect(outside.violations == [Violation(.sublinePlatformNotInNetwork, "sublines[0].platformId")])
            let sum = try await client.post(
                "/app-api/campaign/n/flight/n-1/sublines",
                #"{"sublines":[{"platformId":1,"percentage":50},{"platformId":3,"percentage":40}]}"#
            )
            #expect(sum.violations == [Violation(.sublinePercentagesNotHundred, "sublines")])
            let notNetwork = try await client.post(
                "/app-api/campaign/n/flight/n-2/sublines", #"{"sublines":[{"platformId":1,"percentage":100}]}"#
            )
            #expect(notNetwork.violations == [Violation(.sublinePlatformNotInNetwork, "sublines[0].platformId")])
            #expect(try await client.get("/app-api/campaign/n/flight/nope/sublines").status == .notFound)
            #expect(try await client.post("/app-api/campaign/n/flight/nope/sublines", body).status == .notFound)
        }
    }

    @Test("C23 + C24: flight commission; amount replaces percent; vmkType is campaign-wide; rules")
    func commission() async throws {
        try await withSandbox(fixtures: TestFixtures.invoicing) { client throws in
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("k")).status == .created)
            #expect(try await client.post("/app-api/campaign/k/flight", Bodies.flight("k-1")).status == .created)
            #expect(try await client.post("/app-api/campaign/k/flight", Bodies.flight("k-2")).status == .created)
            let initial = try await client.get("/app-api/campaign/k/flight/k-1/commission").decode(
                FlightCommission.self)
            #expect(initial == FlightCommission(bkPercent: 0, vmkPercent: 0))
            let set = try await client.post(
                "/app-api/campaign/k/flight/k-1/commission", #"{"bkAmount":120,"vmkType":"DBE","vmkPercent":12}"#
            )
            #expect(set.status == .noContent)
            let read = try await client.get("/app-api/campaign/k/flight/k-1/commission").decode(FlightCommission.self)
            #expect(read == FlightCommission(bkAmount: 120, vmkType: .dbe, vmkPercent: 12))
            #expect(try await client.get("/app-api/campaign/k/flight/k-2/commission").json["vmkType"] == "DBE")
            let both = try await client.post(
                "/app-api/campaign/k/flight/k-1/commission", #"{"bkPercent":5,"bkAmount":120}"#)
            #expect(both.violations == [Violation(.commissionPercentAndAmountBothSet, "bkAmount")])
            let type = try await client.post("/app-api/campaign/k/flight/k-1/commission", #"{"vmkType":"XYZ"}"#)
            #expect(type.violations == [Violation(.invalidChoice, "vmkType")])
            let invoiced = try await client.post(
                "/app-api/campaign/c-partial/flight/p-1/commission", #"{"bkPercent":5}"#)
            #expect(invoiced.violations == [Violation(.commissionBlockedByInvoicedFlight, "")])
            let delta = try await client.post("/app-api/campaign/c-delta/flight/d-1/commission", #"{"bkPercent":5}"#)
            #expect(delta.violations == [Violation(.deltaInvoiceExists, "")])
            #expect(try await client.get("/app-api/campaign/k/flight/nope/commission").status == .notFound)
            #expect(try await client.post("/app-api/campaign/k/flight/nope/commission", "{}").status == .notFound)
        }
    }
}
