import ArgumentParser
import Foundation
import GoTomAPI
import GoTomAuth

/// `gotom sign METHOD URL`: prints the authentication headers, a curl command, or the signed parts.
struct SignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Print the Date, Content-Type and Authorization headers for a request, without sending it.",
        discussion: """
            Uses the same encoding and signing path as `gotom request`. Signatures are valid for 30 minutes.

            Examples:
              gotom sign GET /app-api/campaign/12345
              gotom sign POST /app-api/campaign/12345 --data @update.json --curl
              gotom sign GET /app-api/customer --date 2024-11-07T10:21:15Z --explain
            """
    )

    @Argument(help: "HTTP method, e.g. GET or POST.")
    var method: String

    @Argument(help: "Absolute URL, or a path starting with / resolved against the base URL.")
    var url: String

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var bodyOptions: BodyOptions

    @Option(help: "Date header value to sign instead of the current time (any format goTom accepts).")
    var date: String?

    @Flag(help: "Print a ready-to-run curl command instead of the headers.")
    var curl = false

    @Flag(help: "Print the six signed parts, labelled (never the secret).")
    var explain = false

    func run() async throws {
        try await Self.reportingFailures {
            let config = try connection.resolve()
            let (server, target) = try config.target(for: url)
            let credentials = try config.credentials(forTarget: target)
            if let date, DateHeaderParser.parse(date) == nil {
                throw CLIError.usage("--date \(date) is not a date goTom accepts (e.g. 2024-11-07T10:21:15Z)")
            }
            let body = try bodyOptions.body(method: method)
            let prepared = try await PreparedRequest.make(
                server: server, method: method, requestURI: target, contentType: bodyOptions.contentType, body: body,
                signer: RequestSigner(credentials: credentials), date: date
            )
            if explain {
                StandardStreams.writeOut(prepared.signed.message.explanation + "\n")
            }
            if curl {
                StandardStreams.writeOut(curlCommand(prepared, config: config) + "\n")
            } else if !explain {
                for (name, value) in prepared.signed.fields { StandardStreams.writeOut("\(name): \(value)\n") }
            }
            return .success
        }
    }

    private func curlCommand(_ prepared: PreparedRequest, config: ResolvedConfig) -> String {
        var words = ["curl", "-sS", "-i", "-X", prepared.outgoing.method]
        if let ca = config.caCertificatePath { words += ["--cacert", ca] }
        for (name, value) in prepared.signed.fields { words += ["-H", "\(name): \(value)"] }
        switch prepared.outgoing.body {
        case .empty: break
        case .bytes(let bytes): words += ["--data-binary", String(decoding: bytes, as: UTF8.self)]
        case .file(let path): words += ["--data-binary", "@" + path]
        }
        words.append(prepared.outgoing.server.url(for: prepared.outgoing.requestURI))
        return words.map(Self.shellQuoted).joined(separator: " ")
    }

    static func shellQuoted(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:@=".contains($0)) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
