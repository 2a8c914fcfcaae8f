import Foundation
import GoTomAPI
import GoTomAuth
import GoTomModels
import GoTomSandbox
import GoTomTesting
import Testing

/// The one-call sandbox, over HTTP on loopback as a user's tests would use it.
@Suite("TestSandbox")
struct TestSandboxTests {
    static func campaign(_ externalId: String) throws -> CampaignCreate {
        CampaignCreate(
            externalId: externalId, name: "Frühling 2025", status: .booking,
            bookingDate: try CalendarDate(parsing: "2025-03-01"), customer: ContactRef(entityExternalCrmId: "CRM-1001")
        )
    }

    /// The error of a request through a new client made from `configuration`, without retries.
    static func failure(
        with configuration: GoTomClient.Configuration, change: (inout GoTomClient.Configuration) -> Void = { _ in }
    ) async throws -> GoTomError {
        var configuration = configuration
        configuration.retryPolicy = .none
        change(&configuration)
        let client = try GoTomClient(configuration: configuration)
        do {
            let campaign = try await client.campaigns.get("anything")
            try await client.shutdown()
            Issue.record("expected a failure, got \(campaign)")
            return GoTomError.unexpectedResponse
        } catch let error as GoTomError {
            try await client.shutdown()
            return error
        }
    }

    @Test("one call gives a signed round trip over TLS with test-only credentials")
    func roundTrip() async throws {
        try await withTestSandbox { sandbox in
            #expect(sandbox.baseURL == "https://127.0.0.1:\(sandbox.port)")
            #expect(sandbox.port > 0)
            #expect(sandbox.credentials == TestSandbox.defaultCredentials)
            #expect(sandbox.clientConfiguration.baseURL == sandbox.baseURL)
            #expect(sandbox.clientConfiguration.additionalCACertificatePath == sandbox.caCertificatePath)

            try await sandbox.client.campaigns.create(Self.campaign("spring-2025"))
            let read = try await sandbox.client.campaigns.get("spring-2025")
            #expect(read.externalId == "spring-2025")
            #expect(read.campaignId != nil)
        }
    }

    @Test("TLS is really on: the CA file exists, and a client that does not trust it fails the handshake")
    func tls() async throws {
        try await withTestSandbox { sandbox in
            let caPath = try #require(sandbox.caCertificatePath)
            let pem = try String(contentsOfFile: caPath, encoding: .utf8)
            #expect(pem.hasPrefix("-----BEGIN CERTIFICATE-----"))

            let untrusted = try await Self.failure(with: sandbox.clientConfiguration) {
                $0.additionalCACertificatePath = nil
            }
            #expect(untrusted == .transport)
            #expect(untrusted.transportError?.kind == .tlsFailed)

            let plain = try await Self.failure(with: sandbox.clientConfiguration) {
                $0.baseURL = "http://127.0.0.1:\(sandbox.port)"
            }
            #expect(plain == .transport)
            #expect(sandbox.requests.isEmpty)
        }
    }

    @Test("tls: false serves plain HTTP without a CA")
    func plainHTTP() async throws {
        try await withTestSandbox(tls: false) { sandbox in
            #expect(sandbox.baseURL == "http://127.0.0.1:\(sandbox.port)")
            #expect(sandbox.caCertificatePath == nil)
            _ = try await sandbox.client.primaryKeys(.platform)
        }
    }

    @Test("the journal sees each request with its status and verdict; a wrong secret is rejected there")
    func journal() async throws {
        try await withTestSandbox { sandbox in
            try await sandbox.client.campaigns.create(Self.campaign("j-1"))
            _ = try await sandbox.client.campaigns.get("j-1")
            let wrong = try await Self.failure(with: sandbox.clientConfiguration) {
                $0.credentials = Credentials(user: sandbox.credentials.user, secret: "wrong")
            }
            #expect(wrong == .unauthorized)

            let seen = sandbox.requests.map { "\($0.method) \($0.target) \($0.status) \($0.verdict)" }
            #expect(
                seen == [
                    "POST /app-api/campaign 201 accepted",
                    "GET /app-api/campaign/j-1 200 accepted",
                    "GET /app-api/campaign/anything 401 rejected",
                ])
            #expect(sandbox.requests.allSatisfy { $0.user == nil || $0.user == sandbox.credentials.user })
            #expect(sandbox.journal.entries().lastId == 3)
        }
    }

    @Test("a fault rule answers 503 with Retry-After once; the client retries at once, recording the wait")
    func fault() async throws {
        try await withTestSandbox { sandbox in
            try await sandbox.client.campaigns.create(Self.campaign("f-1"))
            let rule = sandbox.faults.add(
                FaultRule(method: "GET", path: "/app-api/campaign/*", status: 503, retryAfter: 5, times: 1))
            #expect(rule.id != nil)

            let started = ContinuousClock.now
            let read = try await sandbox.client.campaigns.get("f-1")
            #expect(read.externalId == "f-1")
            #expect(sandbox.retryWaits == [.seconds(5)])
            #expect(ContinuousClock.now - started < .seconds(5))

            let gets = sandbox.requests.filter { $0.method == "GET" }
            #expect(gets.map(\.status) == [503, 200])
            #expect(gets.map(\.verdict) == [.fault, .accepted])

            sandbox.faults.add(FaultRule(path: "/app-api/campaign/*", status: 429, retryAfter: 1))
            let limited = try await Self.failure(with: sandbox.clientConfiguration)
            #expect(limited.status == 429)
        }
    }

    @Test("fixtures, users and the sandbox clock are passed through")
    func options() async throws {
        var fixtures = SandboxFixtures()
        fixtures.customers = [
            [
                "externalCrmId": "CRM-FIX", "firm": "Fixture AG", "status": 1, "statusEc": 1, "language": "de",
                "mainAddress": ["externalCrmId": "CRM-FIX-A1"],
            ]
        ]
        let users = [
            SandboxUser(name: "campaigns-only", secret: "test-only-a", groups: [.campaign]),
            SandboxUser(name: "everything", secret: "test-only-b"),
        ]
        let skewed = FixedWallClock(UnixTime(seconds: UnixTime.now().seconds + 3600))
        try await withTestSandbox(users: users, fixtures: fixtures, clock: skewed) { sandbox in
            #expect(sandbox.credentials.user == "campaigns-only")
            // The client corrects its clock from the sandbox's `Date` and retries once.
            try await sandbox.client.campaigns.create(Self.campaign("o-1"))
            let forbidden = try await expectFailure { try await sandbox.client.customers.get("CRM-FIX") }
            #expect(forbidden.status == 403)

            var everything = sandbox.clientConfiguration
            everything.credentials = Credentials(user: "everything", secret: "test-only-b")
            let client = try GoTomClient(configuration: everything)
            let customer = try await client.customers.get("CRM-FIX")
            try await client.shutdown()
            #expect(customer.firm == "Fixture AG")
        }
    }

    /// A request to a stopped sandbox gets no answer. Without the deleted CA file, so that the failure is the
    /// connection's: refused, as a rule; but in a parallel test run another test's server may already listen on the
    /// freed port and drop the TLS client. (How a refused connect is classified: DeliveryStageTests.)
    static func expectNothingListens(for configuration: GoTomClient.Configuration) async throws {
        let refused = try await failure(with: configuration) { $0.additionalCACertificatePath = nil }
        #expect(refused == .transport)
        let kinds: [GoTomTransportError.Kind] = [.connectionFailed, .connectionLost, .tlsFailed]
        #expect(kinds.contains { $0 == refused.transportError?.kind }, "\(refused)")
    }

    @Test("stop shuts the server and deletes the CA: a later request fails to connect; stopping twice is fine")
    func stop() async throws {
        let sandbox = try await TestSandbox.start()
        _ = try await sandbox.client.primaryKeys(.platform)
        let caPath = try #require(sandbox.caCertificatePath)
        try await sandbox.stop()
        try await sandbox.stop()
        #expect(!FileManager.default.fileExists(atPath: caPath))

        try await Self.expectNothingListens(for: sandbox.clientConfiguration)
    }

    @Test("the scoped form stops the sandbox when the body throws, and rethrows that error")
    func scopedStopsOnThrow() async throws {
        struct Planned: Error, Equatable {}
        let captured = Captured()
        await #expect(throws: Planned.self) {
            try await withTestSandbox { sandbox in
                captured.configuration = sandbox.clientConfiguration
                _ = try await sandbox.client.primaryKeys(.platform)
                throw Planned()
            }
        }
        try await Self.expectNothingListens(for: try #require(captured.configuration))
    }

    @Test("the scoped form returns the body's value")
    func scopedReturns() async throws {
        let name = try await withTestSandbox { sandbox in
            try await sandbox.client.campaigns.create(Self.campaign("r-1"))
            return try await sandbox.client.campaigns.get("r-1").name
        }
        #expect(name == "Frühling 2025")
    }
}

/// Holds what a throwing scoped body saw, for checks after it.
private final class Captured: @unchecked Sendable {
    var configuration: GoTomClient.Configuration?
}

/// The ``GoTomError`` that `operation` throws; fails the test when it succeeds.
private func expectFailure<Value>(_ operation: () async throws -> Value) async throws -> GoTomError {
    do {
        let value = try await operation()
        Issue.record("expected a GoTomError, got \(value)")
        return GoTomError.unexpectedResponse
    } catch let error as GoTomError {
        return error
    }
}
