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
            Without --user the sandbox creates the user 'sandbox' with a random secret on first start and keeps it \
            in the data directory. It prints its URL and how to point gotom, curl and Node at it. Stop it with \
            Ctrl-C (SIGINT) or SIGTERM; every write that was answered 2xx is on disk.

            Users: --user NAME:SECRET (repeatable) or --users-file FILE (a JSON array of {"name", "secret", \
            "groups"}); NAME:SECRET:campaign,crm-sync limits a user to those API groups (campaign, crm-sync, \
            graph-report), the others answer 403. A secret in a flag shows in the process list: prefer \
            GOTOM_SANDBOX_USER or the users file.

            Control plane and console under /_sandbox/ (unsigned): health, reset, the request journal, faults, and \
            a web console at /_sandbox/. Served without a token on a loopback address only; elsewhere give \
            --control-token (GOTOM_SANDBOX_CONTROL_TOKEN) or --no-control-plane.

            Faults: --fault '[METHOD] PATH key=value …' with status=429|500|502|503, retry-after=S, latency=MS, \
            drop=before-head|after-head, times=N, probability=P; * in PATH matches anything.

            Every option can also come from a GOTOM_SANDBOX_* environment variable: the option's name in upper \
            case with - as _ (GOTOM_SANDBOX_PORT, GOTOM_SANDBOX_DATA_DIR, GOTOM_SANDBOX_TLS=1, …); repeatable \
            ones (GOTOM_SANDBOX_USER, GOTOM_SANDBOX_FAULT) take one value per line. Flags win.

            Examples:
              gotom sandbox
              gotom sandbox --tls --port 8443
              gotom sandbox --in-memory --port 0 --fixtures fixtures.json --print-config json
              gotom sandbox --users-file users.json --fault 'POST /app-api/campaign/* status=503 times=2'
              gotom sandbox requests --follow
            """,
        subcommands: [SandboxRequestsCommand.self]
    )

    @Option(help: "Address to listen on (default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one (default 8080).")
    var port: Int?

    @Option(
        help: ArgumentHelp("Where data, credentials and TLS files live (default .gotom-sandbox).", valueName: "dir"))
    var dataDir: String?

    @Flag(help: "Keep everything in memory (nothing survives a restart).")
    var inMemory = false

    @Flag(help: "Serve HTTPS with a local CA generated on first start.")
    var tls = false

    @Option(
        help: ArgumentHelp(
            "A user as NAME:SECRET[:GROUP,…] (repeatable), or with --secret just the NAME (default: the stored or "
                + "generated 'sandbox' user).",
            valueName: "user"))
    var user: [String] = []

    @Option(help: ArgumentHelp("The secret of a single --user NAME.", valueName: "secret"))
    var secret: String?

    @Option(help: ArgumentHelp("A JSON file with users: [{\"name\", \"secret\", \"groups\"}].", valueName: "file"))
    var usersFile: String?

    @Option(
        help: ArgumentHelp(
            "A JSON file with states the API cannot create (invoiced flights, archived campaigns, …).",
            valueName: "file"))
    var fixtures: String?

    @Option(
        help: ArgumentHelp("Size in bytes of the generated large report (saved report id 9000).", valueName: "bytes"))
    var largeReportSize: Int?

    @Option(help: ArgumentHelp("Largest accepted request body in bytes (default 10 MiB).", valueName: "bytes"))
    var maxBodySize: Int?

    @Option(
        help: ArgumentHelp(
            "Run the sandbox's clock this many seconds ahead (negative: behind) to test clock skew.",
            valueName: "seconds"))
    var clockOffset: Int64?

    @Option(
        help: ArgumentHelp(
            "The bearer token of the control plane (needed when --host is not a loopback address).", valueName: "token")
    )
    var controlToken: String?

    @Flag(help: "Serve no control plane and no console under /_sandbox/.")
    var noControlPlane = false

    @Option(help: ArgumentHelp("How many requests the journal keeps (default 1000; 0: off).", valueName: "count"))
    var journalSize: Int?

    @Option(
        help: ArgumentHelp(
            "Keep request bodies in the journal, up to this many bytes each (default 0: none).",
            valueName: "bytes"))
    var journalBodies: Int?

    @Option(help: ArgumentHelp("A fault rule (repeatable): '[METHOD] PATH key=value …'.", valueName: "rule"))
    var fault: [String] = []

    @Option(
        help: ArgumentHelp(
            "What to print once listening: text (default) or json (one line for scripts).",
            valueName: "format"))
    var printConfig: String?

    @Flag(name: .shortAndLong, help: "Quiet: no request log (the same as --log-level warning).")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            "Log level on stderr: trace, debug, info (default: the request log) or warning. From debug on, the HTTP "
                + "server's own log lines are shown, too.",
            valueName: "level"))
    var logLevel: String?

    /// The environment the `GOTOM_SANDBOX_*` fallbacks are read from.
    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// A `GOTOM_SANDBOX_*` variable, when set and not empty.
    func env(_ name: String) -> String? {
        guard let value = environment["GOTOM_SANDBOX_" + name], !value.isEmpty else { return nil }
        return value
    }

    /// A boolean `GOTOM_SANDBOX_*` variable: 1, true or yes.
    func envFlag(_ name: String) -> Bool {
        ["1", "true", "yes"].contains(env(name)?.lowercased() ?? "")
    }

    /// A numeric `GOTOM_SANDBOX_*` variable.
    func envNumber<Value: LosslessStringConvertible>(_ name: String) throws -> Value? {
        guard let text = env(name) else { return nil }
        guard let value = Value(text) else { throw ValidationError("GOTOM_SANDBOX_\(name) must be a number") }
        return value
    }

    /// One value per line of a `GOTOM_SANDBOX_*` variable.
    func envLines(_ name: String) -> [String] {
        (env(name) ?? "").split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    }

    var resolvedQuiet: Bool { quiet || envFlag("QUIET") }

    /// The level of `--log-level`, or of `-q`.
    var level: Logger.Level {
        if let text = logLevel ?? env("LOG_LEVEL"), let level = Logger.Level(rawValue: text.lowercased()) {
            return level
        }
        return resolvedQuiet ? .warning : .info
    }

    var resolvedPrintConfig: String { (printConfig ?? env("PRINT_CONFIG") ?? "text").lowercased() }

    func validate() throws {
        let users = user.isEmpty ? envLines("USER") : user
        let secret = self.secret ?? env("SECRET")
        if secret != nil, users.count != 1 || users[0].contains(":") {
            throw ValidationError("--secret goes with a single --user NAME; otherwise give --user NAME:SECRET")
        }
        if users.count == 1, !users[0].contains(":"), secret == nil {
            throw ValidationError("give --user NAME:SECRET, or --user NAME with --secret")
        }
        let inMemory = self.inMemory || envFlag("IN_MEMORY")
        if inMemory && (dataDir ?? env("DATA_DIR")) != nil {
            throw ValidationError("--data-dir and --in-memory exclude each other")
        }
        if let logLevel = logLevel ?? env("LOG_LEVEL"), Logger.Level(rawValue: logLevel.lowercased()) == nil {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        guard ["text", "json"].contains(resolvedPrintConfig) else {
            throw ValidationError("--print-config must be text or json")
        }
    }

    /// The sandbox configuration from the flags, then the `GOTOM_SANDBOX_*` variables, then the defaults.
    func sandboxConfiguration(logger: Logger) throws -> SandboxConfiguration {
        let dataDir = self.dataDir ?? env("DATA_DIR") ?? ".gotom-sandbox"
        let inMemory = self.inMemory || envFlag("IN_MEMORY")
        var configuration = SandboxConfiguration(
            host: host ?? env("HOST") ?? "127.0.0.1",
            port: try port ?? envNumber("PORT") ?? 8080,
            storage: inMemory ? .inMemory : .directory(dataDir),
            tls: tls || envFlag("TLS"),
            maxBodySize: try maxBodySize ?? envNumber("MAX_BODY_SIZE") ?? 10 * 1024 * 1024,
            largeReportSize: try largeReportSize ?? envNumber("LARGE_REPORT_SIZE") ?? 100 * 1024 * 1024,
            clock: OffsetWallClock(offsetSeconds: try clockOffset ?? envNumber("CLOCK_OFFSET") ?? 0),
            fixturesPath: fixtures ?? env("FIXTURES"),
            logger: logger
        )
        let specifications = user.isEmpty ? envLines("USER") : user
        if let secret = secret ?? env("SECRET"), let name = specifications.first {
            configuration.users = [SandboxUser(name: name, secret: secret)]
        } else {
            configuration.users = try specifications.map { try SandboxUser(specification: $0) }
        }
        if let file = usersFile ?? env("USERS_FILE") {
            configuration.users += try SandboxUsersFile.load(path: file)
        }
        configuration.controlToken = controlToken ?? env("CONTROL_TOKEN")
        configuration.controlPlane = !(noControlPlane || envFlag("NO_CONTROL_PLANE"))
        configuration.journalCapacity = try journalSize ?? envNumber("JOURNAL_SIZE") ?? 1000
        configuration.journalBodyLimit = try journalBodies ?? envNumber("JOURNAL_BODIES") ?? 0
        configuration.faults = try (fault.isEmpty ? envLines("FAULT") : fault).map {
            try FaultRule(specification: $0)
        }
        return configuration
    }

    func run() async throws {
        try await Self.reportingFailures {
            let level = self.level
            var logger = Logger(label: "gotom.sandbox") { label in
                SandboxLogHandler(base: StreamLogHandler.standardError(label: label), level: level)
            }
            logger.logLevel = level
            let configuration: SandboxConfiguration
            do {
                configuration = try sandboxConfiguration(logger: logger)
            } catch let error as SandboxError {
                throw CLIError.usage("cannot start the sandbox: \(error.detail)")
            }
            let secretGiven = configuration.secret != nil || !configuration.users.isEmpty
            let json = resolvedPrintConfig == "json"
            let app: SandboxApplication
            do {
                app = try await buildSandbox(configuration: configuration) { address in
                    StandardStreams.writeOut(
                        json ? Self.configLine(address) : Self.banner(address, secretGiven: secretGiven))
                }
            } catch let error as SandboxError where error == .invalidConfiguration {
                throw CLIError.usage("cannot start the sandbox: \(error.detail)")
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

    /// The `--print-config json` line: where the sandbox listens and who may call it, never a secret.
    static func configLine(_ address: SandboxAddress) -> String {
        struct User: Encodable {
            var name: String
            var groups: [String]?
        }
        struct Line: Encodable {
            var url: String
            var caFile: String?
            var users: [User]
            var credentialsFile: String?
            var controlURL: String?
            var consoleURL: String?
            var dataDir: String?
        }
        let setup = address.setup
        let stored = setup.dataDirectory.map { $0 + "/credentials.json" }
        let line = Line(
            url: address.baseURL, caFile: setup.caCertificatePath,
            users: setup.users.map { User(name: $0.name, groups: $0.groups?.sorted().map(\.rawValue)) },
            credentialsFile: stored.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil },
            controlURL: address.controlURL, consoleURL: address.controlURL, dataDir: setup.dataDirectory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(line)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// What to print once the sandbox listens: the URL, the credentials' use, and TLS trust hints.
    static func banner(_ address: SandboxAddress, secretGiven: Bool) -> String {
        let setup = address.setup
        let url = address.baseURL
        let user = setup.credentials.user
        // The sandbox's own, locally generated credential: printing it is how a developer learns it. It is not a
        // goTom secret; it is also stored (mode 0600) in the data directory.
        let secretShown = secretGiven ? "<the secret you gave for \(user)>" : setup.credentials.secret
        var lines = ["gotom sandbox listening on \(url)", ""]
        lines += [
            "Use it from this shell (sandbox credentials, local only):",
            "  export GOTOM_BASE_URL=\(url)",
            "  export GOTOM_USER=\(SignCommand.shellQuoted(user))",
            "  export GOTOM_SECRET=\(secretGiven ? "'" + secretShown + "'" : SignCommand.shellQuoted(secretShown))",
        ]
        if let ca = setup.caCertificatePath { lines.append("  export GOTOM_CACERT=\(ca)") }
        lines += [
            "", "Or as a profile:",
            "  gotom config set base_url \(url) --profile sandbox",
            "  gotom config set user \(SignCommand.shellQuoted(user)) --profile sandbox",
            "  printf '%s' \(secretGiven ? "'" + secretShown + "'" : SignCommand.shellQuoted(secretShown)) | gotom config set secret --profile sandbox",
        ]
        if let ca = setup.caCertificatePath {
            lines += [
                "  gotom config set cacert \(ca) --profile sandbox", "",
                "TLS: trust the sandbox's local CA \(ca)",
                "  gotom request GET /app-api/primary-keys/platform --cacert \(ca)",
                "  curl --cacert \(ca) \(url)/…",
                "  NODE_EXTRA_CA_CERTS=\(ca) node callapi.js GET \(url)/app-api/campaign/1 USER SECRET",
            ]
        }
        if setup.users.count > 1 || setup.users.contains(where: { $0.groups != nil }) {
            lines += ["", "Users:"]
            for user in setup.users {
                let groups = user.groups.map { $0.sorted().map(\.rawValue).joined(separator: ", ") } ?? "all APIs"
                lines.append("  \(user.name): \(groups)")
            }
        }
        if let directory = setup.dataDirectory { lines += ["", "Data: \(directory) (SQLite, survives restarts)"] }
        if let control = address.controlURL {
            lines += ["", "Console: \(control) (journal, state, reset, faults; gotom sandbox requests --follow)"]
        }
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
