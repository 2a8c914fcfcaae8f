import ArgumentParser
import Foundation
import GoTomAPI
import GoTomAuth
import NIOCore

/// `gotom request METHOD URL [USER SECRET]`: a drop-in for goTom's example clients.
struct RequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Send a signed request and print the response, like goTom's example clients.",
        discussion: """
            Prints the status line, the response headers, a blank line and the body. The exit code follows the \
            status: 0 for 1xx-3xx, 4 for 4xx, 5 for 5xx, 6 when no response arrived.

            Examples:
              echo '{"status": "booking"}' | gotom request POST /app-api/campaign/12345
              gotom request GET https://demo.gotom.io/app-api/campaign/26106
              gotom request POST /app-api/campaign/12345 --data @update.json --explain
              gotom request GET /app-api/graph-export/download/42 -b -o report.csv
            """
    )

    @Argument(help: "HTTP method, e.g. GET or POST.")
    var method: String

    @Argument(help: "Absolute URL, or a path starting with / resolved against the base URL.")
    var url: String

    @Argument(help: "User id (for compatibility with the example scripts; prefer a profile).")
    var user: String?

    @Argument(help: ArgumentHelp("The user's secret (visible to other local users: prefer GOTOM_SECRET or a profile).",
        valueName: "secret"))
    var secretArgument: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var bodyOptions: BodyOptions

    @Flag(name: [.short, .customLong("body-only")], help: "Print only the response body.")
    var bodyOnly = false

    @Option(name: [.short, .customLong("output-file")], help: ArgumentHelp(
        "Stream the response body to FILE (written under a temporary name, renamed when complete).",
        valueName: "file"))
    var outputFile: String?

    @Flag(help: "Print the six signed parts (never the secret) on stderr before sending.")
    var explain = false

    /// The parsed arguments as a plain value.
    var invocation: RequestInvocation {
        RequestInvocation(
            method: method, url: url, user: user, secret: secretArgument, connection: connection.settings,
            body: bodyOptions.settings, bodyOnly: bodyOnly, outputFile: outputFile, explain: explain)
    }

    func run() async throws {
        try await invocation.run()
    }
}

/// Everything one `gotom request` does, independent of how its arguments were parsed: ArgumentParser fills it in
/// through ``RequestCommand``, the start-up fast path through ``RequestInvocation/init(scanning:)``.
struct RequestInvocation: Equatable {
    var method: String
    var url: String
    var user: String?
    var secret: String?
    var connection = ConnectionSettings()
    var body = BodySettings()
    var bodyOnly = false
    var outputFile: String?
    var explain = false

    /// Sends the request and prints the response; throws `ExitCode` for every status but success.
    func run() async throws {
        try await RequestCommand.reportingFailures {
            let config = try connection.resolve(user: user, secret: secret)
            let credentials = try config.credentials()
            let (server, target) = try config.target(for: url)
            let requestBody = try body.body(method: method)
            let transport = try HTTPTransport(
                configuration: try connection.transportConfiguration(for: server, config: config))
            do {
                let status = try await send(server: server, target: target, body: requestBody,
                    credentials: credentials, transport: transport)
                try? await transport.shutdown()
                return status
            } catch {
                try? await transport.shutdown()
                throw error
            }
        }
    }

    private func send(
        server: ServerAddress, target: String, body requestBody: RequestBody, credentials: Credentials,
        transport: HTTPTransport
    ) async throws -> ExitStatus {
        let prepared = try await PreparedRequest.make(
            server: server, method: method, requestURI: target, contentType: body.contentType, body: requestBody,
            signer: RequestSigner(credentials: credentials)
        )
        if explain {
            StandardStreams.writeError("Signed message for \(credentials.provider) \(credentials.user):\n")
            StandardStreams.writeError(prepared.signed.message.explanation + "\n")
        }
        let response = try await transport.send(prepared.outgoing)
        if !bodyOnly {
            var head = "HTTP/\(response.httpVersion) \(response.statusCode) \(response.reasonPhrase)\n"
            for (name, value) in response.headers { head += "\(name.lowercased()): \(value)\n" }
            StandardStreams.writeOut(head + "\n")
        }
        if response.statusCode == 401 {
            let bytes = try await response.body.collect(upTo: 1024 * 1024)
            try ResponseSink.write(bytes, to: outputFile)
            diagnoseUnauthorized(body: bytes, response: response)
        } else {
            try await ResponseSink.stream(response.body, to: outputFile)
        }
        return ExitStatus.forHTTPStatus(response.statusCode)
    }

    private func diagnoseUnauthorized(body: [UInt8], response: RawResponse) {
        let text = String(decoding: body, as: UTF8.self)
        let message = (try? JSONDecoder().decode(String.self, from: Data(body))) ?? text
        StandardStreams.diagnostic("401 Unauthorized: \(message)")
        if let failure = VerificationError(serverMessage: message), failure == .signatureMismatch {
            StandardStreams.diagnostic(
                "the secret, the body or the URI differs from what the server checked; rerun with --explain")
        }
        if let dateHeader = response.header("Date"), let serverTime = DateHeaderParser.parse(dateHeader) {
            let difference = UnixTime.now().seconds - serverTime.seconds
            if abs(difference) > 30 * 60 {
                let direction = difference > 0 ? "ahead of" : "behind"
                StandardStreams.diagnostic(
                    "this machine's clock is \(abs(difference) / 60) minutes \(direction) the server's "
                        + "(server Date: \(dateHeader)); goTom accepts at most 30 minutes")
            }
        }
    }
}

/// Writes a response body to stdout, or to a file that only appears under its name once complete
/// (GoTomAPI's ``AtomicFileWriter``, the same one report downloads use).
enum ResponseSink {
    static func stream(_ body: ResponseBody, to path: String?) async throws {
        guard let path else {
            for try await chunk in body { StandardStreams.writeOut(chunk.readableBytesView) }
            return
        }
        var writer = try AtomicFileWriter(destination: path)
        do {
            for try await chunk in body { try writer.write(chunk) }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path else {
            StandardStreams.writeOut(bytes)
            return
        }
        var writer = try AtomicFileWriter(destination: path)
        do {
            try writer.write(ByteBuffer(bytes: bytes))
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }
}
