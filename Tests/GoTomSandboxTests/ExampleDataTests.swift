import Foundation
import GoTomModels
import GoTomSandbox
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("goTom's example ids in the default data")
struct ExampleDataTests {
    @Test("the spec examples' ids answer 200, campaign 12345 exists and 26106 stays unknown")
    func exampleIds() async throws {
        try await withSandbox { client throws in
            let campaign = "/app-api/campaign/example-campaign"
            for path in [
                campaign, campaign + "/flight/example-flight", campaign + "/campaign-discount",
                campaign
                    + "/campaign-discount/campaignDiscountExternalId1234/flight-discount/flightDiscountExternalId1234",
                "/app-api/customer/example-customer1234", "/app-api/graph-export/download/46",
                "/app-api/custom-report-export/download/47", "/app-api/campaign/12345",
            ] {
                #expect(try await client.get(path).status == .ok, "\(path)")
            }
            #expect(try await client.get("/app-api/campaign/26106").status == .notFound)
            let flightDiscount = try await client.get(
                campaign
                    + "/campaign-discount/campaignDiscountExternalId1234/flight-discount/flightDiscountExternalId1234")
            #expect(flightDiscount.json["flightExternalId"] == "example-flight")
            let update =
                #"{"name": "new campaign name", "status": "booking", "bookingDate": "2021-06-23", "note": "new note"}"#
            #expect(try await client.post("/app-api/campaign/12345", update).status == .noContent)
        }
    }

    @Test("fixtures that replace the demo data leave the example campaigns out")
    func replaced() async throws {
        var fixtures = SandboxFixtures()
        fixtures.replaceDemoData = true
        try await withSandbox(fixtures: fixtures) { client throws in
            #expect(try await client.get("/app-api/campaign/example-campaign").status == .notFound)
        }
    }
}
