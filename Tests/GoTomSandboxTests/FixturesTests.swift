import Foundation
import GoTomAuth
import GoTomModels
import GoTomSandbox
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Fixtures")
struct FixturesTests {
    /// The example from ``SandboxFixtures``' documentation, verbatim.
    static let documentedExample = #"""
        {
          "settings": { "discountStrategy": "sumUp", "crmSyncMode": "pending", "billingTypes": [0, 1, 2, 3] },
          "primaryKeys": { "flightTags": [{ "id": 50, "name": "Black Friday" }] },
          "networks": [{ "platformId": 9, "memberPlatformIds": [1, 2, 3] }],
          "reports": [{ "kind": "custom", "id": 48, "csv": "\"Kunde\",\"Umsatz\"\n\"Muster AG\",\"1200\"\n" }],
          "crmFailures": [{ "externalCrmId": "CRM-BROKEN", "apiError": "Address data incomplete" }],
          "crmJobs": [{ "jobId": 77, "status": "JOB_STATUS_WAITING" }],
          "campaigns": [{
            "externalId": "invoiced-1", "name": "Frühling 2025", "status": "booking", "bookingDate": "2025-03-01",
            "customer": { "entityExternalCrmId": "CRM-1001" }, "deltaInvoice": true,
            "flights": [{
              "externalId": "invoiced-1-f1", "adServerId": "gam", "tarifId": 1, "mediaId": 20, "platformId": 1,
              "channelId": 10, "advertisingId": 30, "priceTypeId": 1, "units": 100000, "bruttoPriceUnit": 45,
              "runtime": { "start": { "date": "2025-03-01" }, "end": { "date": "2025-03-31" } },
              "invoice": "full", "deferred": true, "lineItem": { "strategyId": "S-1", "adserverId": 4711 }
            }]
          }]
        }
        """#

    @Test("the documented example loads and takes effect")
    func documentedExample() async throws {
        let fixtures = try JSONDecoder().decode(SandboxFixtures.self, from: Data(Self.documentedExample.utf8))
        try await withSandbox(fixtures: fixtures) { client throws in
            let tags = try await client.get("/app-api/primary-keys/flightTags").decode(PrimaryKeysRead.self)
            #expect(tags.items?.contains { $0.id == 50 && $0.name == "Black Friday" } == true)
            #expect(tags.items?.contains { $0.id == 1 } == true)
            #expect(try await client.get("/app-api/custom-report-export/download/48").text.hasPrefix("\"Kunde\""))
            let lineItem = try await client.get("/app-api/campaign/invoiced-1/flight-lineitemid/invoiced-1-f1")
            #expect(lineItem.json["adserverId"] == 4711)
            let billing = try await client.post("/app-api/campaign", Bodies.campaign("b3", extra: #","billingType":3"#))
            #expect(billing.status == .created)
            let waiting = try await client.get("/app-api/crm-sync-import-external-crm-id/error-logs/77")
            #expect(waiting.json["jobStatus"] == "JOB_STATUS_WAITING")
            let archive = try await client.post(
                "/app-api/campaign/invoiced-1/archive-status", #"{"setIsArchived":true}"#
            )
            #expect(archive.violations == [Violation(.archiveBlockedByBilledCampaign, "setIsArchived")])
        }
    }

    @Test("replaceDemoData starts from the fixtures alone")
    func replaceDemoData() async throws {
        var fixtures = SandboxFixtures()
        fixtures.replaceDemoData = true
        fixtures.primaryKeys = ["platform": [PrimaryKeyItem(id: 7, name: "Nur diese")]]
        try await withSandbox(fixtures: fixtures) { client throws in
            let platforms = try await client.get("/app-api/primary-keys/platform").decode(PrimaryKeysRead.self)
            #expect(platforms.items == [PrimaryKeyItem(id: 7, name: "Nur diese")])
            #expect(try await client.get("/app-api/primary-keys/user").decode(PrimaryKeysRead.self).items == [])
            #expect(try await client.get("/app-api/customer").decode(CustomerList.self).items.isEmpty)
            #expect(try await client.get("/app-api/graph-export/download/46").status == .notFound)
        }
    }

    @Test("without the marketer-network module the sublines endpoints answer 404")
    func marketerNetworkOff() async throws {
        var fixtures = TestFixtures.invoicing
        var settings = SandboxFixtures.Settings()
        settings.marketerNetwork = false
        fixtures.settings = settings
        try await withSandbox(fixtures: fixtures) { client throws in
            #expect(try await client.get("/app-api/campaign/c-partial/flight/p-2/sublines").status == .notFound)
            let body = #"{"sublines":[]}"#
            #expect(try await client.post("/app-api/campaign/c-partial/flight/p-2/sublines", body).status == .notFound)
        }
    }

    @Test("fixture entities are seeded only once; API changes survive a restart with the same fixtures")
    func seededOnce() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try writeFixtures(TestFixtures.invoicing)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = SandboxConfiguration(
            storage: .directory(directory), user: testCredentials.user, secret: testCredentials.secret,
            fixturesPath: path
        )
        let first = try await buildSandbox(configuration: configuration)
        try await first.test(.router) { client throws in
            let client = SandboxTestClient(client: client)
            #expect(try await client.post("/app-api/campaign/c-partial", #"{"name":"Geändert"}"#).status == .noContent)
        }
        let second = try await buildSandbox(configuration: configuration)
        try await second.test(.router) { client throws in
            let client = SandboxTestClient(client: client)
            #expect(try await client.get("/app-api/campaign/c-partial").json["name"] == "Geändert")
        }
    }

    @Test("fixtures given as a value are loaded like a file; a value and a file together are refused")
    func fixturesAsValue() async throws {
        var configuration = SandboxConfiguration(
            storage: .inMemory, user: testCredentials.user, secret: testCredentials.secret)
        configuration.fixtures = TestFixtures.invoicing
        let app = try await buildSandbox(configuration: configuration)
        try await app.test(.router) { client throws in
            let client = SandboxTestClient(client: client)
            #expect(try await client.get("/app-api/campaign/c-partial").status == .ok)
        }
        configuration.fixturesPath = "/nonexistent.json"
        await #expect(throws: SandboxError.invalidConfiguration) {
            _ = try await buildSandbox(configuration: configuration)
        }
    }
}
