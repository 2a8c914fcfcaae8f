import Foundation
import GoTomAuth
import GoTomSandbox
import GoTomTestSupport
import Testing

/// `gotom request` against the real sandbox over HTTPS, trusting the sandbox's CA with `--cacert`.
@Suite("gotom request against the TLS sandbox")
struct SandboxCLITests {
    static func withTLSSandbox(
        clockOffsetSeconds: Int64 = 0, _ body: (SandboxServer, CLIHarness) async throws -> Void
    ) async throws {
        let sandbox = try await SandboxServer.start(
            configuration: SandboxConfiguration(
                port: 0, storage: .inMemory, tls: true, user: CLIHarness.user, secret: CLIHarness.secret,
                largeReportSize: 1024 * 1024, clock: OffsetWallClock(offsetSeconds: clockOffsetSeconds)))
        let cli = try CLIHarness()
        do {
            try await body(sandbox, cli)
        } catch {
            try? await sandbox.stop()
            cli.cleanUp()
            throw error
        }
        try await sandbox.stop()
        cli.cleanUp()
    }

    static func tlsEnvironment(_ sandbox: SandboxServer) -> [String: String?] {
        ["GOTOM_BASE_URL": sandbox.baseURL, "GOTOM_CACERT": sandbox.caCertificatePath]
    }

    @Test("the seed's two examples on a fresh sandbox: campaign 12345 updated from stdin answers 204; 26106 is 404")
    func seedExamples() async throws {
        try await Self.withTLSSandbox { sandbox, cli in
            #expect(sandbox.baseURL.hasPrefix("https://"))
            let update =
                #"{"name": "new campaign name", "status": "booking", "bookingDate": "2021-06-23", "note": "new note", "noteInternal": "new note-internal", "noteReservation": "new note-reservation"}"#
            let updated = try await cli.run(
                ["request", "POST", "/app-api/campaign/12345"], stdin: Data(update.utf8),
                environment: Self.tlsEnvironment(sandbox))
            #expect(updated.status == 0)
            #expect(updated.stdoutText.hasPrefix("HTTP/1.1 204 No Content\n"), "\(updated.stdoutText)")

            let read = try await cli.run(
                ["request", "GET", "/app-api/campaign/12345", "-b"],
                environment: Self.tlsEnvironment(sandbox))
            let campaign = try JSONSerialization.jsonObject(with: read.stdout) as? [String: Any]
            #expect(campaign?["name"] as? String == "new campaign name")
            #expect(campaign?["note"] as? String == "new note")

            let missing = try await cli.run(
                ["request", "GET", "/app-api/campaign/26106"],
                environment: Self.tlsEnvironment(sandbox))
            #expect(missing.status == 4)
            let parts = CLIHarness.split(missing.stdoutText)
            #expect(parts.statusLine == "HTTP/1.1 404 Not Found")
            let problem = try JSONSerialization.jsonObject(with: Data(parts.body.utf8)) as? [String: Any]
            #expect(problem?["detail"] as? String == "Not Found")
            #expect(problem?["status"] as? Int == 404)
        }
    }

    @Test("TLS verification stays on: without --cacert the sandbox's certificate is refused (exit 6)")
    func tlsVerification() async throws {
        try await Self.withTLSSandbox { sandbox, cli in
            let output = try await cli.run(
                ["request", "GET", "/app-api/campaign/1"],
                environment: ["GOTOM_BASE_URL": sandbox.baseURL])
            #expect(output.status == 6)
            #expect(output.stderrText.hasPrefix("gotom: TLS handshake failed"), "\(output.stderrText)")
            #expect(output.stderrText.contains("--cacert"), "\(output.stderrText)")
            let explicit = try await cli.run(
                [
                    "request", "GET", "/app-api/primary-keys/platform", "-b",
                    "--cacert", sandbox.caCertificatePath ?? "",
                ], environment: ["GOTOM_BASE_URL": sandbox.baseURL])
            #expect(explicit.status == 0, "\(explicit.stderrText)")
        }
    }

    @Test("a sandbox clock two hours ahead: 401 'Request is too old' with a clock diagnosis")
    func clockDiagnosis() async throws {
        try await Self.withTLSSandbox(clockOffsetSeconds: 7200) { sandbox, cli in
            let output = try await cli.run(
                ["request", "GET", "/app-api/campaign/1"], environment: Self.tlsEnvironment(sandbox))
            #expect(output.status == 4)
            #expect(output.stderrText.contains("401 Unauthorized: Request is too old"))
            // The server's Date has whole seconds and the local clock is read when the answer arrives, later on a
            // busy machine: the whole minutes come out as 120 or, a moment past the minute, 119.
            #expect(
                output.stderrText.contains("120 minutes behind the server's")
                    || output.stderrText.contains("119 minutes behind the server's"), "\(output.stderrText)")
        }
    }
}
