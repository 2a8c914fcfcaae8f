import Foundation
import GoTomSandbox
import GoTomTestSupport
import Testing

@Suite("Examples")
struct ExampleTests {
    @Test("Examples/CustomerCSVImport syncs its sample CSV into the TLS sandbox")
    func customerCSVImport() async throws {
        let binary = URL(fileURLWithPath: CLIHarness.binary).deletingLastPathComponent()
            .appendingPathComponent("customer-csv-import").path
        let sandbox = try await SandboxServer.start(
            configuration: SandboxConfiguration(
                port: 0, storage: .inMemory, tls: true, user: CLIHarness.user, secret: CLIHarness.secret))
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        do {
            let csv = ReferencePaths.packageRoot.appendingPathComponent("Examples/CustomerCSVImport/customers.csv").path
            let output = try await ExternalTool.run(
                binary, [csv],
                environment: [
                    "GOTOM_BASE_URL": sandbox.baseURL, "GOTOM_USER": CLIHarness.user, "GOTOM_SECRET": CLIHarness.secret,
                    "GOTOM_CACERT": sandbox.caCertificatePath,
                ])
            #expect(output.status == 0, "\(output.stdoutText)\(output.stderrText)")
            #expect(output.stdoutText.contains("3 of 3 customers synced"))
            let read = try await cli.run(
                ["request", "GET", "/app-api/customer/CRM-2002", "-b"],
                environment: [
                    "GOTOM_BASE_URL": sandbox.baseURL, "GOTOM_CACERT": sandbox.caCertificatePath,
                ])
            #expect(read.stdoutText.contains(#"Boulangerie \"Le Pain\" SA"#), "\(read.stdoutText)")
        } catch {
            try? await sandbox.stop()
            throw error
        }
        try await sandbox.stop()
    }
}
