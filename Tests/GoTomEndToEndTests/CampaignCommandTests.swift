import Foundation
import GoTomTesting
import Testing

/// `gotom campaign …` end to end against the sandbox binary.
@Suite("gotom campaign")
struct CampaignCommandTests {
    @Test("the resource sandbox answers signed requests and logs them")
    func sandboxAnswers() async throws {
        try await withResourceSandbox { sandbox, cli in
            let result = try await cli.run(["request", "GET", "/app-api/primary-keys/platform", "-b"], on: sandbox)
            #expect(result.status == 0, "\(result.stderrText)")
            #expect(result.stdoutText.contains("\"items\""))
            #expect(sandbox.requests == ["GET /app-api/primary-keys/platform 200"])
        }
    }
}
