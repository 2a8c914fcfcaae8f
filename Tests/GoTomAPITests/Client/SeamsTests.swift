import AsyncHTTPClient
import Foundation
import GoTomAPI
import GoTomAuth
import GoTomModels
import GoTomTesting
import NIOCore
import NIOHTTP1
import NIOPosix
import Testing

/// The seams a service builds on: its own transport, middleware, the event observer and a borrowed HTTPClient.
@Suite("Seams")
struct SeamsTests {
    static let credentials = Credentials(user: "seam-tester", secret: "seam-secret-test-only")
    static let campaignJSON = RetryTests.campaignJSON

    /// A configuration whose retries wait on a recorder and whose clock ticks, for `baseURL`.
    static func configuration(
        _ baseURL: String = "https://gotom.invalid"
    ) -> (GoTomClient.Configuration, SleepRecorder) {
        let sleeps = SleepRecorder()
        let configuration = GoTomClient.Configuration(
            baseURL: baseURL, credentials: credentials, retryPolicy: RetryPolicy(jitter: 0), clock: TickingClock(),
            sleeper: sleeps.sleeper)
        return (configuration, sleeps)
    }

    /// Answers with the statuses in order, then 200 with `campaignJSON`; records what it was given.
    final class ScriptedTransport: @unchecked Sendable {
        private let lock = NSLock()
        private var statuses: [Int]
        private var stored: [(request: OutgoingRequest, operation: String)] = []

        init(_ statuses: [Int]) { self.statuses = statuses }

        var received: [(request: OutgoingRequest, operation: String)] { lock.withLock { stored } }

        var transport: InMemoryTransport {
            InMemoryTransport { [self] request, operation in
                let status = lock.withLock {
                    stored.append((request, operation))
                    return statuses.isEmpty ? 200 : statuses.removeFirst()
                }
                return RawResponse(
                    statusCode: status, headers: [(name: "X-Request-Id", value: "rid-\(status)")],
                    body: ResponseBody(status == 200 ? SeamsTests.campaignJSON : "busy"))
            }
        }
    }

    /// Checks that `request` carries a valid signature of itself.
    static func expectValidSignature(_ request: OutgoingRequest) throws {
        func header(_ name: String) -> String? { request.headers.first { $0.name.lowercased() == name }?.value }
        let date = try #require(header("date").flatMap(DateHeaderParser.parse))
        let body: [UInt8] = if case .bytes(let bytes) = request.body { bytes } else { [] }
        let incoming = IncomingRequest(
            method: request.method, requestURI: request.requestURI, authorization: header("authorization"),
            date: header("date"), contentType: header("content-type"), bodyDigest: BodyDigest(bytes: body))
        let verified = try RequestVerifier(clock: FixedWallClock(date)).verify(incoming) {
            $0 == credentials.user ? credentials.secret : nil
        }
        #expect(verified.user == credentials.user)
    }

    @Test("an in-memory transport: the client signs, retries and decodes without a socket")
    func inMemoryTransport() async throws {
        let script = ScriptedTransport([503])
        let (configuration, sleeps) = Self.configuration()
        let client = try GoTomClient(configuration: configuration, transport: script.transport)
        let campaign = try await client.campaigns.get("c")
        #expect(campaign.externalId == "c")
        #expect(script.received.map(\.operation) == ["campaigns.get", "campaigns.get"])
        #expect(script.received.allSatisfy { $0.request.requestURI == "/app-api/campaign/c" })
        for (request, _) in script.received { try Self.expectValidSignature(request) }
        #expect(sleeps.delays == [.milliseconds(250)])
        // The client did not create the transport, so shutting down leaves it usable.
        try await client.shutdown()
        _ = try await client.campaigns.get("c")
    }

    /// Records every attempt and response it sees, and answers 404 itself for one target.
    final class RecordingMiddleware: GoTomMiddleware, @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        private var attempts: [SignedAttempt] = []
        let shortCircuit: String?

        init(shortCircuit: String? = nil) { self.shortCircuit = shortCircuit }

        var log: [String] { lock.withLock { stored } }
        var seen: [SignedAttempt] { lock.withLock { attempts } }

        func intercept(
            _ attempt: SignedAttempt, next: @Sendable () async throws -> RawResponse
        ) async throws -> RawResponse {
            lock.withLock {
                attempts.append(attempt)
                stored.append("\(attempt.operation) #\(attempt.number)")
            }
            if attempt.request.requestURI == shortCircuit {
                return RawResponse(statusCode: 404, body: ResponseBody(#"{"detail":"cached miss"}"#))
            }
            let response = try await next()
            lock.withLock { stored.append("< \(response.statusCode)") }
            return response
        }
    }

    @Test("middleware sees every signed attempt and its response, in order; the first is outermost")
    func middlewareOrder() async throws {
        let script = ScriptedTransport([503])
        let outer = RecordingMiddleware()
        let inner = RecordingMiddleware()
        var (configuration, _) = Self.configuration()
        configuration.middlewares = [outer, inner]
        let client = try GoTomClient(configuration: configuration, transport: script.transport)
        _ = try await client.campaigns.get("c")
        #expect(outer.log == ["campaigns.get #1", "< 503", "campaigns.get #2", "< 200"])
        #expect(inner.log == outer.log)
        // What the middleware saw is exactly what was sent, and it is validly signed.
        #expect(outer.seen.count == 2)
        for (seen, sent) in zip(outer.seen, script.received) {
            #expect(seen.request.headers.map(\.name) == sent.request.headers.map(\.name))
            #expect(seen.request.headers.map(\.value) == sent.request.headers.map(\.value))
            #expect(seen.signed.message.requestURI == sent.request.requestURI)
            try Self.expectValidSignature(sent.request)
        }
    }

    @Test("middleware can answer itself; the transport is not called and the answer is handled as goTom's")
    func middlewareShortCircuit() async throws {
        let script = ScriptedTransport([])
        var (configuration, _) = Self.configuration()
        configuration.middlewares = [RecordingMiddleware(shortCircuit: "/app-api/campaign/gone")]
        let client = try GoTomClient(configuration: configuration, transport: script.transport)
        let error = try await expectGoTomError { () async throws in try await client.campaigns.get("gone") }
        #expect(error == .notFound)
        #expect(script.received.isEmpty)
    }

    /// Collects events.
    final class EventLog: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [RequestEvent] = []
        var events: [RequestEvent] { lock.withLock { stored } }
        func record(_ event: RequestEvent) { lock.withLock { stored.append(event) } }

        /// A compact account of the events.
        var summary: [String] {
            events.map { event in
                switch event {
                case .attemptSent(let sent): "sent \(sent.method) \(sent.requestURI) #\(sent.attempt)"
                case .responseReceived(let response): "status \(response.status) \(response.requestId ?? "-")"
                case .attemptFailed(let failure): "failed \(failure.error.stage)"
                case .retryScheduled(let retry): "retry #\(retry.nextAttempt) in \(retry.delay): \(retry.reason)"
                case .clockCorrected(let correction): "clock \(correction.offsetSeconds)"
                }
            }
        }
    }

    @Test("the observer receives attempts, responses, failures and retries as data")
    func events() async throws {
        let script = ScriptedTransport([503])
        let log = EventLog()
        var (configuration, _) = Self.configuration()
        configuration.observer = { log.record($0) }
        let client = try GoTomClient(configuration: configuration, transport: script.transport)
        _ = try await client.campaigns.get("c")
        #expect(
            log.summary == [
                "sent GET /app-api/campaign/c #1", "status 503 rid-503",
                "retry #2 in 0.25 seconds: HTTP 503",
                "sent GET /app-api/campaign/c #2", "status 200 rid-200",
            ])
        guard case .attemptSent(let sent) = log.events.first else { return }
        #expect(sent.redactedAuthorization.contains(Self.credentials.user))
        #expect(!log.summary.joined().contains(Self.credentials.secret))

        let failing = InMemoryTransport { _, _ in
            throw GoTomTransportError(.connectionLost, stage: .awaitingResponse, detail: "reset")
        }
        let failures = EventLog()
        configuration.observer = { failures.record($0) }
        let second = try GoTomClient(configuration: configuration, transport: failing)
        _ = try await expectGoTomError { () async throws in try await second.campaigns.create(Models.campaign("c")) }
        #expect(failures.summary == ["sent POST /app-api/campaign #1", "failed awaitingResponse"])
    }

    @Test("a client over the application's HTTPClient leaves it running on shutdown")
    func borrowedHTTPClient() async throws {
        let server = try await FaultServer.start([], fallback: .reply(.init(status: 200, body: Self.campaignJSON)))
        let httpClient = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        let outcome = await capture {
            let (configuration, _) = Self.configuration(server.baseURL)
            let first = try GoTomClient(configuration: configuration, httpClient: httpClient)
            _ = try await first.campaigns.get("c")
            try await first.shutdown()
            // The pool still works for the application and for other clients.
            try await GoTomClient.withClient(configuration: configuration, httpClient: httpClient) { client in
                _ = try await client.campaigns.get("c")
            }
            let response = try await httpClient.execute(
                HTTPClientRequest(url: server.baseURL + "/ping"), timeout: .seconds(5))
            return response.status.code
        }
        try await httpClient.shutdown()
        try await server.stop()
        #expect(try outcome.get() == 200)
        #expect(server.received.count == 3)
    }

    @Test("withClient shuts its own pool down, also when the body throws")
    func scopedClient() async throws {
        let server = try await FaultServer.start([], fallback: .reply(.init(status: 200, body: Self.campaignJSON)))
        let (configuration, _) = Self.configuration(server.baseURL)
        struct Stop: Error {}
        let leaked = LockedBox<GoTomClient?>(nil)
        await #expect(throws: Stop.self) {
            try await GoTomClient.withClient(configuration: configuration) { client in
                _ = try await client.campaigns.get("c")
                leaked.value = client
                throw Stop()
            }
        }
        let client = try #require(leaked.value)
        let error = try await expectGoTomError { () async throws in try await client.campaigns.get("c") }
        try await server.stop()
        #expect(error == .transport, "a pool that was shut down sends nothing")
        #expect(server.received.count == 1)
    }
}

/// A value behind a lock, for results that a closure hands out.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
