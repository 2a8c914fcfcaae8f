import Foundation
import GoTomTestSupport
import Testing

/// `gotom sandbox`'s stderr: its own request log, the HTTP server's lines only with `--log-level debug`.
@Suite("gotom sandbox: quiet start-up")
struct SandboxLogTests {
    @Test("by default: the banner and the request log, none of Hummingbird's own lines")
    func quietStart() async throws {
        try await withResourceSandbox { sandbox, cli in
            let result = try await cli.run(["request", "GET", "/app-api/primary-keys/platform", "-b"], on: sandbox)
            #expect(result.status == 0, "\(result.stderrText)")
            #expect(sandbox.requests == ["GET /app-api/primary-keys/platform 200"])
            #expect(!sandbox.requestLog.contains("Server started"), "\(sandbox.requestLog)")
        }
    }

    @Test("--log-level debug shows the server's own lines too")
    func debugLog() async throws {
        try await withResourceSandbox(extraArguments: ["--log-level", "debug"]) { sandbox, cli in
            let result = try await cli.run(["request", "GET", "/app-api/primary-keys/platform", "-b"], on: sandbox)
            #expect(result.status == 0, "\(result.stderrText)")
            #expect(sandbox.requests == ["GET /app-api/primary-keys/platform 200"])
            #expect(sandbox.requestLog.contains("Server started and listening"), "\(sandbox.requestLog)")
        }
    }

    @Test("an unknown --log-level is a usage error")
    func badLevel() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let output = try await cli.run(["sandbox", "--in-memory", "--port", "0", "--log-level", "loud"])
        #expect(output.status == 64, "\(output.stderrText)")
    }
}
