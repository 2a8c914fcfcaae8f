import Foundation
import GoTomAPI
import GoTomAuth
import GoTomModels
import GoTomTestSupport
import GoTomTesting
import Logging
import Testing

/// Retries against a fault-injecting loopback server that counts what arrives.
@Suite("Retries")
struct RetryTests {
    static let credentials = Credentials(user: "retry-tester", secret: "retry-secret-test-only")

    static let campaignJSON = """
        {"externalId":"c","name":"n","status":"booking","bookingDate":"2025-03-01",\
        "customer":{"entityExternalCrmId":"CRM-1001"}}
        """

    struct Setup {
        let client: GoTomClient
        let sleeps: SleepRecorder
        let log: LogCapture
    }

    /// A client for `server` with a recording sleeper, a ticking clock and no jitter.
    static func client(
        for baseURL: String, policy: RetryPolicy = RetryPolicy(jitter: 0), requestTimeout: Duration = .seconds(5),
        connectTimeout: Duration = .seconds(5)
    ) throws -> Setup {
        let sleeps = SleepRecorder()
        let log = LogCapture()
        let client = try GoTomClient(
            configuration: .init(
                baseURL: baseURL, credentials: credentials, connectTimeout: connectTimeout,
                requestTimeout: requestTimeout, retryPolicy: policy,
                logger: log.logger, clock: TickingClock(), sleeper: sleeps.sleeper
            )
        )
        return Setup(client: client, sleeps: sleeps, log: log)
    }

    /// Checks that every attempt carried its own valid signature over its own `Date`.
    static func expectFreshSignatures(_ requests: [FaultServer.Received]) throws {
        let dates = requests.compactMap { $0.header("Date") }
        #expect(dates.count == requests.count)
        #expect(Set(dates).count == dates.count, "each attempt is signed with a new Date")
        #expect(Set(requests.compactMap { $0.header("Authorization") }).count == requests.count)
        for request in requests {
            let date = try #require(request.header("Date").flatMap(DateHeaderParser.parse))
            let verifier = RequestVerifier(clock: FixedWallClock(date))
            let incoming = IncomingRequest(
                method: request.method, requestURI: request.uri, authorization: request.header("Authorization"),
                date: request.header("Date"), contentType: request.header("Content-Type"),
                bodyDigest: BodyDigest(bytes: request.body)
            )
            let verified = try verifier.verify(incoming) { $0 == credentials.user ? credentials.secret : nil }
            #expect(verified.user == credentials.user)
        }
    }

    /// Starts a fault server playing `script`, runs `body` with a client for it, then shuts both down.
    static func withServer(
        _ script: [FaultServer.Action], fallback: FaultServer.Action = .reply(.init(status: 200, body: "{}")),
        policy: RetryPolicy = RetryPolicy(jitter: 0), requestTimeout: Duration = .seconds(5),
        _ body: (FaultServer, Setup) async throws -> Void
    ) async throws {
        let server = try await FaultServer.start(script, fallback: fallback)
        let setup: Setup
        do {
            setup = try client(for: server.baseURL, policy: policy, requestTimeout: requestTimeout)
        } catch {
            try? await server.stop()
            throw error
        }
        do {
            try await body(server, setup)
        } catch {
            try? await setup.client.shutdown()
            try? await server.stop()
            throw error
        }
        try await setup.client.shutdown()
        try await server.stop()
    }

    @Test("connection dropped before the response: a create is sent once, a GET is retried and re-signed")
    func droppedConnection() async throws {
        try await Self.withServer([.drop], fallback: .reply(.init(status: 201))) { server, setup in
            let error = try await expectGoTomError { () async throws in
                try await setup.client.campaigns.create(Models.campaign("c"))
            }
            #expect(error == .transport)
            #expect(error.transportError?.isNetworkFailure == true)
            #expect(error.attempts == 1)
            #expect(server.received.count == 1)
            #expect(setup.sleeps.delays.isEmpty)
        }
        let body = #"{"items":[{"id":1,"name":"NZZ.ch"}]}"#
        try await Self.withServer([.drop, .drop], fallback: .reply(.init(status: 200, body: body))) { server, setup in
            let keys = try await setup.client.primaryKeys(.platform)
            #expect(keys.items?.first?.name == "NZZ.ch")
            #expect(server.received.count == 3)
            #expect(server.received.allSatisfy { $0.uri == "/app-api/primary-keys/platform" })
            try Self.expectFreshSignatures(server.received)
            #expect(setup.sleeps.delays == [.milliseconds(250), .milliseconds(500)])
            let warnings = setup.log.records(.warning, "retrying request")
            #expect(warnings.map { $0.metadata["gotom.attempt"] } == ["2", "3"])
        }
    }

    @Test("503 with Retry-After: GET waits as told; a create is not re-sent unless the caller opts in")
    func serviceUnavailable() async throws {
        let unavailable = FaultServer.Reply(status: 503, headers: [("Retry-After", "3")], body: "busy")
        try await Self.withServer([.reply(unavailable)], fallback: .reply(.init(status: 200, body: "{}"))) {
            server, setup in
            let logs = try await setup.client.customers.errorLogs(jobId: 7)
            #expect(logs.jobStatus == nil)
            #expect(server.received.count == 2)
            #expect(setup.sleeps.delays == [.seconds(3)])
            try Self.expectFreshSignatures(server.received)
        }
        try await Self.withServer([.reply(unavailable)], fallback: .reply(.init(status: 201))) { server, setup in
            let error = try await expectGoTomError { () async throws in
                try await setup.client.campaigns.create(Models.campaign("c"))
            }
            #expect(error == .serverError)
            #expect(error.status == 503)
            #expect(error.bodyExcerpt == "busy")
            #expect(server.received.count == 1)
        }
        let duplicate = FaultServer.Reply(
            status: 400, headers: [("Content-Type", "application/json")],
            body:
                #"{"errors":[{"propertyPath":"externalId","message":"used","code":"1f06b2d7-49b4-4b8b-aa66-5172aeb01e97"}]}"#
        )
        try await Self.withServer(
            [.reply(unavailable), .reply(duplicate)], policy: RetryPolicy(jitter: 0, retryCreates: true)
        ) { server, setup in
            let error = try await expectGoTomError { () async throws in
                try await setup.client.campaigns.create(Models.campaign("c"))
            }
            #expect(error == .externalIdAlreadyInUse)
            #expect(error.hasViolation(.externalIdAlreadyUsed))
            #expect(error.attempts == 2)
            #expect(server.received.count == 2)
            #expect(server.received.map(\.body) == [server.received[0].body, server.received[0].body])
            try Self.expectFreshSignatures(server.received)
        }
    }

    /// Requests that are never answered: the request timeout is the only way out, so its length (kept short)
    /// decides only how long the test takes, never what it sees.
    static let neverAnswered = Duration.milliseconds(300)

    @Test("a response that never comes: the request times out; a create is sent once, a GET is retried")
    func slowResponse() async throws {
        try await Self.withServer([.hang], requestTimeout: Self.neverAnswered) { server, setup in
            let error = try await expectGoTomError { () async throws in
                try await setup.client.flights.create(Models.flight("f"), in: "c")
            }
            #expect(error == .transport)
            guard error.transportError?.kind == .timedOut else {
                Issue.record("expected a timeout, got \(String(describing: error.transportError))")
                return
            }
            #expect(server.received.count == 1)
        }
        let body = #"{"strategyId":"S","adserverId":1}"#
        try await Self.withServer(
            [.hang], fallback: .reply(.init(status: 200, body: body)), requestTimeout: Self.neverAnswered
        ) { server, setup in
            let lineItem = try await setup.client.flights.lineItemId("f", in: "c")
            #expect(lineItem.adserverId == 1)
            // Retried after the hang; on a machine loaded enough to delay the answer past the short timeout, the
            // answered attempt may itself time out once more before one gets through.
            #expect(server.received.count >= 2)
            try Self.expectFreshSignatures(server.received)
        }
    }

    @Test("attempts are capped by maxAttempts and by the time budget; 4xx are not retried")
    func limits() async throws {
        try await Self.withServer(
            [], fallback: .reply(.init(status: 502, body: "bad gateway")),
            policy: RetryPolicy(maxAttempts: 3, jitter: 0)
        ) { server, setup in
            let error = try await expectGoTomError { () async throws in
                try await setup.client.flights.delete("f", in: "c")
            }
            #expect(error == .serverError)
            #expect(error.attempts == 3)
            #expect(server.received.count == 3)
            #expect(server.received.allSatisfy { $0.method == "DELETE" })
        }
        let tooLong = FaultServer.Reply(status: 429, headers: [("Retry-After", "120")])
        try await Self.withServer([], fallback: .reply(tooLong)) { server, setup in
            let error = try await expectGoTomError { () async throws in
                try await setup.client.campaigns.get("c")
            }
            #expect(error == .rejected)
            #expect(error.status == 429)
            #expect(server.received.count == 1)
            #expect(setup.sleeps.delays.isEmpty)
        }
        // The budget is measured on the recorder's clock, which only the (recorded) waits advance: exact to the
        // boundary, however long the attempts take on a busy machine.
        let budget = RetryPolicy(
            maxAttempts: 10, totalBudget: .seconds(3), initialDelay: .seconds(1), maxDelay: .seconds(1000),
            multiplier: 2, jitter: 0)
        try await Self.withServer([], fallback: .reply(.init(status: 503)), policy: budget) { server, setup in
            _ = try await expectGoTomError { () async throws in
                try await setup.client.campaigns.get("c")
            }
            // 1 + 2 s use the 3 s exactly; the next 4 s wait would not fit.
            #expect(setup.sleeps.delays == [.seconds(1), .seconds(2)])
            #expect(server.received.count == 3)
        }
        try await Self.withServer([], fallback: .reply(.init(status: 400, body: "{}"))) { server, setup in
            let error = try await expectGoTomError { () async throws in
                try await setup.client.campaigns.get("c")
            }
            #expect(error == .rejected)
            #expect(server.received.count == 1)
        }
    }

    @Test("a refused connection cannot have delivered the request, so even a create is retried")
    func refusedConnection() async throws {
        // A bound port that does not listen: refused every time, and no other test can take it meanwhile.
        let closed = try FreePort.reserveClosed()
        defer { closed.release() }
        let setup = try Self.client(
            for: "http://127.0.0.1:\(closed.port)", policy: RetryPolicy(maxAttempts: 3, jitter: 0),
            connectTimeout: .milliseconds(500))
        var caught: GoTomError?
        do {
            try await setup.client.campaigns.create(Models.campaign("c"))
        } catch {
            caught = error as? GoTomError
        }
        try await setup.client.shutdown()
        let error = try #require(caught)
        #expect(error == .transport)
        #expect(error.transportError?.stage == .connecting, "\(error)")
        #expect(error.transportError?.requestMayHaveBeenDelivered == false, "\(error)")
        #expect(error.attempts == 3)
        #expect(setup.sleeps.delays.count == 2)
    }

    @Test("flight updates with adServerPushChanges count as triggers and are not re-sent")
    func pushTrigger() async throws {
        try await Self.withServer([.reply(.init(status: 503))], fallback: .reply(.init(status: 204))) { server, setup in
            let push = FlightUpdate(adServerPushChanges: AdServerPushChanges(adServerId: "gam", types: [.runtime]))
            let error = try await expectGoTomError { () async throws in
                try await setup.client.flights.update("f", in: "c", with: push)
            }
            #expect(error.status == 503)
            #expect(server.received.count == 1)
            try await setup.client.flights.update("f", in: "c", with: FlightUpdate(units: 3))
            #expect(server.received.count == 2)
        }
    }
}
