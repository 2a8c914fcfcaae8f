import Foundation
import GoTomAPI
import GoTomModels
import GoTomSandbox
import Testing

@Suite("Customers and CRM sync against the sandbox")
struct CustomersTests {
    @Test("get, list, upsert and errorLogs, each with an error path")
    func customers() async throws {
        var fixtures = SandboxFixtures()
        fixtures.crmFailures = [.init(externalCrmId: "CRM-BROKEN", apiError: "Address data incomplete")]
        try await withSandbox(fixtures: fixtures) { harness in
            let client = harness.client
            let customer = try await client.customers.get("CRM-1001")
            #expect(customer.firm == "Muster AG")
            let missing = try await expectGoTomError { () async throws(GoTomError) in
                try await client.customers.get("CRM 404/x")
            }
            #expect(missing == .notFound)
            #expect(missing.serverMessage == "Customer not found with externalCrmId CRM 404/x")

            let list = try await client.customers.list()
            #expect(list.items.contains { $0.externalCrmId == "CRM-1001" })
            #expect(list.pagination.currentPage == 1)
            let badPage = try await expectGoTomError { () async throws(GoTomError) in
                try await client.customers.list(page: 0)
            }
            #expect(badPage == .constraintViolations)
            #expect(badPage.violations.first?.propertyPath == "page")

            let upserted = try await client.customers.upsert(Models.customer("CRM-NEW", firm: "Neu AG"))
            #expect(upserted.jobAlreadyFinished == true)
            let jobId = try #require(upserted.jobId)
            #expect(try await client.customers.get("CRM-NEW").firm == "Neu AG")
            let log = try await client.customers.errorLogs(jobId: jobId)
            #expect(log.jobStatus == .finishedOk)
            let noJob = try await expectGoTomError { () async throws(GoTomError) in
                try await client.customers.errorLogs(jobId: 999_999)
            }
            #expect(noJob == .notFound)
            #expect(noJob.serverMessage == CrmJobStatus.noJobFound.rawValue)

            let broken = try await expectGoTomError { () async throws(GoTomError) in
                try await client.customers.upsert(Models.customer("CRM-BROKEN"))
            }
            #expect(broken == .crmDataError)
            #expect(broken.crmReason == .dataError)
            #expect(broken.serverMessage == "Address data incomplete")
            let brokenJob = try #require(broken.jobId)
            #expect(try await client.customers.errorLogs(jobId: brokenJob).jobStatus == .finishedError)
        }
    }

    @Test("upsert(customerJSON:) sends pre-encoded customers: the same result as upsert(_:), and goTom's errors")
    func upsertEncoded() async throws {
        var fixtures = SandboxFixtures()
        fixtures.crmFailures = [.init(externalCrmId: "CRM-BROKEN", apiError: "Address data incomplete")]
        try await withSandbox(fixtures: fixtures) { harness in
            let client = harness.client
            let encoded = String(decoding: try JSONEncoder().encode(Models.customer("CRM-JSON", firm: "Vorab AG")),
                as: UTF8.self)
            let upserted = try await client.customers.upsert(customerJSON: encoded)
            #expect(upserted.jobAlreadyFinished == true)
            #expect(try await client.customers.get("CRM-JSON").firm == "Vorab AG")

            let updated = try JSONEncoder().encode(Models.customer("CRM-JSON", firm: "Vorab Neu AG"))
            try await client.customers.upsert(customerJSON: String(decoding: updated, as: UTF8.self))
            #expect(try await client.customers.get("CRM-JSON").firm == "Vorab Neu AG")

            let brokenJSON = try JSONEncoder().encode(Models.customer("CRM-BROKEN"))
            let broken = try await expectGoTomError { () async throws(GoTomError) in
                try await client.customers.upsert(customerJSON: String(decoding: brokenJSON, as: UTF8.self))
            }
            #expect(broken == .crmDataError)
            #expect(broken.serverMessage == "Address data incomplete")
            let incomplete = try await expectGoTomError { () async throws(GoTomError) in
                try await client.customers.upsert(customerJSON: #"{"externalCrmId": "CRM-X", "firm": "X"}"#)
            }
            #expect(incomplete == .crmDataError)
            #expect(incomplete.serverMessage?.contains("lacks the required key") == true, "\(incomplete)")

            let stored = try await client.customers.list().pagination.totalItems
            let notAnObject = try await expectGoTomError { () async throws(GoTomError) in
                try await client.customers.upsert(customerJSON: "[1, 2]")
            }
            #expect(notAnObject.status == 400, "\(notAnObject)")
            #expect(try await client.customers.list().pagination.totalItems == stored)
        }
    }

    @Test("a queued upsert is .crmJobPending with the job id to poll")
    func pending() async throws {
        var fixtures = SandboxFixtures()
        var settings = SandboxFixtures.Settings()
        settings.crmSyncMode = "pending"
        fixtures.settings = settings
        try await withSandbox(fixtures: fixtures) { harness in
            let client = harness.client
            let pending = try await expectGoTomError { () async throws(GoTomError) in
                try await client.customers.upsert(Models.customer("CRM-Q"))
            }
            #expect(pending == .crmJobPending)
            #expect(pending.status == 202)
            #expect(pending.crmReason == .blockingTimeout)
            let jobId = try #require(pending.jobId)
            #expect(try await client.customers.errorLogs(jobId: jobId).jobStatus == .waiting)
        }
    }
}
