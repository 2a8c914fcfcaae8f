import ArgumentParser
import Foundation
import GoTomAPI
import GoTomAuth
import GoTomSandbox

/// `gotom sandbox requests`: prints a running sandbox's request journal, one line per request and the diagnosis
/// under a rejected one.
struct SandboxRequestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Print a running sandbox's recent requests, with the diagnosis of each rejected one.",
        discussion: """
            Reads GET /_sandbox/requests of the sandbox at --url (default: GOTOM_SANDBOX_URL, else \\
            http://127.0.0.1:8080). A request whose signature was rejected is followed by the check that failed \\
            and the six parts the sandbox signed; compare them with gotom sign --explain. The control token, if \\
            the sandbox has one, comes from GOTOM_SANDBOX_CONTROL_TOKEN.

            Examples:
              gotom sandbox requests
              gotom sandbox requests --follow --url https://127.0.0.1:8443 --cacert .gotom-sandbox/tls/ca.pem
            """
    )

    @Flag(name: .shortAndLong, help: "Keep printing new requests as they arrive, until interrupted.")
    var follow = false

    @Option(help: ArgumentHelp("The sandbox's base URL.", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("A CA certificate to trust (a --tls sandbox's CA).", valueName: "file"))
    var cacert: String?

    @Option(help: ArgumentHelp("Print only requests with a higher id.", valueName: "id"))
    var since = 0

    private struct Page: Decodable {
        var entries: [JournalEntry]
        var lastId: Int
    }

    func run() async throws {
        try await Self.reportingFailures {
            let environment = ProcessInfo.processInfo.environment
            let base = url ?? environment["GOTOM_SANDBOX_URL"].nonEmpty ?? "http://127.0.0.1:8080"
            let server: ServerAddress
            do {
                server = try ServerAddress(baseURL: base)
            } catch {
                throw CLIError.usage("--url \(base) is not a base URL such as http://127.0.0.1:8080")
            }
            var headers: [(name: String, value: String)] = [("Accept", "application/json")]
            if let token = environment["GOTOM_SANDBOX_CONTROL_TOKEN"].nonEmpty {
                headers.append(("Authorization", "Bearer \(token)"))
            }
            let transport = try HTTPTransport(
                configuration: TransportConfiguration(
                    connectTimeout: 5, requestTimeout: 10,
                    additionalCACertificatePath: cacert ?? environment["GOTOM_CACERT"].nonEmpty))
            defer { Task { try? await transport.shutdown() } }
            var since = self.since
            while true {
                let request = OutgoingRequest(
                    server: server, method: "GET", requestURI: "/_sandbox/requests?since=\(since)", headers: headers,
                    body: .empty)
                let response = try await transport.send(request)
                let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
                guard response.statusCode == 200 else {
                    throw CLIError(
                        "the sandbox at \(base) answered \(response.statusCode) for its journal"
                            + (response.statusCode == 401 ? " (set GOTOM_SANDBOX_CONTROL_TOKEN)" : ""))
                }
                let page: Page
                do {
                    page = try JSONDecoder().decode(Page.self, from: Data(body))
                } catch {
                    throw CLIError("\(base) did not answer with a sandbox journal: is it a gotom sandbox?")
                }
                for entry in page.entries { StandardStreams.writeOut(Self.lines(entry)) }
                since = max(since, page.lastId)
                guard follow else { break }
                try await Task.sleep(for: .milliseconds(500))
            }
            return .success
        }
    }

    /// One line for the entry, and for a rejected one the failed check and the sandbox's six parts beneath.
    static func lines(_ entry: JournalEntry) -> String {
        let time = UnixTime(seconds: entry.time).description
        let user = entry.user ?? "-"
        let duration = String(format: "%.1f", entry.durationMs)
        var verdict = entry.verdict.rawValue
        if let fault = entry.fault { verdict += " (\(fault))" }
        var text =
            "#\(entry.id) \(time) \(entry.method) \(entry.target) \(entry.status) \(duration)ms "
            + "user=\(user) \(verdict)\n"
        if let check = entry.check { text += "    check: \(check)\n" }
        if let message = entry.canonical?.message {
            text += "    the sandbox signed (compare with gotom sign --explain):\n"
            for line in message.explanation.split(separator: "\n") { text += "      \(line)\n" }
        }
        return text
    }
}
