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

    @Test("Examples/CustomerSyncService: customers from code, killed with SIGKILL twice and resumed: nothing lost")
    func customerSyncServiceKilledAndResumed() async throws {
        let binary = URL(fileURLWithPath: CLIHarness.binary).deletingLastPathComponent()
            .appendingPathComponent("customer-sync-service").path
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let count = 1500
        let concurrency = 4  // the example's setting
        let journal = cli.home.appendingPathComponent("service.sync.sqlite").path
        let sandbox = try await CustomerSyncTests.SyncSandbox.start(
            dataDir: cli.home.appendingPathComponent("data"), logRequests: true)
        var environment: [String: String?] = [
            "HOME": cli.home.path, "XDG_CONFIG_HOME": cli.home.appendingPathComponent("config").path,
            "GOTOM_PROFILE": nil, "GOTOM_CACERT": nil, "HTTP_PROXY": nil, "HTTPS_PROXY": nil,
        ]
        environment.merge(sandbox.environment) { _, new in new }

        // Each run is killed once the sandbox has answered this many upserts in all.
        let killPoints = [300, 900]
        let kills = try await sandbox.killEachRun(at: killPoints) {
            try ExternalTool.start(binary, [journal, "\(count)"], environment: environment, directory: cli.home)
        }
        #expect(kills == killPoints.count)

        let final = try await ExternalTool.run(binary, [journal, "\(count)"], environment: environment)
        #expect(final.status == 0, "\(final.stdoutText)")
        #expect(final.stdoutText.contains("\(count) customers: \(count) created, 0 updated, 0 failed, 0 pending"))
        let stored = try await sandbox.stopAndInspect()
        let synced = stored.values.filter { $0.externalCrmId.hasPrefix("SVC-") }
        #expect(synced.count == count, "no customer lost")
        #expect((0..<count).allSatisfy { stored["SVC-\($0)"]?.firm == "Service Customer \($0)" })
        // Only requests in flight at a kill or answered since the last commit may have reached the sandbox twice.
        let extra = synced.reduce(0) { $0 + $1.upserts - 1 }
        #expect(synced.allSatisfy { $0.upserts >= 1 })
        let bound = kills * (2 * concurrency - 1)
        #expect(extra <= bound, "\(extra) repeated upserts after kills at \(killPoints) answers")
        print("customer-sync-service: \(kills) kills, \(extra) customers upserted twice (bound \(bound))")
    }
}
