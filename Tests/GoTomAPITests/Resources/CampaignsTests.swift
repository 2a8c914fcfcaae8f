import Foundation
import GoTomAPI
import GoTomAuth
import GoTomModels
import Testing

@Suite("Campaigns against the sandbox")
struct CampaignsTests {
    @Test("create, get and a duplicate externalId as .constraintViolations; ids with / and ü are encoded")
    func createAndGet() async throws {
        try await withSandbox { harness in
            let client = harness.client
            let externalId = "Früh/ling 2025+x?"
            try await client.campaigns.create(Models.campaign(externalId))
            let read = try await client.campaigns.get(externalId)
            #expect(read.externalId == externalId)
            #expect(read.campaignId != nil)
            #expect(read.customer?.entityExternalCrmId == "CRM-1001")
            #expect(read.flights == [])
            let sent = harness.sandboxLog.records.map(\.message)
            #expect(sent.contains { $0.hasPrefix("GET /app-api/campaign/Fr%C3%BCh%2Fling%202025+x%3F 200 ") })

            let duplicate = try await expectGoTomError { () async throws in
                try await client.campaigns.create(Models.campaign(externalId))
            }
            #expect(duplicate == .constraintViolations)
            #expect(duplicate.hasViolation(.externalIdAlreadyUsed))
            #expect(duplicate.violations.first?.propertyPath == "externalId")
            #expect(duplicate.status == 400)
            #expect(duplicate.attempts == 1)
            #expect(duplicate.operation == "campaigns.create")
            #expect(duplicate.dateHeader != nil)

            let missing = try await expectGoTomError { () async throws in
                try await client.campaigns.get("nope")
            }
            #expect(missing == .notFound)
            #expect(missing.problem?.detail == "Not Found")
            #expect(missing.request == "GET /app-api/campaign/nope")
        }
    }

    @Test("update with updateCommissions sends update_commissions=0|1; missing campaigns are .notFound")
    func update() async throws {
        try await withSandbox { harness in
            let client = harness.client
            var campaign = Models.campaign("u")
            campaign.agency = ContactRef(entityExternalCrmId: "CRM-2001")
            try await client.campaigns.create(campaign)
            try await client.flights.create(Models.flight("u-1"), in: "u")
            #expect(try await client.flights.commission("u-1", in: "u").bkPercent == 10)

            try await client.flights.setCommission("u-1", in: "u", to: FlightCommission(bkPercent: 3))
            try await client.campaigns.update(
                "u", with: CampaignUpdate(name: "Neu", agency: .null, note: .null), updateCommissions: false)
            let read = try await client.campaigns.get("u")
            #expect(read.name == "Neu")
            #expect(read.agency == nil)
            #expect(try await client.flights.commission("u-1", in: "u").bkPercent == 3)

            try await client.campaigns.update(
                "u", with: CampaignUpdate(agency: .value(ContactRef(entityExternalCrmId: "CRM-2001"))),
                updateCommissions: true)
            #expect(try await client.flights.commission("u-1", in: "u").bkPercent == 10)
            let uris = harness.sandboxLog.records.map(\.message)
            #expect(uris.contains { $0.hasPrefix("POST /app-api/campaign/u?update_commissions=0 204") })
            #expect(uris.contains { $0.hasPrefix("POST /app-api/campaign/u?update_commissions=1 204") })

            let missing = try await expectGoTomError { () async throws in
                try await client.campaigns.update("missing", with: CampaignUpdate(name: "x"))
            }
            #expect(missing == .notFound)
            let invalid = try await expectGoTomError { () async throws in
                try await client.campaigns.update(
                    "u", with: CampaignUpdate(customer: .value(ContactRef(entityId: 999_999))))
            }
            #expect(invalid == .constraintViolations)
            #expect(invalid.hasViolation(.referencedIdNotFound))
        }
    }

    @Test("archive status, commission status and documents, each with an error path")
    func statusAndDocuments() async throws {
        try await withSandbox { harness in
            let client = harness.client
            try await client.campaigns.create(Models.campaign("s"))

            try await client.campaigns.setCommissionStatus("s", to: .separateIntermediatorCommission)
            #expect(try await client.campaigns.get("s").commissionStatus == .separateIntermediatorCommission)
            let invalid = try await expectGoTomError { () async throws in
                try await client.campaigns.setCommissionStatus("s", to: CommissionSettlement(rawValue: 1))
            }
            #expect(invalid == .constraintViolations)
            #expect(invalid.hasViolation(.invalidCommissionStatus))

            try await client.campaigns.addDocument(
                Document(name: "Auftrag.pdf", content: Data("%PDF-1.4 demo".utf8)), to: "s")
            let noCampaign = try await expectGoTomError { () async throws in
                try await client.campaigns.addDocument(Document(name: "a.pdf", content: Data()), to: "nope")
            }
            #expect(noCampaign == .notFound)

            try await client.campaigns.setArchiveStatus("s", archived: true)
            try await client.campaigns.setArchiveStatus("s", archived: false)
            let archiveMissing = try await expectGoTomError { () async throws in
                try await client.campaigns.setArchiveStatus("nope", archived: true)
            }
            #expect(archiveMissing == .notFound)
        }
    }

    @Test("per-group credentials: an unknown CRM user is .unauthorized with goTom's message; no secret leaks")
    func groupCredentials() async throws {
        let crmSecret = "crm-secret-never-logged"
        try await withSandbox(configure: {
            $0.groupCredentials[.customer] = Credentials(user: "crm_sync_import", secret: crmSecret)
        }) { harness in
            let client = harness.client
            #expect(client.credentials(for: .customer).user == "crm_sync_import")
            #expect(client.credentials(for: .report).user == sandboxCredentials.user)
            _ = try await client.primaryKeys(.platform)
            let error = try await expectGoTomError { () async throws in
                try await client.customers.get("CRM-1001")
            }
            #expect(error == .unauthorized)
            #expect(error.status == 401)
            #expect(error.verificationError == .unknownUser)
            #expect(error.serverMessage == VerificationError.unknownUser.message)
            let texts =
                [error.description, "\(error)", String(reflecting: error)]
                + harness.clientLog.records.flatMap { [$0.message] + $0.metadata.values }
            for text in texts {
                #expect(!text.contains(crmSecret))
                #expect(!text.contains(sandboxCredentials.secret))
            }
            let authorizations = harness.clientLog.records.compactMap { $0.metadata["gotom.authorization"] }
            #expect(!authorizations.isEmpty)
            #expect(authorizations.allSatisfy { $0.hasSuffix(":" + AuthorizationHeader.mask) })
        }
    }
}
