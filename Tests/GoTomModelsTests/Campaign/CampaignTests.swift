import Foundation
import GoTomModels
import Testing

@Suite("Campaign models")
struct CampaignTests {
    @Test("A create body carries the required fields and leaves unset ones out")
    func createBody() throws {
        let body = CampaignCreate(
            externalId: "c-1",
            name: "Spring",
            bookingDate: try CalendarDate(parsing: "2024-11-07"),
            customer: ContactRef(entityExternalCrmId: "crm-1"),
            billingType: .monthlyByDailyValue
        )
        #expect(
            try TestJSON.json(body) == [
                "externalId": "c-1", "name": "Spring", "status": "booking", "bookingDate": "2024-11-07",
                "customer": ["entityExternalCrmId": "crm-1"], "billingType": 2,
            ]
        )
    }

    @Test("A create body without a customer does not decode")
    func createNeedsCustomer() {
        #expect(throws: DecodingError.self) {
            try TestJSON.decode(
                CampaignCreate.self,
                #"{"externalId":"c","name":"n","status":"booking","bookingDate":"2024-01-01","customer":null}"#
            )
        }
    }

    @Test("A campaign read with null sales fields, a null customer and flights")
    func readWithNulls() throws {
        let campaign = try TestJSON.decode(
            CampaignRead.self,
            #"""
            {"campaignId": 26106, "externalId": "c-1", "name": "Spring", "status": "reservation",
             "bookingDate": "2024-11-07", "customer": null, "salesSupportId": null, "salesEmail": null,
             "campaignTypeId": null, "commissionStatus": 4, "flights": []}
            """#
        )
        #expect(campaign.customer == nil)
        #expect(campaign.salesSupportId == nil)
        #expect(campaign.commissionStatus == .separateIntermediatorCommission)
        #expect(try TestJSON.json(campaign)["customer"] == .null)
        #expect(throws: DecodingError.self) {
            try TestJSON.decode(
                CampaignRead.self,
                #"{"externalId": "c-1", "name": "Spring", "status": "booking", "bookingDate": "2024-11-07"}"#
            )
        }
    }

    @Test("Document content is base64 on the wire, whatever the coder's data strategy")
    func documentContent() throws {
        let document = Document(name: "Order.pdf", content: Data("%PDF-1.7".utf8))
        let encoder = JSONEncoder()
        encoder.dataEncodingStrategy = .deferredToData
        let json = try JSONDecoder().decode(JSONValue.self, from: encoder.encode(document))
        #expect(json == ["name": "Order.pdf", "content": "JVBERi0xLjc="])
        do {
            _ = try TestJSON.decode(Document.self, #"{"content": "not base64!"}"#)
            Issue.record("decoding should have failed")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.underlyingError as? GoTomModelsError == .invalidBase64)
            #expect(context.codingPath.map(\.stringValue) == ["content"])
        }
    }

    @Test("Archive and commission status bodies")
    func smallBodies() throws {
        #expect(try TestJSON.json(ArchiveStatus(setIsArchived: true)) == ["setIsArchived": true])
        #expect(try TestJSON.json(CommissionStatus(commissionStatus: .direct)) == ["commissionStatus": 0])
    }
}
