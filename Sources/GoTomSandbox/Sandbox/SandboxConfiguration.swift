import GoTomAuth
import Logging

/// Everything a sandbox needs to start: where it listens, where it keeps its data, who may call it.
///
/// The defaults give a plain-HTTP sandbox on `127.0.0.1:8080` that keeps its data in `.gotom-sandbox` in the
/// working directory and creates the user `sandbox` with a random secret on first start.
public struct SandboxConfiguration: Sendable {
    /// Where the sandbox keeps its state.
    public enum Storage: Sendable, Hashable {
        /// A directory holding the SQLite database, the generated credentials and (with TLS) the certificates.
        case directory(String)
        /// Nothing survives the process; TLS files, if any, go to a fresh temporary directory.
        case inMemory
    }

    /// The address to bind, `127.0.0.1` by default.
    public var host: String

    /// The port to bind, 8080 by default; 0 picks any free port (read it back from the started sandbox).
    public var port: Int

    /// Where state is kept, `.gotom-sandbox` in the working directory by default.
    public var storage: Storage

    /// Whether to serve HTTPS with a locally generated certificate authority.
    public var tls: Bool

    /// The user clients sign with; when `nil`, the user `sandbox` is created on first start and stored.
    public var user: String?

    /// The user's secret; when `nil`, a random secret is created on first start and stored in the data directory.
    public var secret: String?

    /// The largest request body accepted, in bytes (10 MiB by default); larger bodies get 413.
    public var maxBodySize: Int

    /// The size in bytes of the generated large graph report (100 MiB by default), streamed chunk by chunk.
    public var largeReportSize: Int

    /// The saved-report id under which the large generated graph report is served.
    public var largeReportId: Int

    /// The clock for `Date` checks and the `Date` response header; tests pass a skewed clock here.
    public var clock: any WallClock

    /// A JSON fixtures file (see ``SandboxFixtures``) loaded at every start, or `nil` for demo data only.
    public var fixturesPath: String?

    /// Fixtures given as a value (tests, embedding code), instead of ``fixturesPath``; setting both is an error.
    public var fixtures: SandboxFixtures?

    /// The logger for the one-line-per-request log and lifecycle events; silent by default.
    public var logger: Logger

    /// The users clients sign with; when empty, the single ``user``/``secret`` (or the stored user) is used.
    public var users: [SandboxUser] = []

    /// Whether the control plane (`/_sandbox/…`: health, reset, journal, faults, console) is served.
    public var controlPlane = true

    /// The bearer token the control plane requires; needed when ``host`` is not a loopback address.
    public var controlToken: String?

    /// How many requests the journal keeps (1000 by default); 0 turns the journal off.
    public var journalCapacity = 1000

    /// The largest request body kept per journal entry in bytes; 0 (the default) keeps no bodies.
    public var journalBodyLimit = 0

    /// Fault rules in force from the start (and again after a reset).
    public var faults: [FaultRule] = []

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - host: The address to bind.
    ///   - port: The port to bind; 0 for any free port.
    ///   - storage: Where state is kept.
    ///   - tls: Whether to serve HTTPS.
    ///   - user: The user clients sign with, or `nil` to use or create the stored `sandbox` user.
    ///   - secret: The user's secret, or `nil` to use or create a stored random secret.
    ///   - maxBodySize: The largest accepted request body in bytes.
    ///   - largeReportSize: The size of the generated large report in bytes.
    ///   - largeReportId: The saved-report id of the large report.
    ///   - clock: The sandbox clock.
    ///   - fixturesPath: A fixtures file to load, if any.
    ///   - logger: Where request and lifecycle logs go.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        storage: Storage = .directory(".gotom-sandbox"),
        tls: Bool = false,
        user: String? = nil,
        secret: String? = nil,
        maxBodySize: Int = 10 * 1024 * 1024,
        largeReportSize: Int = 100 * 1024 * 1024,
        largeReportId: Int = 9000,
        clock: any WallClock = SystemWallClock(),
        fixturesPath: String? = nil,
        logger: Logger = Logger(label: "gotom.sandbox", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.host = host
        self.port = port
        self.storage = storage
        self.tls = tls
        self.user = user
        self.secret = secret
        self.maxBodySize = maxBodySize
        self.largeReportSize = largeReportSize
        self.largeReportId = largeReportId
        self.clock = clock
        self.fixturesPath = fixturesPath
        self.logger = logger
    }
}
