import ArgumentParser
import Foundation
import GoTomAuth
import GoTomSandbox
import Hummingbird
import Logging

/// `gotom sandbox`: runs a local goTom-compatible server until SIGINT or SIGTERM.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local goTom-compatible server: same authentication, endpoints and errors, real persistence.",
        discussion: """
            Without --user/--secret the sandbox creates the user 'sandbox' with a random secret on first start and \
            keeps it in the data directory. It prints its URL and how to point gotom, curl and Node at it. Stop it \
            with Ctrl-C (SIGINT) or SIGTERM; every write that was answered 2xx is on disk.

            Examples:
              gotom sandbox
              gotom sandbox --tls --port 8443
              gotom sandbox --in-memory --port 0 --fixtures fixtures.json
              gotom sandbox --data-dir /tmp/gotom --large-report-size 1073741824
            """
    )

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port: Int = 8080

    @Option(help: ArgumentHelp("Where data, credentials and TLS files live.", valueName: "dir"))
    var dataDir: String = ".gotom-sandbox"

    @Flag(help: "Keep everything in memory (nothing survives a restart).")
    var inMemory = false

    @Flag(help: "Serve HTTPS with a local CA generated on first start.")
    var tls = false

    @Option(help: "The user clients sign with (default: the stored or generated 'sandbox' user).")
    var user: String?

    @Option(help: ArgumentHelp("The user's secret (default: the stored or generated one).", valueName: "secret"))
    var secret: String?

    @Option(help: ArgumentHelp("A JSON file with states the API cannot create (invoiced flights, archived campaigns, …).",
        valueName: "file"))
    var fixtures: String?

    @Option(help: ArgumentHelp("Size in bytes of the generated large report (saved report id 9000).", valueName: "bytes"))
    var largeReportSize: Int = 100 * 1024 * 1024

    @Option(help: ArgumentHelp("Largest accepted request body in bytes.", valueName: "bytes"))
    var maxBodySize: Int = 10 * 1024 * 1024

    @Option(help: ArgumentHelp("Run the sandbox's clock this many seconds ahead (negative: behind) to test clock skew.",
        valueName: "seconds"))
    var clockOffset: Int64 = 0

    @Flag(name: .shortAndLong, help: "Quiet: no request log (the same as --log-level warning).")
    var quiet = false

    @Option(help: ArgumentHelp(
        "Log level on stderr: trace, debug, info (default: the request log) or warning. From debug on, the HTTP "
            + "server's own log lines are shown, too.",
        valueName: "level"))
    var logLevel: String?

    /// The level of `--log-level`, or of `-q`.
    var level: Logger.Level {
        if let logLevel, let level = Logger.Level(rawValue: logLevel.lowercased()) { return level }
        return quiet ? .warning : .info
    }

    func validate() throws {
        if (user == nil) != (secret == nil) { throw ValidationError("give both --user and --secret, or neither") }
        if inMemory && dataDir != ".gotom-sandbox" { throw ValidationError("--data-dir and --in-memory exclude each other") }
        if let logLevel, Logger.Level(rawValue: logLevel.lowercased()) == nil {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        try await Self.reportingFailures {
            let level = self.level
            var logger = Logger(label: "gotom.sandbox") { label in
                SandboxLogHandler(base: StreamLogHandler.standardError(label: label), level: level)
            }
            logger.logLevel = level
            let configuration = SandboxConfiguration(
                host: host, port: port, storage: inMemory ? .inMemory : .directory(dataDir), tls: tls, user: user,
                secret: secret, maxBodySize: maxBodySize, largeReportSize: largeReportSize,
                clock: OffsetWallClock(offsetSeconds: clockOffset), fixturesPath: fixtures, logger: logger
            )
            let secretGiven = secret != nil
            let app: SandboxApplication
            do {
                app = try await buildSandbox(configuration: configuration) { address in
                    StandardStreams.writeOut(Self.banner(address, secretGiven: secretGiven))
                }
            } catch {
                throw CLIError("cannot start the sandbox: \(error)")
            }
            do {
                try await app.runService()
            } catch {
                throw CLIError("the sandbox stopped: \(error)")
            }
            return .success
        }
    }

    /// What to print once the sandbox listens: the URL, the credentials' use, and TLS trust hints.
    static func banner(_ address: SandboxAddress, secretGiven: Bool) -> String {
        let setup = address.setup
        let url = address.baseURL
        let user = setup.credentials.user
        // The sandbox's own, locally generated credential: printing it is how a developer learns it. It is not a
        // goTom secret; it is also stored (mode 0600) in the data directory.
        let secretShown = secretGiven ? "<the secret you passed with --secret>" : setup.credentials.secret
        var lines = ["gotom sandbox listening on \(url)", ""]
        lines += ["Use it from this shell (sandbox credentials, local only):",
            "  export GOTOM_BASE_URL=\(url)",
            "  export GOTOM_USER=\(SignCommand.shellQuoted(user))",
            "  export GOTOM_SECRET=\(secretGiven ? "'" + secretShown + "'" : SignCommand.shellQuoted(secretShown))"]
        if let ca = setup.caCertificatePath { lines.append("  export GOTOM_CACERT=\(ca)") }
        lines += ["", "Or as a profile:",
            "  gotom config set base_url \(url) --profile sandbox",
            "  gotom config set user \(SignCommand.shellQuoted(user)) --profile sandbox",
            "  printf '%s' \(secretGiven ? "'" + secretShown + "'" : SignCommand.shellQuoted(secretShown)) | gotom config set secret --profile sandbox"]
        if let ca = setup.caCertificatePath {
            lines += ["  gotom config set cacert \(ca) --profile sandbox", "",
                "TLS: trust the sandbox's local CA \(ca)",
                "  gotom request GET /app-api/primary-keys/platform --cacert \(ca)",
                "  curl --cacert \(ca) \(url)/…",
                "  NODE_EXTRA_CA_CERTS=\(ca) node callapi.js GET \(url)/app-api/campaign/1 USER SECRET"]
        }
        if let directory = setup.dataDirectory { lines += ["", "Data: \(directory) (SQLite, survives restarts)"] }
        lines += ["", "Try: gotom request GET /app-api/primary-keys/platform", "Stop with Ctrl-C.", ""]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The sandbox's log on stderr: its own lines (the request log) from the chosen level, the HTTP server's and the
/// service lifecycle's lines only from `--log-level debug` on (warnings and errors always).
///
/// The sandbox passes one logger to Hummingbird too; the lines are told apart by the module that logged them.
struct SandboxLogHandler: LogHandler {
    var base: StreamLogHandler
    var level: Logger.Level

    init(base: StreamLogHandler, level: Logger.Level) {
        self.base = base
        self.level = level
        self.base.logLevel = level
    }

    var logLevel: Logger.Level {
        get { level }
        set {
            level = newValue
            base.logLevel = newValue
        }
    }

    var metadata: Logger.Metadata {
        get { base.metadata }
        set { base.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { base[metadataKey: key] }
        set { base[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        if level > .debug, event.level < .warning, !event.source.hasPrefix("GoTom") { return }
        base.log(event: event)
    }
}
