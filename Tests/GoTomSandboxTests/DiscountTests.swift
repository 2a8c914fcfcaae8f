import Foundation
import GoTomModels
import GoTomSandbox
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Discounts")
struct DiscountTests {
    static let base = "/app-api/campaign/r/campaign-discount"

    /// A campaign `r` with flights `r-1` and `r-2`.
    static func prepare(_ client: SandboxTestClient) async throws {
        #expect(try await client.post("/app-api/campaign", Bodies.campaign("r")).status == .created)
        #expect(try await client.post("/app-api/campaign/r/flight", Bodies.flight("r-1")).status == .created)
        #expect(try await client.post("/app-api/campaign/r/flight", Bodies.flight("r-2")).status == .created)
    }

    @Test("C10–C13: create echoes 201, list, rename, delete; duplicate ids and leftover flight discounts are refused")
    func campaignDiscounts() async throws {
        try await withSandbox { client throws in
            try await Self.prepare(client)
            let created = try await client.post(Self.base, #"{"name":"Frühbucher","externalId":"cd-1"}"#)
            #expect(created.status == .created)
            #expect(
                try created.decode(CampaignDiscountWrite.self)
                    == CampaignDiscountWrite(externalId: "cd-1", name: "Frühbucher"))
            let duplicate = try await client.post(Self.base, #"{"name":"Nochmal","externalId":"cd-1"}"#)
            #expect(duplicate.violations == [Violation(.campaignDiscountExternalIdAlreadyUsed, "externalId")])
            let missing = try await client.post(Self.base, #"{"name":"Ohne Id"}"#)
            #expect(missing.violations == [Violation(.nullValue, "externalId")])

            #expect(try await client.patch(Self.base + "/cd-1", #"{"name":"Frühbucher 2025"}"#).status == .noContent)
            let list = try await client.get(Self.base).decode(CampaignDiscountsRead.self)
            #expect(
                list.campaignDiscounts == [
                    CampaignDiscountRead(externalId: "cd-1", name: "Frühbucher 2025", flightDiscounts: [])
                ])
            #expect(try await client.patch(Self.base + "/nope", #"{"name":"x"}"#).status == .notFound)

            let flightDiscount = #"{"flightExternalId":"r-1","externalId":"fd-1","amountPercent":10,"amountSum":null}"#
            #expect(try await client.post(Self.base + "/cd-1/flight-discount", flightDiscount).status == .noContent)
            let attached = try await client.delete(Self.base + "/cd-1")
            #expect(attached.violations == [Violation(.campaignDiscountHasFlightDiscounts, "")])
            #expect(try await client.delete(Self.base + "/cd-1/flight-discount/fd-1").status == .noContent)
            #expect(try await client.delete(Self.base + "/cd-1").status == .noContent)
            #expect(try await client.get(Self.base).json == ["campaignDiscounts": []])
            #expect(try await client.delete(Self.base + "/cd-1").status == .notFound)
            #expect(try await client.get("/app-api/campaign/nope/campaign-discount").status == .notFound)
        }
    }

    @Test("C14–C17: flight discounts; amount rules, unknown flights, duplicate ids")
    func flightDiscounts() async throws {
        try await withSandbox { client throws in
            try await Self.prepare(client)
            #expect(try await client.post(Self.base, #"{"name":"Rabatt","externalId":"cd"}"#).status == .created)
            let path = Self.base + "/cd/flight-discount"
            let created = try await client.post(
                path, #"{"flightExternalId":"r-1","externalId":"fd","amountPercent":20.5,"amountSum":null}"#)
            #expect(created.status == .noContent)
            let read = try await client.get(path + "/fd").decode(FlightDiscountRead.self)
            #expect(
                read
                    == FlightDiscountRead(
                        flightExternalId: "r-1", externalId: "fd", amountPercent: Decimal(string: "20.5"), amountSum: 0)
            )

            let unknownFlight = try await client.post(
                path, #"{"flightExternalId":"nope","externalId":"x","amountPercent":1,"amountSum":null}"#)
            #expect(unknownFlight.status == .notFound)
            #expect(try unknownFlight.decode(ProblemDetails.self).status == 404)
            let neither = try await client.post(
                path, #"{"flightExternalId":"r-2","externalId":"x","amountPercent":null,"amountSum":null}"#)
            #expect(neither.violations == [Violation(.flightDiscountAmountMissing, "amountPercent")])
            let both = try await client.post(
                path, #"{"flightExternalId":"r-2","externalId":"x","amountPercent":1,"amountSum":2}"#)
            #expect(both.violations == [Violation(.flightDiscountAmountsBothSet, "amountSum")])
            let taken = try await client.post(
                path, #"{"flightExternalId":"r-2","externalId":"fd","amountPercent":1,"amountSum":null}"#)
            #expect(taken.violations == [Violation(.flightDiscountExternalIdAlreadyUsed, "externalId")])
            let missingKey = try await client.post(
                path, #"{"flightExternalId":"r-2","externalId":"y","amountPercent":1}"#)
            #expect(missingKey.violations == [Violation(.nullValue, "amountSum")])

            #expect(try await client.patch(path + "/fd", #"{"amountSum":50}"#).status == .noContent)
            let patched = try await client.get(path + "/fd").decode(FlightDiscountRead.self)
            #expect(patched.amountSum == 50)
            #expect(patched.amountPercent == 0)
            let patchBoth = try await client.patch(path + "/fd", #"{"amountSum":5,"amountPercent":3}"#)
            #expect(patchBoth.violations == [Violation(.flightDiscountAmountsBothSet, "amountSum")])
            let patchNone = try await client.patch(path + "/fd", #"{"amountSum":null}"#)
            #expect(patchNone.violations == [Violation(.flightDiscountAmountMissing, "amountPercent")])
            #expect(try await client.patch(path + "/nope", #"{"amountSum":1}"#).status == .notFound)

            #expect(try await client.delete(path + "/fd").status == .noContent)
            #expect(try await client.get(path + "/fd").status == .notFound)
            #expect(try await client.delete(path + "/fd").status == .notFound)
        }
    }

    @Test("a customer's default discounts become campaign discounts applied to every flight")
    func customerDefaultDiscounts() async throws {
        try await withSandbox { client throws in
            let body = Bodies.campaign("dd", customer: #"{"entityExternalCrmId":"CRM-1002"}"#)
            #expect(try await client.post("/app-api/campaign", body).status == .created)
            #expect(try await client.post("/app-api/campaign/dd/flight", Bodies.flight("dd-1")).status == .created)
            let list = try await client.get("/app-api/campaign/dd/campaign-discount").decode(CampaignDiscountsRead.self)
            let discount = try #require(list.campaignDiscounts?.first)
            #expect(discount.externalId == nil)
            #expect(discount.entityId != nil)
            #expect(discount.name == "Treuerabatt")
            #expect(discount.flightDiscounts?.map(\.flightExternalId) == ["dd-1"])
            #expect(discount.flightDiscounts?.first?.amountPercent == 5)
        }
    }

    @Test("invoice, delta-invoice and deferral rules on discounts (fixtures)")
    func invoiceRules() async throws {
        try await withSandbox(fixtures: TestFixtures.invoicing) { client throws in
            let partial = "/app-api/campaign/c-partial/campaign-discount"
            let partlyCreate = try await client.post(partial, #"{"name":"x","externalId":"new"}"#)
            #expect(partlyCreate.violations == [Violation(.flightPartlyInvoiced, "")])
            let rename = try await client.patch(partial + "/cd-p", #"{"name":"x"}"#)
            #expect(rename.violations == [Violation(.campaignHasInvoicedFlight, "")])
            let onPartial = try await client.post(
                partial + "/cd-p/flight-discount",
                #"{"flightExternalId":"p-1","externalId":"n1","amountPercent":1,"amountSum":null}"#
            )
            #expect(onPartial.violations == [Violation(.flightPartlyInvoiced, "flightExternalId")])
            let onOpen = try await client.post(
                partial + "/cd-p/flight-discount",
                #"{"flightExternalId":"p-2","externalId":"n2","amountPercent":1,"amountSum":null}"#
            )
            #expect(onOpen.violations == [Violation(.campaignHasInvoicedFlight, "")])
            let patchPartial = try await client.patch(partial + "/cd-p/flight-discount/fd-p1", #"{"amountPercent":2}"#)
            #expect(patchPartial.violations == [Violation(.flightPartlyInvoiced, "flightExternalId")])
            let patchOpen = try await client.patch(partial + "/cd-p/flight-discount/fd-p2", #"{"amountPercent":2}"#)
            #expect(patchOpen.violations == [Violation(.campaignHasInvoicedFlight, "")])
            let deletePartial = try await client.delete(partial + "/cd-p/flight-discount/fd-p1")
            #expect(deletePartial.violations == [Violation(.flightPartlyInvoiced, "flightExternalId")])
            let deleteOpen = try await client.delete(partial + "/cd-p/flight-discount/fd-p2")
            #expect(deleteOpen.violations == [Violation(.flightDiscountDeleteBlockedByInvoicedFlight, "")])

            let delta = "/app-api/campaign/c-delta/campaign-discount/cd-d"
            #expect(try await client.patch(delta, #"{"name":"x"}"#).violations == [Violation(.deltaInvoiceExists, "")])
            let deltaCreate = try await client.post(
                delta + "/flight-discount",
                #"{"flightExternalId":"d-1","externalId":"n3","amountPercent":1,"amountSum":null}"#
            )
            #expect(deltaCreate.violations == [Violation(.deltaInvoiceExists, "")])
            let deltaPatch = try await client.patch(delta + "/flight-discount/fd-d1", #"{"amountSum":1}"#)
            #expect(deltaPatch.violations == [Violation(.deltaInvoiceExists, "")])
            let deferred = try await client.delete(delta + "/flight-discount/fd-d1")
            #expect(deferred.violations == [Violation(.flightDiscountBlockedByDeferredFlight, "")])
            let seeded = try await client.get(delta + "/flight-discount/fd-d1").decode(FlightDiscountRead.self)
            #expect(seeded.amountSum == 100)
        }
    }

    @Test("the sum-up strategy answers 501 with 4c396abe… on flight-discount changes")
    func sumUpStrategy() async throws {
        var fixtures = SandboxFixtures()
        var settings = SandboxFixtures.Settings()
        settings.discountStrategy = "sumUp"
        fixtures.settings = settings
        try await withSandbox(fixtures: fixtures) { client throws in
            try await Self.prepare(client)
            #expect(try await client.post(Self.base, #"{"name":"Rabatt","externalId":"cd"}"#).status == .created)
            let path = Self.base + "/cd/flight-discount"
            let create = try await client.post(
                path, #"{"flightExternalId":"r-1","externalId":"fd","amountPercent":1,"amountSum":null}"#)
            #expect(create.status == .notImplemented)
            #expect(create.violations == [Violation(.sumUpStrategyNotSupported, "")])
        }
        fixtures.campaigns = [
            TestFixtures.campaign(
                "s", flights: [TestFixtures.flight("s-1")],
                [
                    "discounts": [
                        [
                            "externalId": "cd", "name": "R",
                            "flightDiscounts": [["externalId": "fd", "flightExternalId": "s-1", "amountSum": 5]],
                        ]
                    ]
                ]
            )
        ]
        try await withSandbox(fixtures: fixtures) { client throws in
            let path = "/app-api/campaign/s/campaign-discount/cd/flight-discount/fd"
            #expect(try await client.patch(path, #"{"amountSum":1}"#).status == .notImplemented)
            #expect(try await client.delete(path).status == .notImplemented)
            #expect(try await client.get(path).status == .ok)
        }
    }
}
