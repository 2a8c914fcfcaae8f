import Foundation
import GoTomModels
import Testing

@Suite("Discount models")
struct DiscountTests {
    @Test("A flight discount create always sends both amounts, one of them null")
    func createSendsBothAmounts() throws {
        let body = FlightDiscountCreate(
            flightExternalId: "f-1", externalId: "fd-1", amountPercent: Decimal(string: "20.5"), amountSum: nil
        )
        #expect(
            try TestJSON.json(body) == [
                "flightExternalId": "f-1", "externalId": "fd-1", "amountPercent": 20.5, "amountSum": .null,
            ]
        )
        #expect(throws: DecodingError.self) {
            try TestJSON.decode(
                FlightDiscountCreate.self, #"{"flightExternalId": "f", "externalId": "e", "amountPercent": 1}"#)
        }
    }

    @Test("A flight discount update sends exactly one amount")
    func updateSendsOneAmount() throws {
        #expect(try TestJSON.json(FlightDiscountUpdate.sum(Decimal(string: "5.5")!)) == ["amountSum": 5.5])
        #expect(try TestJSON.json(FlightDiscountUpdate.percent(Decimal(string: "33.33")!)) == ["amountPercent": 33.33])
        let both = try TestJSON.decode(FlightDiscountUpdate.self, #"{"amountSum": 5, "amountPercent": null}"#)
        #expect(both == .sum(5))
    }

    @Test("Discounts made in goTom come with an integer entityId instead of an externalId")
    func entityIds() throws {
        let discounts = try TestJSON.decode(
            CampaignDiscountsRead.self,
            #"""
            {"campaignDiscounts": [{"name": "Customer default", "externalId": null, "entityId": 42,
              "flightDiscounts": [{"flightExternalId": "f-1", "externalId": null, "entityId": 43,
                                   "amountPercent": 12.25, "amountSum": 0}]}]}
            """#
        )
        let discount = try #require(discounts.campaignDiscounts?.first)
        #expect(discount.entityId == 42)
        #expect(discount.externalId == nil)
        #expect(discount.flightDiscounts?.first?.entityId == 43)
        #expect(discount.flightDiscounts?.first?.amountSum == 0)
    }

    @Test("Create and rename bodies of a campaign discount")
    func campaignDiscountBodies() throws {
        #expect(
            try TestJSON.json(CampaignDiscountWrite(externalId: "cd-1", name: "Loyalty")) == [
                "externalId": "cd-1", "name": "Loyalty",
            ])
        #expect(try TestJSON.json(CampaignDiscountUpdate(name: "Renamed")) == ["name": "Renamed"])
    }
}
