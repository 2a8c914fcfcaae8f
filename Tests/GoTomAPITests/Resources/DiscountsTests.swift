import Foundation
import GoTomAPI
import GoTomModels
import Testing

@Suite("Campaign and flight discounts against the sandbox")
struct DiscountsTests {
    @Test("campaign discounts: list, create, update, delete, each with an error path")
    func campaignDiscounts() async throws {
        try await withSandbox { harness in
            let client = harness.client
            try await client.campaigns.create(Models.campaign("r"))
            try await client.flights.create(Models.flight("r-1"), in: "r")
            #expect(try await client.campaignDiscounts.list(in: "r") == [])

            let echoed = try await client.campaignDiscounts.create(
                CampaignDiscountWrite(externalId: "cd 1", name: "Frühbucher"), in: "r")
            #expect(echoed == CampaignDiscountWrite(externalId: "cd 1", name: "Frühbucher"))
            let duplicate = try await expectGoTomError { () async throws in
                try await client.campaignDiscounts.create(
                    CampaignDiscountWrite(externalId: "cd 1", name: "Nochmal"), in: "r")
            }
            #expect(duplicate == .constraintViolations)
            #expect(duplicate.hasViolation(.campaignDiscountExternalIdAlreadyUsed))

            try await client.campaignDiscounts.update("cd 1", in: "r", with: CampaignDiscountUpdate(name: "Neu"))
            let list = try await client.campaignDiscounts.list(in: "r")
            #expect(list.map(\.name) == ["Neu"])
            let noDiscount = try await expectGoTomError { () async throws in
                try await client.campaignDiscounts.update("nope", in: "r", with: CampaignDiscountUpdate(name: "x"))
            }
            #expect(noDiscount == .notFound)
            let noCampaign = try await expectGoTomError { () async throws in
                try await client.campaignDiscounts.list(in: "nope")
            }
            #expect(noCampaign == .notFound)

            try await client.flightDiscounts.create(
                FlightDiscountCreate(flightExternalId: "r-1", externalId: "fd-1", amountPercent: 5, amountSum: nil),
                campaign: "r", campaignDiscount: "cd 1")
            let stillUsed = try await expectGoTomError { () async throws in
                try await client.campaignDiscounts.delete("cd 1", in: "r")
            }
            #expect(stillUsed == .constraintViolations)
            #expect(stillUsed.hasViolation(.campaignDiscountHasFlightDiscounts))
            try await client.flightDiscounts.delete("fd-1", campaign: "r", campaignDiscount: "cd 1")
            try await client.campaignDiscounts.delete("cd 1", in: "r")
            #expect(try await client.campaignDiscounts.list(in: "r") == [])
        }
    }

    @Test("flight discounts: create, get, update, delete, each with an error path")
    func flightDiscounts() async throws {
        try await withSandbox { harness in
            let client = harness.client
            try await client.campaigns.create(Models.campaign("r"))
            try await client.flights.create(Models.flight("r-1"), in: "r")
            try await client.campaignDiscounts.create(CampaignDiscountWrite(externalId: "cd", name: "Rabatt"), in: "r")

            try await client.flightDiscounts.create(
                FlightDiscountCreate(flightExternalId: "r-1", externalId: "fd/1", amountPercent: 5, amountSum: nil),
                campaign: "r", campaignDiscount: "cd")
            let both = try await expectGoTomError { () async throws in
                try await client.flightDiscounts.create(
                    FlightDiscountCreate(flightExternalId: "r-1", externalId: "fd-2", amountPercent: 5, amountSum: 9),
                    campaign: "r", campaignDiscount: "cd")
            }
            #expect(both == .constraintViolations)
            #expect(both.hasViolation(.flightDiscountAmountsBothSet))
            let noFlight = try await expectGoTomError { () async throws in
                try await client.flightDiscounts.create(
                    FlightDiscountCreate(
                        flightExternalId: "nope", externalId: "fd-3", amountPercent: 5, amountSum: nil),
                    campaign: "r", campaignDiscount: "cd")
            }
            #expect(noFlight == .notFound)

            let read = try await client.flightDiscounts.get("fd/1", campaign: "r", campaignDiscount: "cd")
            #expect(read.amountPercent == 5)
            #expect(read.flightExternalId == "r-1")
            let missing = try await expectGoTomError { () async throws in
                try await client.flightDiscounts.get("nope", campaign: "r", campaignDiscount: "cd")
            }
            #expect(missing == .notFound)

            try await client.flightDiscounts.update("fd/1", campaign: "r", campaignDiscount: "cd", with: .sum(120))
            let updated = try await client.flightDiscounts.get("fd/1", campaign: "r", campaignDiscount: "cd")
            #expect(updated.amountSum == 120)
            #expect(updated.amountPercent == 0)
            let updateMissing = try await expectGoTomError { () async throws in
                try await client.flightDiscounts.update(
                    "nope", campaign: "r", campaignDiscount: "cd", with: .percent(1))
            }
            #expect(updateMissing == .notFound)

            try await client.flightDiscounts.delete("fd/1", campaign: "r", campaignDiscount: "cd")
            let deleteMissing = try await expectGoTomError { () async throws in
                try await client.flightDiscounts.delete("fd/1", campaign: "r", campaignDiscount: "cd")
            }
            #expect(deleteMissing == .notFound)
        }
    }
}
