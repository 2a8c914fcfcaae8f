import GoTomAPI
import GoTomAuth
import GoTomSandbox
import NIOConcurrencyHelpers

/// A goTom sandbox running in the test's own process, with a client that is ready to call it.
///
/// One call gives a test everything it needs: the sandbox listens on a free loopback port, keeps its data in
/// memory, serves HTTPS with a certificate authority generated for this run, and accepts test-only credentials;
/// ``client`` signs with them and trusts that authority. ``journal`` shows what the sandbox received and
/// ``faults`` makes it fail on purpose (429 or 503 with `Retry-After`, latency, dropped connections).
///
/// Prefer ``withTestSandbox(credentials:users:fixtures:clock:tls:configureSandbox:configureClient:isolation:_:)``,
/// which stops everything when the test ends, also when it throws:
///
/// ```swift
/// try await withTestSandbox { sandbox in
///     let campaign = try await sandbox.client.campaigns.get("spring-2025")
/// }
/// ```
///
/// Retries of ``client`` do not wait: its sleeper returns at once and records the wait in ``retryWaits``, so tests
/// with faults stay fast (the retry budget still counts each wait as spent). Pass `configureClient` to change this
/// or anything else about the client.
public final class TestSandbox: Sendable {
    /// The credentials a test sandbox accepts unless told otherwise: a user and secret for tests only.
    public static let defaultCredentials = Credentials(user: "gotom-test", secret: "test-only-secret-not-for-goTom")

    /// The running sandbox server, for anything not forwarded here (its address, its control-plane URL).
    public let server: SandboxServer

    /// A client that signs with ``credentials`` and trusts the sandbox's certificate authority.
    public let client: GoTomClient

    /// The configuration ``client`` was made with, for making further clients (another user, no retries).
    public let clientConfiguration: GoTomClient.Configuration

    private let waits: NIOLockedValueBox<[Duration]>
    private let stopped = NIOLockedValueBox(false)

    /// The base URL, e.g. `https://127.0.0.1:54321`.
    public var baseURL: String { server.baseURL }

    /// The bound port on 127.0.0.1.
    public var port: Int { server.port }

    /// The credentials ``client`` signs with (the first user when the sandbox was started with several).
    public var credentials: Credentials { server.credentials }

    /// The PEM file of the sandbox's certificate authority, or `nil` when TLS is off.
    ///
    /// Hand it to the code under test the way it takes a private CA, e.g. `GOTOM_CACERT` or a profile's `cacert`.
    public var caCertificatePath: String? { server.caCertificatePath }

    /// The sandbox's record of the requests it received: status, verdict, and why a signature was rejected.
    public var journal: RequestJournal { server.journal }

    /// The sandbox's fault rules: add one to make matching requests fail, remove it to heal them.
    public var faults: FaultTable { server.faults }

    /// The requests the sandbox received so far, oldest first, as its journal keeps them.
    public var requests: [JournalEntry] { server.journal.entries().entries }

    /// The waits before retries that clients made from ``clientConfiguration`` asked for, in order, e.g. a
    /// `Retry-After`; they returned at once. Empty when `configureClient` replaced the sleeper.
    public var retryWaits: [Duration] { waits.withLockedValue { $0 } }

    private init(
        server: SandboxServer, client: GoTomClient, clientConfiguration: GoTomClient.Configuration,
        waits: NIOLockedValueBox<[Duration]>
    ) {
        self.server = server
        self.client = client
        self.clientConfiguration = clientConfiguration
        self.waits = waits
    }

    /// Starts a sandbox in memory on 127.0.0.1 with a free port, and makes a client for it.
    ///
    /// Call ``stop()`` when done, or use
    /// ``withTestSandbox(credentials:users:fixtures:clock:tls:configureSandbox:configureClient:isolation:_:)``,
    /// which does it for you.
    ///
    /// - Parameters:
    ///   - credentials: The user and secret the sandbox accepts; ignored when `users` is not empty.
    ///   - users: Several users, each possibly limited to some API groups; the client signs as the first.
    ///   - fixtures: Data to load besides the demo data, including states the API cannot create.
    ///   - clock: The sandbox's clock for `Date` checks and the `Date` header; a skewed one tests clock correction.
    ///   - tls: Whether to serve HTTPS with a generated certificate authority (the default) or plain HTTP.
    ///   - configureSandbox: Changes to the sandbox configuration, e.g. fault rules in force from the start, a
    ///     logger, or the journal's body limit. Host, port and storage are already set for a test.
    ///   - configureClient: Changes to the client configuration, e.g. a logger, a retry policy or a clock.
    ///   - isolation: The caller's actor, inherited so that the closures need not be sendable.
    /// - Returns: The running sandbox and its client.
    /// - Throws: `SandboxError` when the sandbox cannot start, and `GoTomError` when the client cannot be made
    ///   (then the sandbox is stopped again).
    public static func start(
        credentials: Credentials = TestSandbox.defaultCredentials,
        users: [SandboxUser] = [],
        fixtures: SandboxFixtures? = nil,
        clock: any WallClock = SystemWallClock(),
        tls: Bool = true,
        configureSandbox: (inout SandboxConfiguration) -> Void = { _ in },
        configureClient: (inout GoTomClient.Configuration) -> Void = { _ in },
        isolation: isolated (any Actor)? = #isolation
    ) async throws -> TestSandbox {
        var configuration = SandboxConfiguration(
            host: "127.0.0.1", port: 0, storage: .inMemory, tls: tls, user: credentials.user,
            secret: credentials.secret, clock: clock
        )
        configuration.fixtures = fixtures
        configuration.users = users
        configureSandbox(&configuration)
        let server = try await SandboxServer.start(configuration: configuration)

        let waits = NIOLockedValueBox<[Duration]>([])
        var clientConfiguration = GoTomClient.Configuration(
            baseURL: server.baseURL, credentials: server.credentials,
            additionalCACertificatePath: server.caCertificatePath,
            sleeper: RetrySleeper { duration in waits.withLockedValue { $0.append(duration) } }
        )
        configureClient(&clientConfiguration)
        let client: GoTomClient
        do {
            client = try GoTomClient(configuration: clientConfiguration)
        } catch {
            try? await server.stop()
            throw error
        }
        return TestSandbox(server: server, client: client, clientConfiguration: clientConfiguration, waits: waits)
    }

    /// Shuts the client down and stops the sandbox; calling it again does nothing.
    ///
    /// Requests in flight are finished first. Afterwards the port is closed (a request to ``baseURL`` fails to
    /// connect) and the certificate authority's files are deleted.
    ///
    /// - Throws: The first failure of shutting down the client or stopping the server; both are attempted.
    public func stop() async throws {
        let first = stopped.withLockedValue { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        var failure: (any Error)?
        do {
            try await client.shutdown()
        } catch {
            failure = error
        }
        do {
            try await server.stop()
        } catch {
            failure = failure ?? error
        }
        if let failure { throw failure }
    }
}

/// Starts a ``TestSandbox``, runs `body` with it, and stops it, also when `body` throws.
///
/// ```swift
/// @Test func createsCampaign() async throws {
///     try await withTestSandbox { sandbox in
///         try await sandbox.client.campaigns.create(campaign)
///         #expect(sandbox.requests.last?.status == 201)
///     }
/// }
/// ```
///
/// - Parameters:
///   - credentials: The user and secret the sandbox accepts; ignored when `users` is not empty.
///   - users: Several users, each possibly limited to some API groups; the client signs as the first.
///   - fixtures: Data to load besides the demo data.
///   - clock: The sandbox's clock.
///   - tls: Whether to serve HTTPS with a generated certificate authority (the default) or plain HTTP.
///   - configureSandbox: Changes to the sandbox configuration.
///   - configureClient: Changes to the client configuration.
///   - isolation: The caller's actor, inherited so that the closures need not be sendable.
///   - body: The test; it gets the running sandbox.
/// - Returns: What `body` returns.
/// - Throws: What `body` throws (the sandbox is stopped first), else a failure to start or to stop.
public func withTestSandbox<Value>(
    credentials: Credentials = TestSandbox.defaultCredentials,
    users: [SandboxUser] = [],
    fixtures: SandboxFixtures? = nil,
    clock: any WallClock = SystemWallClock(),
    tls: Bool = true,
    configureSandbox: (inout SandboxConfiguration) -> Void = { _ in },
    configureClient: (inout GoTomClient.Configuration) -> Void = { _ in },
    isolation: isolated (any Actor)? = #isolation,
    _ body: (TestSandbox) async throws -> Value
) async throws -> Value {
    let sandbox = try await TestSandbox.start(
        credentials: credentials, users: users, fixtures: fixtures, clock: clock, tls: tls,
        configureSandbox: configureSandbox, configureClient: configureClient
    )
    let result: Value
    do {
        result = try await body(sandbox)
    } catch {
        try? await sandbox.stop()
        throw error
    }
    try await sandbox.stop()
    return result
}
