import ArgumentParser
import Foundation
import GoTomAPI

/// Where to connect and as whom; shared by every command that talks to goTom.
package struct ConnectionOptions: ParsableArguments {
    package init() {}

    @Option(help: "Profile in the config file (default: $GOTOM_PROFILE, else 'default').")
    package var profile: String?

    @Option(
        help: ArgumentHelp(
            "goTom base URL, e.g. https://demo.gotom.io (default: $GOTOM_BASE_URL, else the profile's).",
            valueName: "url"))
    var baseURL: String?

    @Option(help: "Provider in the Authorization header (default: $GOTOM_PROVIDER, else gotom_app_api).")
    var provider: String?

    @Option(
        help: ArgumentHelp(
            "Also trust this CA certificate (PEM), e.g. a local sandbox's. TLS verification stays on.",
            valueName: "file"))
    var cacert: String?

    @Option(help: ArgumentHelp("Seconds to wait for the connection.", valueName: "seconds"))
    var connectTimeout: Double = ConnectionSettings.defaultConnectTimeout

    @Option(
        help: ArgumentHelp(
            "Seconds to wait until the response starts (status and headers); 0 for no limit.",
            valueName: "seconds"))
    var timeout: Double = ConnectionSettings.defaultTimeout

    /// The parsed values as a plain value.
    var settings: ConnectionSettings {
        ConnectionSettings(
            profile: profile, baseURL: baseURL, provider: provider, cacert: cacert,
            connectTimeout: connectTimeout, timeout: timeout)
    }

    func resolve(user: String? = nil, secret: String? = nil) throws -> ResolvedConfig {
        try settings.resolve(user: user, secret: secret)
    }

    func transportConfiguration(for server: ServerAddress, config: ResolvedConfig) throws -> TransportConfiguration {
        try settings.transportConfiguration(for: server, config: config)
    }
}

/// The values of ``ConnectionOptions``, independent of how they were parsed.
struct ConnectionSettings: Equatable {
    static let defaultConnectTimeout: Double = 10
    static let defaultTimeout: Double = 60

    var profile: String?
    var baseURL: String?
    var provider: String?
    var cacert: String?
    var connectTimeout = defaultConnectTimeout
    var timeout = defaultTimeout

    /// The configuration these settings select: flags over the environment over the profile; `user` and
    /// `secret` are the positional values of `gotom request`.
    func resolve(user: String? = nil, secret: String? = nil) throws -> ResolvedConfig {
        try ResolvedConfig.resolve(
            profileFlag: profile, baseURLFlag: baseURL, providerFlag: provider, caCertificateFlag: cacert,
            positionalUser: user, positionalSecret: secret
        )
    }

    /// Timeouts, the extra CA and the proxy for connections to `server`.
    func transportConfiguration(for server: ServerAddress, config: ResolvedConfig) throws -> TransportConfiguration {
        TransportConfiguration(
            connectTimeout: connectTimeout,
            requestTimeout: timeout > 0 ? timeout : nil,
            additionalCACertificatePath: config.caCertificatePath,
            proxy: try ProxySettings.resolve(for: server, environment: config.environment)
        )
    }
}

/// The request body and its content type.
struct BodyOptions: ParsableArguments {
    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "Request body: TEXT, or @FILE to stream a file (@- reads stdin). Without it, non-GET requests read stdin "
                + "when it is not a terminal.", valueName: "text|@file"))
    var data: String?

    @Option(help: "Content-Type to send and sign.")
    var contentType: String = BodySettings.defaultContentType

    /// The parsed values as a plain value.
    var settings: BodySettings { BodySettings(data: data, contentType: contentType) }

    /// The body to sign and send.
    func body(method: String) throws -> RequestBody { try settings.body(method: method) }
}

/// The values of ``BodyOptions``, independent of how they were parsed.
struct BodySettings: Equatable {
    static let defaultContentType = "application/json"

    var data: String?
    var contentType = defaultContentType

    /// The body to sign and send.
    func body(method: String) throws -> RequestBody {
        if let data {
            if data == "@-" { return try Self.stdinBody() }
            if data.hasPrefix("@") {
                let path = String(data.dropFirst())
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    FileManager.default.isReadableFile(atPath: path)
                else { throw CLIError("cannot read \(path): no such file or not readable") }
                return .file(path: path)
            }
            return data.isEmpty ? .empty : .bytes(Array(data.utf8))
        }
        let upper = method.uppercased()
        if upper != "GET" && upper != "HEAD" && !StandardStreams.stdinIsTerminal {
            return try Self.stdinBody()
        }
        return .empty
    }

    private static func stdinBody() throws -> RequestBody {
        let bytes = try StandardStreams.readStdin(limit: 64 * 1024 * 1024, hint: "pass it as --data @FILE")
        return bytes.isEmpty ? .empty : .bytes(bytes)
    }
}

extension ParsableCommand {
    /// Runs a command body, turning every failure into one stderr line and a documented exit code.
    package static func reportingFailures(_ body: () async throws -> ExitStatus) async throws {
        let status: ExitStatus
        do {
            status = try await body()
        } catch let error as CLIError {
            status = ErrorReport.print(
                message: error.message, kind: error.exitCode == .usage ? "usage" : "failure",
                exitStatus: error.exitCode)
        } catch let error as GoTomError {
            status = ErrorReport.print(error)
        } catch let error as GoTomTransportError {
            status = ErrorReport.print(
                message: GoTomError.describe(error), kind: "transport",
                exitStatus: ExitStatus.forTransportError(error))
            if error.kind == .tlsFailed {
                StandardStreams.diagnostic(ErrorReport.tlsHint)
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            status = ErrorReport.print(message: "\(error)", kind: "failure", exitStatus: .failure)
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
