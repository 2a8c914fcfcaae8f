import Foundation
import GoTomTestSupport
import Testing

/// `gotom sandbox` as a CI emulator: the JSON start-up line, `GOTOM_SANDBOX_*` variables, the control plane's
/// token rule, `gotom sandbox requests`, and users limited to API groups as `gotom doctor` sees them.
@Suite("gotom sandbox: control plane, users, journal")
struct SandboxControlCLITests {
    /// A sandbox started with `--print-config json` (or its variable), its JSON line and its files' folder.
    struct JSONSandbox: Sendable {
        struct Config: Decodable, Sendable {
            struct User: Decodable, Sendable {
                var name: String
                var groups: [String]?
            }

            var url: String
            var caFile: String?
            var users: [User]
            var controlURL: String?
            var consoleURL: String?
            var dataDir: String?
        }

        struct NoConfigLine: Error, CustomStringConvertible {
            let description: String
        }

        let process: ExternalTool.Background
        let config: Config
        let folder: URL
        let stdout: OutputLines

        var url: String { config.url }

        static func start(_ arguments: [String], environment: [String: String?] = [:]) async throws -> JSONSandbox {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gotom-ctl-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let stdout = OutputLines(copyTo: folder.appendingPathComponent("stdout").path)
            let process = try ExternalTool.start(
                CLIHarness.binary, ["sandbox"] + arguments,
                environment: environment.merging(["TMPDIR": folder.path]) { first, _ in first },
                directory: folder, stdout: stdout, stderrPath: folder.appendingPathComponent("stderr").path)
            do {
                let line = try await stdout.firstLine(timeout: .seconds(60)) { $0.hasPrefix("{") }
                let config = try JSONDecoder().decode(Config.self, from: Data(line.utf8))
                return JSONSandbox(process: process, config: config, folder: folder, stdout: stdout)
            } catch {
                await process.stop()
                let log = (try? String(contentsOf: folder.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
                try? FileManager.default.removeItem(at: folder)
                throw NoConfigLine(description: "no JSON line: \(error)\n\(log)")
            }
        }

        func stop() async {
            await process.stop()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Starts a ``JSONSandbox`` for the duration of `body`.
    static func withJSONSandbox(
        _ arguments: [String], environment: [String: String?] = [:], _ body: (JSONSandbox) async throws -> Void
    ) async throws {
        let sandbox = try await JSONSandbox.start(arguments, environment: environment)
        do {
            try await body(sandbox)
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    @Test("--print-config json: one JSON line with URL, CA file, users without secrets, control URL")
    func printConfigJSON() async throws {
        let arguments = [
            "--in-memory", "--port", "0", "--tls", "--print-config", "json", "--user", "ci_user:ci-secret-one",
            "--user", "crm_sync_import:crm-secret-two:crm-sync",
        ]
        try await Self.withJSONSandbox(arguments) { sandbox in
            #expect(sandbox.url.hasPrefix("https://127.0.0.1:"))
            #expect(sandbox.config.controlURL == sandbox.url + "/_sandbox/")
            let ca = try #require(sandbox.config.caFile)
            #expect(FileManager.default.fileExists(atPath: ca))
            #expect(sandbox.config.users.map(\.name) == ["ci_user", "crm_sync_import"])
            #expect(sandbox.config.users[0].groups == nil)
            #expect(sandbox.config.users[1].groups == ["crm-sync"])
            let everything = sandbox.stdout.received.joined(separator: "\n")
            #expect(!everything.contains("ci-secret-one") && !everything.contains("crm-secret-two"))
            #expect(sandbox.stdout.received.count == 1, "\(sandbox.stdout.received)")
        }
    }

    @Test("every setting from GOTOM_SANDBOX_* variables; flags win over them")
    func environmentVariables() async throws {
        let environment: [String: String?] = [
            "GOTOM_SANDBOX_PORT": "0", "GOTOM_SANDBOX_IN_MEMORY": "1", "GOTOM_SANDBOX_PRINT_CONFIG": "json",
            "GOTOM_SANDBOX_USER": "env_a:env-secret-a\nenv_b:env-secret-b:report", "GOTOM_SANDBOX_JOURNAL_SIZE": "50",
            "GOTOM_SANDBOX_FAULT": "GET /app-api/customer status=503", "GOTOM_SANDBOX_QUIET": "1",
        ]
        try await Self.withJSONSandbox(["--journal-size", "2"], environment: environment) { sandbox in
            #expect(sandbox.url.hasPrefix("http://127.0.0.1:"))
            #expect(sandbox.config.dataDir == nil && sandbox.config.caFile == nil)
            #expect(sandbox.config.users.map(\.name) == ["env_a", "env_b"])
            #expect(sandbox.config.users[1].groups == ["graph-report"])
            let cli = try CLIHarness()
            defer { cli.cleanUp() }
            let env: [String: String?] = [
                "GOTOM_BASE_URL": sandbox.url, "GOTOM_USER": "env_a", "GOTOM_SECRET": "env-secret-a",
            ]
            let faulted = try await cli.run(["request", "GET", "/app-api/customer"], environment: env)
            #expect(faulted.status == 5, "\(faulted.stdoutText)\(faulted.stderrText)")
            for _ in 1...3 {
                _ = try await cli.run(["request", "GET", "/app-api/primary-keys/platform"], environment: env)
            }
            // --journal-size 2 won over the variable's 50.
            let journal = try await cli.run(["sandbox", "requests", "--url", sandbox.url])
            #expect(journal.stdoutText.split(separator: "\n").count == 2, "\(journal.stdoutText)")
        }
    }

    @Test("a non-loopback address without a control token does not start, and says what to do")
    func tokenRule() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let refused = try await cli.run(["sandbox", "--host", "0.0.0.0", "--port", "0", "--in-memory"])
        #expect(refused.status == 64, "\(refused.stderrText)")
        #expect(refused.stderrText.contains("--control-token") && refused.stderrText.contains("loopback"))
    }

    @Test("gotom sandbox requests: one line per request, the diagnosis under a rejected one; --follow")
    func requestsCommand() async throws {
        let arguments = ["--in-memory", "--port", "0", "--print-config", "json", "--user", "req_user:req-secret-1"]
        try await Self.withJSONSandbox(arguments) { sandbox in
            let cli = try CLIHarness()
            defer { cli.cleanUp() }
            let follow = OutputLines(copyTo: sandbox.folder.appendingPathComponent("follow").path)
            let follower = try ExternalTool.start(
                CLIHarness.binary, ["sandbox", "requests", "--follow", "--url", sandbox.url],
                directory: sandbox.folder, stdout: follow)
            do {
                let good: [String: String?] = [
                    "GOTOM_BASE_URL": sandbox.url, "GOTOM_USER": "req_user", "GOTOM_SECRET": "req-secret-1",
                ]
                var bad = good
                bad["GOTOM_SECRET"] = "not-the-secret"
                #expect(try await cli.run(["request", "GET", "/app-api/customer"], environment: good).status == 0)
                #expect(
                    try await cli.run(["request", "GET", "/app-api/customer?page=1"], environment: bad).status == 4)

                let output = try await cli.run(["sandbox", "requests", "--url", sandbox.url])
                #expect(output.status == 0, "\(output.stderrText)")
                let lines = output.stdoutText.split(separator: "\n").map(String.init)
                #expect(lines.first?.hasPrefix("#1 ") == true)
                #expect(lines.first?.contains(" GET /app-api/customer 200 ") == true)
                #expect(lines.first?.hasSuffix("user=req_user accepted") == true, "\(lines)")
                #expect(lines.contains { $0.hasPrefix("#2 ") && $0.contains(" 401 ") && $0.hasSuffix("rejected") })
                #expect(lines.contains("    check: Signature not valid"))
                #expect(lines.contains { $0.contains("6 request URI") && $0.hasSuffix("/app-api/customer?page=1") })
                #expect(lines.contains { $0.contains("1 method") && $0.hasSuffix("GET") })
                #expect(!output.stdoutText.contains("req-secret-1") && !output.stdoutText.contains("not-the-secret"))

                try await follow.firstLine(timeout: .seconds(10)) { $0.hasPrefix("#2 ") }
                _ = try await cli.run(["request", "GET", "/app-api/primary-keys/channel"], environment: good)
                try await follow.firstLine(timeout: .seconds(10)) {
                    $0.hasPrefix("#3 ") && $0.contains("primary-keys/channel")
                }
            } catch {
                await follower.stop()
                throw error
            }
            await follower.stop()
        }
    }

    @Test("gotom doctor names the API a user is not allowed on (403), and passes the one it is")
    func doctorForbiddenGroup() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gotom-users-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let usersFile = folder.appendingPathComponent("users.json")
        try Data(#"[{"name":"crm_sync_import","secret":"crm-only-secret","groups":["crm-sync"]}]"#.utf8)
            .write(to: usersFile)
        try await withResourceSandbox(extraArguments: ["--users-file", usersFile.path]) { sandbox, cli in
            let output = try await cli.run(
                ["doctor"], on: sandbox,
                environment: ["GOTOM_USER": "crm_sync_import", "GOTOM_SECRET": "crm-only-secret"])
            #expect(output.status == 1)
            let checks = DoctorTests.checks(output)
            #expect(checks["customer API"] == "✓", "\(output.stdoutText)")
            #expect(checks["campaign API"] == "✗" && checks["report API"] == "✗", "\(output.stdoutText)")
            #expect(
                output.stdoutText.contains(
                    "credentials accepted, but crm_sync_import is not allowed on the campaign API"))
            #expect(output.stdoutText.contains("→ 403"), "\(output.stdoutText)")
            // The resource user of the same sandbox still reaches everything.
            #expect(try await cli.run(["doctor"], on: sandbox).status == 0)
        }
    }
}
