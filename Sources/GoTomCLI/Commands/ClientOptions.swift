import ArgumentParser
import Foundation
import GoTomAPI
import Logging

/// `-v/--verbose` and `-q/--quiet`, shared by every command that talks to goTom.
package struct VerbosityOptions: ParsableArguments {
    package init() {}

    @Flag(
        name: [.short, .long], help: "Log every request and response on stderr (method, path, status; never secrets).")
    package var verbose = false

    @Flag(name: [.short, .long], help: "Print nothing but results and errors: no progress bars, no summaries.")
    var quiet = false

    package func validate() throws {
        if verbose && quiet { throw ValidationError("--verbose and --quiet exclude each other") }
        // Failures are printed outside the command's reach (reportingFailures); they read these from here.
        ErrorStyle.current.verbose = verbose
        ErrorStyle.current.quiet = quiet
    }

    /// Whether progress bars and other live status lines may be drawn on stderr.
    var showsProgress: Bool { !quiet && StandardStreams.stderrIsTerminal }
}

/// Connection, credentials and verbosity: everything needed to build a ``GoTomClient``.
package struct ClientOptions: ParsableArguments {
    @OptionGroup package var connection: ConnectionOptions
    @OptionGroup package var verbosity: VerbosityOptions

    @Option(
        help: ArgumentHelp(
            "Attempts per request for failures that are safe to retry (1 = no retries).",
            valueName: "n"))
    var attempts: Int = RetryPolicy.default.maxAttempts

    package init() {}

    /// Builds a client from the resolved configuration (flags > environment > profile).
    ///
    /// - Parameter logHandler: Where the SDK's log goes; `nil` keeps the log silent and prints the SDK's request
    ///   events instead: request lines with `-v`, retries and clock corrections always.
    package func makeClient(logHandler: (any LogHandler)? = nil) throws -> GoTomClient {
        let config = try connection.resolve()
        let credentials = try config.credentials()
        let server = try config.baseServer(
            missing:
                "no base URL: pass --base-url, set GOTOM_BASE_URL, or run gotom config set base_url "
                + "https://YOUR-INSTANCE.gotom.io")
        var policy = RetryPolicy.default
        policy.maxAttempts = max(1, attempts)
        let verbose = verbosity.verbose
        let quiet = verbosity.quiet
        let logger = Logger(label: "gotom") { _ in logHandler ?? SwiftLogNoOpLogHandler() }
        // The same timeouts, CA and proxy as `gotom request` (one place decides them).
        let transport = try connection.transportConfiguration(for: server, config: config)
        let requestTimeout: Duration? = transport.requestTimeout.map { .milliseconds(Int64($0 * 1000)) }
        var configuration = GoTomClient.Configuration(
            baseURL: config.baseURL ?? server.description,
            credentials: credentials,
            groupCredentials: config.groupCredentials,
            connectTimeout: .milliseconds(Int64(transport.connectTimeout * 1000)),
            requestTimeout: requestTimeout,
            retryPolicy: policy,
            additionalCACertificatePath: transport.additionalCACertificatePath,
            proxy: transport.proxy,
            logger: logger
        )
        if logHandler == nil {
            configuration.observer = RequestEventPrinter(verbose: verbose, quiet: quiet).observer
        }
        do {
            return try GoTomClient(configuration: configuration)
        } catch let error as GoTomError {
            throw CLIError("cannot set up the client: \(error.detail ?? error.userMessage)")
        }
    }

    /// Fetches one object with a fresh client and prints it as `output` says: the whole of a `get`-style command.
    func show<Read: Encodable>(
        _ output: OutputOptions, _ fetch: (GoTomClient) async throws -> Read
    ) async throws -> ExitStatus {
        let read = try await withClient(fetch)
        try ObjectPrinter(options: output).print(read)
        return .success
    }

    /// Runs `body` with a fresh client and always shuts the client down afterwards.
    func withClient<T>(_ body: (GoTomClient) async throws -> T) async throws -> T {
        let client = try makeClient()
        do {
            let result = try await body(client)
            try? await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}

/// Prints the SDK's log on stderr: request lines with `-v`, warnings (retries, clock skew) always. The MCP server
/// still reads the log this way; commands print ``RequestEventPrinter``'s lines instead.
///
/// The SDK logs the Authorization header only in redacted form, and no body; nothing secret reaches this handler.
package struct VerboseLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level

    /// Request lines (debug) with `verbose`; warnings and worse otherwise; only errors with `quiet`.
    package init(verbose: Bool, quiet: Bool = false) {
        self.logLevel = verbose ? .debug : quiet ? .error : .warning
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        let fields = event.metadata ?? [:]
        func field(_ name: String) -> String? { fields["gotom.\(name)"].map { "\($0)" } }
        var line: String
        if let method = field("method"), let uri = field("uri") {
            line = "> \(method) \(uri)"
            if let attempt = field("attempt"), attempt != "1" { line += " (attempt \(attempt))" }
        } else if let status = field("status") {
            line = "< \(status)"
            if let requestId = field("request_id"), requestId != "-" { line += " request-id \(requestId)" }
        } else if let short = Self.shortWarning(event.message, field) {
            line = short
        } else {
            let details = fields.filter { $0.key != "gotom.operation" }
                .sorted { $0.key < $1.key }
                .map { "\($0.key.replacingOccurrences(of: "gotom.", with: ""))=\($0.value)" }
                .joined(separator: " ")
            line = "\(event.level): \(event.message)" + (details.isEmpty ? "" : " (\(details))")
        }
        StandardStreams.diagnostic(line)
    }

    /// The SDK's routine warnings as one short line each, e.g. `retrying in 0.5 s (attempt 2): connection refused`.
    static func shortWarning(_ message: Logger.Message, _ field: (String) -> String?) -> String? {
        switch message.description {
        case "retrying request":
            let delay = field("delay_ms").flatMap(Double.init).map { " in \(Self.seconds($0 / 1000))" } ?? ""
            let attempt = field("attempt").map { " (attempt \($0))" } ?? ""
            // "connection failed: cannot connect to …" says the same thing twice.
            let reason = field("reason").map { ": " + GoTomError.plainTransportText($0) } ?? ""
            return "retrying\(delay)\(attempt)\(reason)"
        case "goTom rejected the request date; re-signing with the measured clock offset":
            let offset = field("clock_offset_s").map { " (goTom's clock is \($0) s ahead of this machine's)" } ?? ""
            return "goTom rejected the request date; signing again with its clock\(offset)"
        default:
            return nil
        }
    }

    private static func seconds(_ value: Double) -> String {
        value >= 10 || value == value.rounded() ? "\(Int(value.rounded())) s" : String(format: "%.1f s", value)
    }
}
