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
            let missing = try await expectGoTomError { () async throws in
                try await client.customers.get("CRM 404/x")
            }
            #expect(missing == .notFound)
            #expect(missing.serverMessage == "Customer not found with externalCrmId CRM 404/x")

            let list = try await client.customers.list()
            #expect(list.items.contains { $0.externalCrmId == "CRM-1001" })
            #expect(list.pagination.currentPage == 1)
            let badPage = try await expectGoTomError { () async throws in
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
            let noJob = try await expectGoTomError { () async throws in
                try await client.customers.errorLogs(jobId: 999_999)
            }
            #expect(noJob == .notFound)
            #expect(noJob.serverMessage == CrmJobStatus.noJobFound.rawValue)

            let broken = try await expectGoTomError { () async throws in
                try await client.customers.upsert(Models.customer("CRM-BROKEN"))
            }
            #expect(broken == .crmDataError)
            #expect(broken.crmReason == .dataError)
            #expect(broken.serverMessage == "Address data incomplete")
            let brokenJob = try #require(broken.jobId)
            #expect(try await client.customers.errorLogs(jobId: brokenJob).jobStatus == .finishedError)
        }
    }

    @Test("upsert(customerJSON:) creates and updates pre-encoded customers, refuses text that is not one object")
    func upsertEncoded() async throws {
        var fixtures = SandboxFixtures()
        fixtures.crmFailures = [.init(externalCrmId: "CRM-BROKEN", apiError: "Address data incomplete")]
        try await withSandbox(fixtures: fixtures) { harness in
            let client = harness.client
            let encoded = String(
                decoding: try JSONEncoder().encode(Models.customer("CRM-JSON", firm: "Vorab AG")),
                as: UTF8.self)
            let upserted = try await client.customers.upsert(customerJSON: encoded)
            #expect(upserted.jobAlreadyFinished == true)
            #expect(try await client.customers.get("CRM-JSON").firm == "Vorab AG")

            let updated = try JSONEncoder().encode(Models.customer("CRM-JSON", firm: "Vorab Neu AG"))
            try await client.customers.upsert(customerJSON: String(decoding: updated, as: UTF8.self))
            #expect(try await client.customers.get("CRM-JSON").firm == "Vorab Neu AG")

            let brokenJSON = try JSONEncoder().encode(Models.customer("CRM-BROKEN"))
            let broken = try await expectGoTomError { () async throws in
                try await client.customers.upsert(customerJSON: String(decoding: brokenJSON, as: UTF8.self))
            }
            #expect(broken == .crmDataError)
            #expect(broken.serverMessage == "Address data incomplete")
            let incomplete = try await expectGoTomError { () async throws in
                try await client.customers.upsert(customerJSON: #"{"externalCrmId": "CRM-X", "firm": "X"}"#)
            }
            #expect(incomplete == .crmDataError)
            #expect(incomplete.serverMessage?.contains("lacks the required key") == true, "\(incomplete)")

            // Text that is not exactly one object is refused before sending: it could close the object early and
            // add members beside "customer" (the last duplicate key would win on the server).
            let other = String(
                decoding: try JSONEncoder().encode(Models.customer("CRM-OTHER", firm: "Andere AG")),
                as: UTF8.self)
            let stored = try await client.customers.list().pagination.totalItems
            for text in [
                "[1, 2]", "", "  ", #""CRM-JSON""#, "{} junk", "{}{}", #"{"a": [1}"#,
                encoded + "," + #""customer":"# + other,
            ] {
                let refused = try await expectGoTomError { () async throws in
                    try await client.customers.upsert(customerJSON: text)
                }
                #expect(refused == .invalidRequest, "\(text): \(refused)")
                #expect(refused.status == nil, "refused locally, no response: \(refused)")
            }
            #expect(try await client.customers.list().pagination.totalItems == stored)
            let injected = try await expectGoTomError { () async throws in
                try await client.customers.get("CRM-OTHER")
            }
            #expect(injected == .notFound)

            // Braces, brackets and escaped quotes inside strings are text, not structure.
            let tricky = try JSONEncoder().encode(Models.customer("CRM-TRICKY", firm: #"A {B} [C] "D" \ }"#))
            try await client.customers.upsert(customerJSON: "\n " + String(decoding: tricky, as: UTF8.self) + " \n")
            #expect(try await client.customers.get("CRM-TRICKY").firm == #"A {B} [C] "D" \ }"#)
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
            let pending = try await expectGoTomError { () async throws in
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
