import Foundation
import GoTomTestSupport
import Testing

@Suite("gotom demo")
struct DemoCommandTests {
    @Test("walks through the integration against its own sandbox and exits 0")
    func demo() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let output = try await cli.run(["demo", "--report-size", "1048576"], credentials: false)
        #expect(output.status == 0, "\(output.stdoutText)\(output.stderrText)")
        let text = output.stdoutText
        for line in [
            "GET /app-api/primary-keys/platform", "POST /app-api/campaign ", "POST /app-api/campaign/DEMO-2025-001 ",
            "/flight ", "/campaign-discount/EARLY/flight-discount", "GET /app-api/customer ",
            "1f06b2d7-49b4-4b8b-aa66-5172aeb01e97  externalId", "GET /app-api/graph-export/download/9000",
        ] {
            #expect(text.contains(line), "missing step: \(line)")
        }
        #expect(text.contains(" 201  created DEMO-2025-001"))
        #expect(text.contains(" 204  updated"))
        #expect(text.contains(" 400  1 violation(s)"))
        #expect(text.contains("1048576 bytes"))
        #expect(text.contains("\"new campaign name\", status booking, 1 flight(s)"))
    }
}
