import Foundation
import GoTomAuth
import GoTomTestSupport
import Testing

/// Interoperability in both directions: `gotom` against an independent (PHP) implementation of goTom's check,
/// and goTom's own Bash example client, unmodified, against GoTomAuth's verifier over real HTTP.
@Suite("Interop with independent implementations")
struct InteropTests {
    static let targets: [(method: String, typed: String, body: String?)] = [
        ("GET", "/app-api/campaign/26106", nil),
        ("GET", "/app-api/primary-keys/tarif?page=2", nil),
        ("POST", "/app-api/campaign/12345", #"{"name": "new campaign name", "status": "booking"}"#),
        ("POST", "/app-api/campaign/12345?update_commissions=0", #"{"note": "Grüezi"}"#),
        ("GET", "/app-api/campaign/a b+c%25d%2Fe/flight/Zürich?x=1 2", nil),
        ("POST", "/app-api/campaign/ID 7/flight", #"{"externalId": "F+1"}"#),
        ("DELETE", "/app-api/campaign/1/flight/f%2F2", nil),
    ]

    @Test(
        "requests made by gotom are accepted by an independent PHP verifier", .requires(.tool("php")),
        arguments: targets.indices)
    func phpVerifier(_ index: Int) async throws {
        let php = try ExternalTool.require("php")
        let target = Self.targets[index]
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/independent-verifier.php")
        // PHP's built-in server reports on stderr whether it listens ("… Development Server (http://…) started")
        // or not ("Failed to listen on …", then it exits). A port that was free a moment ago can be taken by
        // another test's server before PHP binds it: then try again with a new port.
        for attempt in 1...3 {
            let port = try FreePort.find()
            let stdout = OutputLines(copyTo: cli.home.appendingPathComponent("php-\(attempt).out").path)
            let stderr = OutputLines(copyTo: cli.home.appendingPathComponent("php-\(attempt).err").path)
            let server = try ExternalTool.start(
                php, ["-S", "127.0.0.1:\(port)", script.path],
                environment: ["GOTOM_VERIFIER_USERS": "{\"\(CLIHarness.user)\": \"\(CLIHarness.secret)\"}"],
                stdout: stdout, stderr: stderr)
            let outcome = try? await stderr.firstLine { $0.hasSuffix(") started") || $0.contains("Failed to listen") }
            guard let outcome, outcome.hasSuffix(") started") else {
                await server.stop()
                if attempt == 3 {
                    Issue.record("php -S did not start: \(stderr.received.suffix(5).joined(separator: "\n"))")
                    return
                }
                continue
            }
            do {
                try await Self.checkAgainstPHP(port: port, target: target, cli: cli)
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
            return
        }
    }

    static func checkAgainstPHP(port: Int, target: (method: String, typed: String, body: String?), cli: CLIHarness)
        async throws
    {

        var arguments = ["request", target.method, "http://127.0.0.1:\(port)" + target.typed, "-b"]
        if let body = target.body { arguments += ["--data", body] }
        let output = try await cli.run(arguments)
        #expect(output.status == 0, "stdout: \(output.stdoutText) stderr: \(output.stderrText)")
        let answer = try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any]
        #expect(answer?["verifiedBy"] as? String == "php")
        #expect(answer?["uri"] as? String == RequestURI.normalizeTarget(target.typed))
        #expect(answer?["bodyMD5"] as? String == BodyDigest(utf8: target.body ?? "").hex)

        // The same server rejects a wrong secret, so acceptance above means something.
        let wrong = try await cli.run(arguments, environment: ["GOTOM_SECRET": "wrong"])
        #expect(wrong.status == 4)
        #expect(wrong.stdoutText == "\"Signature not valid\"")
    }

    @Test(
        "the seed's Bash client, run unmodified with curl, is accepted by GoTomAuth's verifier",
        .requires(.tool("bash"), .tool("curl"), .tool("openssl"), .seedPage))
    func bashClientLive() async throws {
        let bash = try ExternalTool.require("bash")
        try Prerequisites.require([.tool("curl"), .tool("openssl"), .seedPage])
        try await withEchoServer { server, cli in
            try SeedClients.load().write(to: cli.home)
            let get = try await ExternalTool.run(
                bash,
                [
                    "callapiendpoint.sh", "GET", server.baseURL + "/app-api/campaign/26106",
                    CLIHarness.user, CLIHarness.secret,
                ], stdin: Data(), directory: cli.home)
            #expect(get.stdoutText.contains("HTTP/1.1 200 OK"), "\(get.stdoutText)")
            let body = #"{"name": "new campaign name", "status": "booking"}"#
            let post = try await ExternalTool.run(
                bash,
                [
                    "callapiendpoint.sh", "POST",
                    server.baseURL + "/app-api/campaign/12345?update_commissions=0", CLIHarness.user, CLIHarness.secret,
                ],
                stdin: Data(body.utf8), directory: cli.home)
            #expect(post.stdoutText.contains("HTTP/1.1 200 OK"), "\(post.stdoutText)")
            #expect(post.stdoutText.contains(BodyDigest(utf8: body).hex))
            let wrong = try await ExternalTool.run(
                bash,
                [
                    "callapiendpoint.sh", "GET", server.baseURL + "/app-api/campaign/1",
                    CLIHarness.user, "wrong",
                ], stdin: Data(), directory: cli.home)
            #expect(wrong.stdoutText.contains("401"))
        }
    }
}
