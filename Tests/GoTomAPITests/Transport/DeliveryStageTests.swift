import GoTomAPI
import GoTomAuth
import GoTomModels
import GoTomTestSupport
import GoTomTesting
import Testing

/// Fault injection at every stage of a request: the stage the transport records decides whether a create is sent
/// again (before the request was completely written) or not (after).
@Suite("Delivery stages")
struct DeliveryStageTests {
    /// Two attempts at most: a create is sent twice exactly when its failure counts as undelivered.
    static let twoAttempts = RetryPolicy(maxAttempts: 2, jitter: 0)

    /// Runs a create against `server` and returns its failure. The request timeout only bounds a hang: every fault
    /// here ends the request at once, also on a machine loaded enough that a few seconds pass before it does.
    static func failedCreate(
        baseURL: String, campaign: CampaignCreate = Models.campaign("c"), requestTimeout: Duration = .seconds(60)
    ) async throws -> (GoTomError, SleepRecorder) {
        let setup = try RetryTests.client(for: baseURL, policy: twoAttempts, requestTimeout: requestTimeout)
        let error: GoTomError
        do {
            error = try await expectGoTomError { () async throws in try await setup.client.campaigns.create(campaign) }
        } catch {
            try? await setup.client.shutdown()
            throw error
        }
        try await setup.client.shutdown()
        return (error, setup.sleeps)
    }

    @Test("refused connection: stage connecting, the create is sent again")
    func connecting() async throws {
        let closed = try FreePort.reserveClosed()
        defer { closed.release() }
        let (error, sleeps) = try await Self.failedCreate(baseURL: "http://127.0.0.1:\(closed.port)")
        #expect(error.transportError?.kind == .connectionFailed, "\(error)")
        #expect(error.transportError?.stage == .connecting)
        #expect(error.attempts == 2)
        #expect(sleeps.delays.count == 1)
    }

    @Test("a request without a body: a refused connection is still stage connecting, from the error's type")
    func connectingWithoutBody() async throws {
        let closed = try FreePort.reserveClosed()
        defer { closed.release() }
        let setup = try RetryTests.client(for: "http://127.0.0.1:\(closed.port)", policy: Self.twoAttempts)
        let outcome = await capture {
            try await expectGoTomError { () async throws in _ = try await setup.client.campaigns.get("c") }
        }
        try await setup.client.shutdown()
        let error = try outcome.get()
        #expect(error.transportError?.kind == .connectionFailed, "\(error)")
        #expect(error.transportError?.stage == .connecting)
    }

    @Test("reset during the TLS handshake: stage tlsHandshake, the create is sent again")
    func tlsHandshake() async throws {
        let server = try await FaultServer.start([], resetsOnFirstBytes: true)
        let outcome = await capture { try await Self.failedCreate(baseURL: "https://127.0.0.1:\(server.port)") }
        try await server.stop()
        let (error, _) = try outcome.get()
        #expect(error.transportError?.kind == .tlsFailed, "\(error)")
        #expect(error.transportError?.stage == .tlsHandshake)
        #expect(error.attempts == 2)
        #expect(server.received.isEmpty)
    }

    @Test("reset while the body is being written: stage writingRequest, the create is sent again")
    func writingRequest() async throws {
        // Far more than loopback's socket buffers hold, so the write is still going on when the reset comes.
        var campaign = Models.campaign("c")
        campaign.name = String(repeating: "x", count: 48 * 1024 * 1024)
        let server = try await FaultServer.start([], fallback: .resetAfterHead)
        let outcome = await capture { try await Self.failedCreate(baseURL: server.baseURL, campaign: campaign) }
        try await server.stop()
        let (error, _) = try outcome.get()
        #expect(error.transportError?.stage == .writingRequest, "\(error)")
        #expect(error.transportError?.requestMayHaveBeenDelivered == false)
        #expect(error.attempts == 2)
        #expect(server.received.count == 2)
        #expect(server.received.allSatisfy { $0.method == "POST" && $0.body.isEmpty })
    }

    @Test("reset after the request was completely written: possibly delivered, the create is not sent again")
    func resetAfterWrite() async throws {
        let server = try await FaultServer.start([.reset], fallback: .reply(.init(status: 201)))
        let outcome = await capture { try await Self.failedCreate(baseURL: server.baseURL) }
        try await server.stop()
        let (error, sleeps) = try outcome.get()
        #expect(error.transportError?.kind == .connectionLost, "\(error)")
        #expect(error.transportError?.stage == .awaitingResponse)
        #expect(error.transportError?.requestMayHaveBeenDelivered == true)
        #expect(error.attempts == 1)
        #expect(sleeps.delays.isEmpty)
        #expect(server.received.count == 1)
        #expect(server.received.first.map { !$0.body.isEmpty } == true, "the server had the whole request")
    }

    @Test("no response in time: stage awaitingResponse, the create is not sent again")
    func awaitingResponse() async throws {
        let server = try await FaultServer.start([.hang], fallback: .reply(.init(status: 201)))
        let outcome = await capture {
            try await Self.failedCreate(baseURL: server.baseURL, requestTimeout: RetryTests.neverAnswered)
        }
        try await server.stop()
        let (error, _) = try outcome.get()
        #expect(error.transportError?.kind == .timedOut, "\(error)")
        #expect(error.transportError?.stage == .awaitingResponse)
        #expect(error.attempts == 1)
        #expect(server.received.count == 1)
    }

    @Test("the body breaks off: stage readingResponse")
    func readingResponse() async throws {
        let body = #"{"externalId":"c","name":"n","status":"booking"}"#
        try await RetryTests.withServer([], fallback: .truncate(.init(status: 200, body: body), sentBytes: 10)) {
            server, setup in
            let error = try await expectGoTomError { () async throws in try await setup.client.campaigns.get("c") }
            #expect(error == .transport)
            #expect(error.transportError?.stage == .readingResponse, "\(error)")
            #expect(error.transportError?.requestMayHaveBeenDelivered == true)
            #expect(server.received.count == 1)
        }
    }
}

/// The outcome of `body`, so that a test can clean up before it looks at it.
func capture<Value>(_ body: () async throws -> Value) async -> Result<Value, any Error> {
    do {
        return .success(try await body())
    } catch {
        return .failure(error)
    }
}
