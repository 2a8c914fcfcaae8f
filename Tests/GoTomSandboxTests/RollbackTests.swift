import Foundation
import GoTomAuth
import GoTomModels
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import GoTomSandbox

/// A rejected request leaves no trace: not in memory (entries, indexes, counters, CRM jobs), not in the journal,
/// not in the SQLite file after a restart.
@Suite("Rollback of rejected changes")
struct RollbackTests {
    static let upsert = "/app-api/crm-sync-import-external-crm-id/update-customer"

    /// The invoicing fixtures, a campaign of the customer with default discounts and a waiting CRM job.
    static var fixtures: SandboxFixtures {
        var fixtures = TestFixtures.invoicing
        fixtures.campaigns?.append(
            TestFixtures.campaign(
                "c-loyal", flights: [TestFixtures.flight("l-1")], ["customer": ["entityExternalCrmId": "CRM-1002"]])
        )
        fixtures.crmFailures = [.init(externalCrmId: "CRM-BROKEN", apiError: "Address data incomplete")]
        fixtures.crmJobs = [.init(jobId: 77, status: .waiting)]
        return fixtures
    }

    /// A rejected request of each kind of write.
    struct RejectedRequest: Sendable, CustomTestStringConvertible {
        var name: String
        var method: HTTPRequest.Method
        var uri: String
        var json: String
        var status: HTTPResponse.Status = .badRequest

        var testDescription: String { name }
    }

    static let rejectedRequests: [RejectedRequest] = [
        RejectedRequest(
            name: "flight create with an unknown tarif", method: .post, uri: "/app-api/campaign/c-loyal/flight",
            json: Bodies.flight("l-2", ["tarifId": "999"])
        ),
        RejectedRequest(
            name: "flight create with an externalId in use", method: .post, uri: "/app-api/campaign/c-loyal/flight",
            json: Bodies.flight("p-2")
        ),
        RejectedRequest(
            name: "flight update with an unknown platform", method: .post, uri: "/app-api/campaign/c-loyal/flight/l-1",
            json: #"{"platformId":999,"units":5}"#
        ),
        RejectedRequest(
            name: "flight delete of a deferred flight", method: .delete, uri: "/app-api/campaign/c-delta/flight/d-1",
            json: ""
        ),
        RejectedRequest(
            name: "campaign create for an unknown customer", method: .post, uri: "/app-api/campaign",
            json: Bodies.campaign("c-new", customer: #"{"entityExternalCrmId":"CRM-NOPE"}"#)
        ),
        RejectedRequest(
            name: "campaign update changing an invoiced campaign's currency", method: .post,
            uri: "/app-api/campaign/c-partial", json: #"{"name":"Neu","currency":"EUR"}"#
        ),
        RejectedRequest(
            name: "archiving a billed campaign", method: .post, uri: "/app-api/campaign/c-billed/archive-status",
            json: #"{"setIsArchived":true}"#
        ),
        RejectedRequest(
            name: "campaign discount on a partly invoiced campaign", method: .post,
            uri: "/app-api/campaign/c-partial/campaign-discount", json: #"{"name":"Neu","externalId":"cd-new"}"#
        ),
        RejectedRequest(
            name: "flight discount with both amounts", method: .post,
            uri: "/app-api/campaign/c-loyal/campaign-discount/cd-l/flight-discount",
            json: #"{"flightExternalId":"l-1","externalId":"fd-new","amountPercent":5,"amountSum":10}"#
        ),
        RejectedRequest(
            name: "flight discount delete on a deferred flight", method: .delete,
            uri: "/app-api/campaign/c-delta/campaign-discount/cd-d/flight-discount/fd-d1", json: ""
        ),
        RejectedRequest(
            name: "sublines that do not add up to 100", method: .post,
            uri: "/app-api/campaign/c-loyal/flight/l-1/sublines",
            json: #"{"sublines":[{"platformId":1,"percentage":40}]}"#
        ),
    ]

    @Test("a rejected request changes nothing, hands out no ids and commits nothing", arguments: rejectedRequests)
    func rejectedRequest(_ rejected: RejectedRequest) async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let before = try await withStoredSandbox(directory) { client, handlers in
            // A discount on c-loyal, so that the flight-discount request has one to fail on.
            let discount = #"{"name":"Rabatt","externalId":"cd-l"}"#
            #expect(try await client.post("/app-api/campaign/c-loyal/campaign-discount", discount).status == .created)
            let before = await handlers.snapshot()
            let response = try await client.send(
                rejected.method, rejected.uri, json: rejected.json.isEmpty ? nil : rejected.json)
            #expect(response.status == rejected.status, "\(response.text)")
            #expect(await handlers.snapshot() == before)
            return before
        }
        try await withStoredSandbox(directory) { client, handlers in
            #expect(await handlers.snapshot().persisted == before.persisted)
            // Ids continue where they stood before the rejected request.
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("after")).status == .created)
            let created = try await client.get("/app-api/campaign/after").json
            #expect(created["campaignId"]?.intValue == before.counters.nextCampaignId)
        }
    }

    @Test("a CRM upsert rejected by the data leaves only its job-log entry")
    func rejectedUpsert() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let before = try await withStoredSandbox(directory) { client, handlers in
            let before = await handlers.snapshot()
            #expect(before.nextCrmJobId == 78)
            // An unknown gender in the second contact, after an address and a first contact to merge.
            let invalid =
                #"{"customer":{"externalCrmId":"CRM-1001","firm":"Neu AG","status":1,"statusEc":1,"language":"de","mainAddress":{"externalCrmId":"CRM-1001-NEW"},"addresses":[{"externalCrmId":"CRM-1001-NEW","title":"Filiale","firm":"Neu AG","zip":"3000","place":"Bern","country":"CH"}],"contacts":[{"externalCrmId":"P-NEW","peopleGender":"F","peopleLastname":"Neu","peopleName":"Eva"},{"externalCrmId":"P-BAD","peopleGender":"X","peopleLastname":"Bad","peopleName":"Bad"}],"tags":[{"externalCrmId":"T-NEW","name":"Neu"}]}}"#
            let broken =
                #"{"customer":{"externalCrmId":"CRM-BROKEN","firm":"Kaputt AG","status":1,"statusEc":1,"language":"de","mainAddress":{"externalCrmId":"B-A"},"industry":{"externalCrmId":"I-NEW","name":"Neu"}}}"#
            for (body, job) in [(invalid, 78), (broken, 79)] {
                let response = try await client.post(Self.upsert, body)
                #expect(response.status == .badRequest)
                #expect(response.json["jobId"]?.intValue == job)
                let log = try await client.get("/app-api/crm-sync-import-external-crm-id/error-logs/\(job)")
                #expect(log.json["jobStatus"] == "JOB_STATUS_FINISHED_ERROR")
            }
            var expected = before
            expected.nextCrmJobId = 80
            expected.crmJobs = await handlers.snapshot().crmJobs
            #expect(expected.crmJobs.count == before.crmJobs.count + 2)
            #expect(await handlers.snapshot() == expected)
            return before
        }
        try await withStoredSandbox(directory) { client, handlers in
            #expect(await handlers.snapshot().persisted == before.persisted)
            let customer = try await client.get("/app-api/customer/CRM-1001").decode(CustomerFoundResponse.self)
            #expect(customer.customer.firm == "Muster AG")
            #expect(try await client.get("/app-api/customer/CRM-BROKEN").status == .notFound)
        }
    }

    @Test("a change rejected after it wrote entries, indexes, counters, registry, jobs and documents is undone")
    func rejectionAfterWrites() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let before = try await withStoredSandbox(directory) { client, handlers in
            let before = await handlers.snapshot()
            let reply = await handlers.change { state throws(Rejection) in
                try Self.writeEverything(&state)
                throw Rejection(.notFound)
            }
            #expect(reply.status == .notFound)
            #expect(await handlers.snapshot() == before)
            // The next change hands out the ids the rejected one had taken, and is kept.
            let kept = await handlers.change { state throws(Rejection) in
                try Self.writeEverything(&state)
                return .empty(.created)
            }
            #expect(kept.status == .created)
            let after = await handlers.snapshot()
            #expect(after.counters.nextCampaignId == before.counters.nextCampaignId + 1)
            #expect(after.nextCrmJobId == before.nextCrmJobId + 1)
            let campaign = try await client.get("/app-api/campaign/c-rollback").json
            #expect(campaign["campaignId"]?.intValue == before.counters.nextCampaignId)
            return after
        }
        try await withStoredSandbox(directory) { _, handlers throws in
            #expect(await handlers.snapshot().persisted == before.persisted)
            // One document: the kept change's, none of the rejected one's.
            let documents = try await handlers.engine.store.documentNames(campaignExternalId: "c-partial")
            #expect(documents == ["rollback.txt"])
        }
    }

    @Test("rolling back restores the journal to its length at the start of the change")
    func journalLength() throws {
        let master = try SandboxBootstrap.masterData(from: nil, largeReport: LargeReport(id: 9000, size: 1024))
        var state = SandboxState(settings: try SandboxBootstrap.settings(from: nil), master: master)
        try SandboxBootstrap.seed(&state, from: Self.fixtures)
        let seeded = state.journal.count
        #expect(seeded > 0)
        let before = Snapshot(state)
        state.beginChange()
        try Self.writeEverything(&state)
        try Self.writeEverything(&state, suffix: "-2")
        #expect(state.journal.count > seeded)
        state.rollBackChange()
        #expect(state.journal.count == seeded)
        #expect(Snapshot(state) == before)
        // Outside a change nothing is recorded, and a kept change stays.
        state.beginChange()
        _ = state.nextEntityId()
        state.endChange()
        state.rollBackChange()
        #expect(state.counters.nextEntityId == before.counters.nextEntityId + 1)
    }

    /// Goes through every mutating entry point of the state, touching some keys twice.
    static func writeEverything(_ state: inout SandboxState, suffix: String = "") throws(Rejection) {
        let jobId = state.takeCrmJobId()
        state.record(CrmJob(id: jobId, status: .finishedOk))
        state.record(CrmJob(id: 77, status: .finishedError, apiError: "überschrieben"))
        let newCustomer: [String: JSONValue] = [
            "externalCrmId": .string("CRM-ROLLBACK\(suffix)"), "firm": "Rollback AG", "status": 1, "statusEc": 1,
            "language": "de", "mainAddress": ["externalCrmId": "R-A"],
            "contacts": [["externalCrmId": "R-P", "peopleGender": "F", "peopleLastname": "R", "peopleName": "R"]],
            "tags": [["externalCrmId": "T-R", "name": "Rollback"]], "industry": ["externalCrmId": "I-R", "name": "R"],
            "paymentTerm": ["externalCrmId": "net-30", "days": 10],
        ]
        guard case .applied = state.upsertCustomer(newCustomer) else { throw Rejection(.internalError) }
        let merged: [String: JSONValue] = [
            "externalCrmId": "CRM-1001", "firm": "Umbenannt AG", "status": 1, "statusEc": 1, "language": "fr",
            "mainAddress": ["externalCrmId": "CRM-1001-NEW"],
            "contacts": [
                ["externalCrmId": "CRM-1001-P1", "peopleGender": "M", "peopleLastname": "X", "peopleName": "Y"]
            ],
            "tags": [["externalCrmId": "T-R", "name": "Zweimal"]],
        ]
        guard case .applied = state.upsertCustomer(merged) else { throw Rejection(.internalError) }
        try state.createCampaign(
            [
                "externalId": .string("c-rollback\(suffix)"), "name": "Rollback", "status": "booking",
                "bookingDate": "2025-03-01", "customer": ["entityExternalCrmId": "CRM-1002"],
            ]
        )
        let flight = try JSONBody.decode(
            FlightCreate.self, from: JSONBody.object(Data(Bodies.flight("rollback-1\(suffix)").utf8)))
        try state.createFlight(flight, in: "c-loyal")
        let second = try JSONBody.decode(
            FlightCreate.self, from: JSONBody.object(Data(Bodies.flight("rollback-2\(suffix)").utf8)))
        try state.createFlight(second, in: "c-loyal")
        var partial = try state.requireCampaign("c-partial")
        partial.flights.removeAll { $0.externalId == "p-2" }
        partial.documentCount += 1
        state.put(partial)
        state.addDocument(to: "c-partial", name: "rollback.txt", content: Data("x".utf8))
        try state.updateCampaign(
            "c-loyal", body: ["customer": ["entityExternalCrmId": "CRM-1001"]], updateCommissions: true)
    }
}

/// The state as tests compare it.
struct Snapshot: Equatable, Sendable {
    /// What the store keeps across restarts.
    struct Persisted: Equatable, Sendable {
        var campaigns: String
        var customers: String
        var customerKeysByEntityId: [Int: String]
        var flightOwners: [String: Set<String>]
        var registry: CrmRegistry
        var counters: Counters
    }

    var persisted: Persisted
    var crmJobs: [Int: String]
    var nextCrmJobId: Int
    var journalCount: Int

    var counters: Counters { persisted.counters }

    init(_ state: SandboxState) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json(_ value: some Encodable) -> String {
            String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
        }
        persisted = Persisted(
            campaigns: json(state.campaigns), customers: json(state.customers),
            customerKeysByEntityId: state.customerKeysByEntityId,
            // A flight's last owner leaves an empty set behind; a reloaded store has no entry at all.
            flightOwners: state.flightOwners.filter { !$0.value.isEmpty },
            registry: state.registry, counters: state.counters
        )
        crmJobs = state.crmJobs.mapValues { String(describing: $0) }
        nextCrmJobId = state.nextCrmJobId
        journalCount = state.journal.count
    }
}

extension SandboxHandlers {
    /// The engine's state as tests compare it.
    func snapshot() async -> Snapshot {
        await engine.read { Snapshot($0) }
    }
}

/// Runs `body` against a sandbox whose data lives in `directory` (with ``RollbackTests/fixtures``); the store is
/// flushed and closed when it returns.
func withStoredSandbox<Result: Sendable>(
    _ directory: String,
    _ body: @escaping @Sendable (SandboxTestClient, SandboxHandlers) async throws -> Result
) async throws -> Result {
    let fixturesPath = try writeFixtures(RollbackTests.fixtures)
    defer { try? FileManager.default.removeItem(atPath: fixturesPath) }
    let configuration = SandboxConfiguration(
        storage: .directory(directory), user: testCredentials.user, secret: testCredentials.secret,
        fixturesPath: fixturesPath
    )
    let app = try await buildSandbox(configuration: configuration)
    let handlers = app.responder.base.handlers
    return try await app.test(.router) { client in
        try await body(SandboxTestClient(client: client), handlers)
    }
}
