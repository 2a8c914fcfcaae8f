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

            -H 'Name: value' adds a header (repeatable). Date, Content-Type and Authorization are part of the \
            signature and cannot be replaced (use --content-type for the body's type); Content-Length follows \
            the body. -v prints the request line and every header sent on stderr, the signature masked.

            Examples:
              echo '{"status": "booking"}' | gotom request POST /app-api/campaign/12345
              gotom request GET https://demo.gotom.io/app-api/campaign/26106
              gotom request POST /app-api/campaign/12345 --data @update.json --explain
              gotom request GET /app-api/graph-export/download/42 -b -o report.csv
              gotom request GET /app-api/customer -H 'Accept-Language: de' -v
            """
    )

    @Argument(help: "HTTP method, e.g. GET or POST.")
    var method: String

    @Argument(help: "Absolute URL, or a path starting with / resolved against the base URL.")
    var url: String

    @Argument(help: "User id (for compatibility with the example scripts; prefer a profile).")
    var user: String?

    @Argument(
        help: ArgumentHelp(
            "The user's secret (visible to other local users: prefer GOTOM_SECRET or a profile).",
            valueName: "secret"))
    var secretArgument: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var bodyOptions: BodyOptions

    @Flag(name: [.short, .customLong("body-only")], help: "Print only the response body.")
    var bodyOnly = false

    @Option(
        name: [.short, .customLong("output-file")],
        help: ArgumentHelp(
            "Stream the response body to FILE (written under a temporary name, renamed when complete).",
            valueName: "file"))
    var outputFile: String?

    @Flag(help: "Print the six signed parts (never the secret) on stderr before sending.")
    var explain = false

    @Option(
        name: [.customShort("H"), .customLong("header")],
        help: ArgumentHelp(
            "Add a header, e.g. -H 'Accept-Language: de' (repeatable; not Date, Content-Type or Authorization).",
            valueName: "name: value"))
    var headers: [String] = []

    @Flag(name: [.short, .long], help: "Print the request line and the headers sent on stderr (signature masked).")
    var verbose = false

    func validate() throws {
        do {
            _ = try RequestInvocation.parseHeaders(headers)
        } catch let error as CLIError {
            throw ValidationError(error.message)
        }
    }

    /// The parsed arguments as a plain value.
    var invocation: RequestInvocation {
        RequestInvocation(
            method: method, url: url, user: user, secret: secretArgument, connection: connection.settings,
            body: bodyOptions.settings, bodyOnly: bodyOnly, outputFile: outputFile, explain: explain,
            headers: headers, verbose: verbose)
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
    /// `-H` values as given, `Name: value`.
    var headers: [String] = []
    var verbose = false

    /// Headers the signature covers or the body determines; `-H` may not set them.
    static let reservedHeaders: [String: String] = [
        "date": "Date is part of the signature and set from the clock",
        "content-type": "Content-Type is part of the signature; use --content-type",
        "authorization": "Authorization carries the signature",
        "content-length": "Content-Length follows the body",
        "transfer-encoding": "Transfer-Encoding follows the body",
    ]

    /// Splits `-H` values into names and values.
    ///
    /// - Throws: A usage error for a value without a name or for a header of ``reservedHeaders``.
    static func parseHeaders(_ values: [String]) throws -> [(name: String, value: String)] {
        try values.map { text in
            guard let colon = text.firstIndex(of: ":") else {
                throw CLIError.usage("-H '\(text)': expected 'Name: value'")
            }
            let name = text[..<colon].trimmingCharacters(in: .whitespaces)
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty,
                name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_!#$%&'*+.^`|~".contains($0)) })
            else { throw CLIError.usage("-H '\(text)': '\(name)' is not a header name") }
            guard !value.contains(where: { $0 == "\r" || $0 == "\n" }) else {
                throw CLIError.usage("-H '\(name)': a header value cannot contain a line break")
            }
            if let reason = reservedHeaders[name.lowercased()] {
                throw CLIError.usage("-H '\(name)' cannot be set: \(reason)")
            }
            return (name, value)
        }
    }

    /// Sends the request and prints the response; throws `ExitCode` for every status but success.
    func run() async throws {
        try await RequestCommand.reportingFailures {
            let config = try connection.resolve(user: user, secret: secret)
            let (server, target) = try config.target(for: url)
            let credentials = try config.credentials(forTarget: target)
            let requestBody = try body.body(method: method)
            let transport = try HTTPTransport(
                configuration: try connection.transportConfiguration(for: server, config: config))
            do {
                let status = try await send(
                    server: server, target: target, body: requestBody,
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
        var prepared = try await PreparedRequest.make(
            server: server, method: method, requestURI: target, contentType: body.contentType, body: requestBody,
            signer: RequestSigner(credentials: credentials)
        )
        // Extra headers are not signed (goTom signs method, body digest, content type, date and URI only).
        prepared.outgoing.headers += try Self.parseHeaders(headers)
        if explain {
            StandardStreams.writeError("Signed message for \(credentials.provider) \(credentials.user):\n")
            StandardStreams.writeError(prepared.signed.message.explanation + "\n")
        }
        if verbose { StandardStreams.writeError(Self.requestDump(prepared, server: server)) }
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

    /// `> GET /path HTTP/1.1` and `> Name: value` for every header sent; the signature in Authorization masked.
    static func requestDump(_ prepared: PreparedRequest, server: ServerAddress) -> String {
        let request = prepared.outgoing
        let host = server.description.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first
        var lines = ["> \(request.method) \(request.requestURI) HTTP/1.1", "> Host: \(host ?? Substring(server.host))"]
        for (name, value) in request.headers {
            let shown = name.lowercased() == "authorization" ? prepared.signed.authorization.redactedValue : value
            lines.append("> \(name): \(shown)")
        }
        if let length = try? request.body.length(), length > 0 { lines.append("> Content-Length: \(length)") }
        return lines.joined(separator: "\n") + "\n>\n"
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
                    "this machine's clock is \((abs(difference) + 30) / 60) minutes \(direction) the server's "
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
