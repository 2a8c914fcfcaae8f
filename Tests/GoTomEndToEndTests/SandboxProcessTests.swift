import Foundation
import GoTomAuth
import GoTomTestSupport
import Testing

/// The `gotom sandbox` binary as users run it: started as a process, killed, restarted, and used by goTom's
/// own example clients.
@Suite("gotom sandbox as a process")
struct SandboxProcessTests {
    static let user = "interop_user"
    static let secret = "interop-secret-not-real"

    /// A running `gotom sandbox` process and what it printed.
    struct RunningSandbox {
        var process: ExternalTool.Background
        var baseURL: String
        var caPath: String?
        var stdoutPath: String
    }

    static func startSandbox(dataDir: URL, tls: Bool, home: URL) async throws -> RunningSandbox {
        let stdoutPath = home.appendingPathComponent("sandbox-\(UUID().uuidString).out").path
        var arguments = [
            "sandbox", "--port", "0", "--data-dir", dataDir.path, "--user", user, "--secret", secret,
            "--large-report-size", "65536", "--quiet",
        ]
        if tls { arguments.append("--tls") }
        let launch = try await SandboxLaunch.start(
            arguments, directory: home, stdoutPath: stdoutPath,
            stderrPath: home.appendingPathComponent("sandbox.err").path)
        return RunningSandbox(
            process: launch.process, baseURL: launch.baseURL, caPath: launch.caPath,
            stdoutPath: stdoutPath)
    }

    static func environment(_ sandbox: RunningSandbox) -> [String: String?] {
        ["GOTOM_BASE_URL": sandbox.baseURL, "GOTOM_USER": user, "GOTOM_SECRET": secret, "GOTOM_CACERT": sandbox.caPath]
    }

    static let campaign =
        #"{"name":"Sommer 2025","externalId":"P-1","status":"reservation","bookingDate":"2025-06-01","customer":{"entityExternalCrmId":"CRM-1001"}}"#

    @Test("prints its URL and credentials use; a 2xx write survives kill -9; data survives a clean restart")
    func persistence() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let dataDir = cli.home.appendingPathComponent("data")
        let first = try await Self.startSandbox(dataDir: dataDir, tls: true, home: cli.home)
        let banner = try String(contentsOfFile: first.stdoutPath, encoding: .utf8)
        #expect(banner.contains("export GOTOM_USER=\(Self.user)"))
        #expect(banner.contains("gotom config set base_url \(first.baseURL) --profile sandbox"))
        #expect(banner.contains("curl --cacert "))
        #expect(banner.contains("NODE_EXTRA_CA_CERTS="))
        #expect(!banner.contains(Self.secret), "a secret given with --secret is not echoed")

        let created = try await cli.run(
            ["request", "POST", "/app-api/campaign", "--data", Self.campaign],
            environment: Self.environment(first))
        #expect(created.stdoutText.hasPrefix("HTTP/1.1 201"), "\(created.stdoutText)\(created.stderrText)")
        let killed = await first.process.signal(SIGKILL)
        #expect(killed == 128 + SIGKILL)

        let second = try await Self.startSandbox(dataDir: dataDir, tls: true, home: cli.home)
        let read = try await cli.run(
            ["request", "GET", "/app-api/campaign/P-1", "-b"], environment: Self.environment(second))
        #expect(read.status == 0, "\(read.stdoutText)")
        #expect(read.stdoutText.contains("\"Sommer 2025\""))
        let update = try await cli.run(
            ["request", "POST", "/app-api/campaign/P-1", "--data", #"{"note":"nach Neustart"}"#],
            environment: Self.environment(second))
        #expect(update.stdoutText.hasPrefix("HTTP/1.1 204"))
        let status = await second.process.stop()
        #expect(status == 0, "SIGTERM stops the sandbox cleanly")

        let third = try await Self.startSandbox(dataDir: dataDir, tls: true, home: cli.home)
        let again = try await cli.run(
            ["request", "GET", "/app-api/campaign/P-1", "-b"], environment: Self.environment(third))
        #expect(again.stdoutText.contains("\"nach Neustart\""))
        #expect(third.caPath == second.caPath, "the local CA is generated once and reused")
        await third.process.stop()
    }

    /// A TLS sandbox process with goTom's three example clients written to `clients/` in the CLI's home.
    struct SeedSetup {
        var cli: CLIHarness
        var clients: URL
        var seed: SeedClients
        var sandbox: RunningSandbox
        var ca: String

        static func campaignBody(_ id: String) -> String {
            #"{"name":"Kampagne \#(id)","externalId":"\#(id)","status":"reservation","bookingDate":"2025-06-01","customer":{"entityExternalCrmId":"CRM-1001"}}"#
        }

        func noteOf(_ id: String) async throws -> String? {
            let read = try await cli.run(
                ["request", "GET", "/app-api/campaign/\(id)", "-b"],
                environment: SandboxProcessTests.environment(sandbox))
            return (try? JSONSerialization.jsonObject(with: read.stdout) as? [String: Any])?["note"] as? String
        }
    }

    static func withSeedSetup(_ body: (SeedSetup) async throws -> Void) async throws {
        try Prerequisite.seedPage.require()
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let clients = cli.home.appendingPathComponent("clients")
        try FileManager.default.createDirectory(at: clients, withIntermediateDirectories: true)
        let seed = try SeedClients.load()
        try seed.write(to: clients)
        let sandbox = try await startSandbox(
            dataDir: cli.home.appendingPathComponent("data"), tls: true,
            home: cli.home)
        do {
            let ca = try #require(sandbox.caPath)
            try await body(SeedSetup(cli: cli, clients: clients, seed: seed, sandbox: sandbox, ca: ca))
        } catch {
            await sandbox.process.stop()
            throw error
        }
        await sandbox.process.stop()
    }

    @Test("goTom's Node example client creates and updates campaigns over TLS", .requires(.tool("node"), .seedPage))
    func seedNodeClient() async throws {
        let node = try ExternalTool.require("node")
        try await Self.withSeedSetup { setup in
            let (clients, sandbox, ca) = (setup.clients, setup.sandbox, setup.ca)
            let campaignBody = SeedSetup.campaignBody
            let noteOf = setup.noteOf
            let env: [String: String?] = ["NODE_EXTRA_CA_CERTS": ca]
            // The sandbox answers an empty body (the client's stdin timer fired first) with this 400.
            let bodyArrived: (ExternalTool.Output) -> Bool = { !$0.stdoutText.contains("the request body is empty") }
            let (create, createRuns) = try await SeedClients.runNode(
                node,
                [
                    "callapi.js", "POST",
                    sandbox.baseURL + "/app-api/campaign", Self.user, Self.secret,
                ],
                stdin: Data(campaignBody("NODE-1").utf8), environment: env, directory: clients, bodyArrived: bodyArrived
            )
            if createRuns > 1 { print(SeedClients.rerunNote(createRuns)) }
            #expect(create.stdoutText.hasPrefix("HTTP/1.1 201 Created"), "\(create.stdoutText)\(create.stderrText)")
            let (update, updateRuns) = try await SeedClients.runNode(
                node,
                [
                    "callapi.js", "POST",
                    sandbox.baseURL + "/app-api/campaign/NODE-1?update_commissions=0", Self.user, Self.secret,
                ],
                stdin: Data(#"{"note": "von Node"}"#.utf8), environment: env, directory: clients,
                bodyArrived: bodyArrived)
            if updateRuns > 1 { print(SeedClients.rerunNote(updateRuns)) }
            #expect(update.stdoutText.hasPrefix("HTTP/1.1 204 No Content"), "\(update.stdoutText)")
            #expect(try await noteOf("NODE-1") == "von Node")
            let missing = try await ExternalTool.run(
                node,
                [
                    "callapi.js", "GET",
                    sandbox.baseURL + "/app-api/campaign/26106", Self.user, Self.secret,
                ], environment: env, directory: clients)
            #expect(missing.stdoutText.hasPrefix("HTTP/1.1 404 Not Found"))
        }
    }

    @Test(
        "goTom's Bash example client creates and updates campaigns over TLS",
        .requires(.tool("bash"), .tool("curl"), .tool("openssl"), .seedPage))
    func seedBashClient() async throws {
        let bash = try ExternalTool.require("bash")
        try Prerequisites.require([.tool("curl"), .tool("openssl")])
        try await Self.withSeedSetup { setup in
            let (clients, sandbox, ca) = (setup.clients, setup.sandbox, setup.ca)
            let campaignBody = SeedSetup.campaignBody
            let noteOf = setup.noteOf
            // The script calls curl without --cacert; curl reads CURL_CA_BUNDLE instead.
            let env: [String: String?] = ["CURL_CA_BUNDLE": ca]
            let create = try await ExternalTool.run(
                bash,
                [
                    "callapiendpoint.sh", "POST",
                    sandbox.baseURL + "/app-api/campaign", Self.user, Self.secret,
                ],
                stdin: Data(campaignBody("BASH-1").utf8), environment: env, directory: clients)
            #expect(create.stdoutText.contains("HTTP/1.1 201"), "\(create.stdoutText)\(create.stderrText)")
            let update = try await ExternalTool.run(
                bash,
                [
                    "callapiendpoint.sh", "POST",
                    sandbox.baseURL + "/app-api/campaign/BASH-1", Self.user, Self.secret,
                ],
                stdin: Data(#"{"note": "von Bash"}"#.utf8), environment: env, directory: clients)
            #expect(update.stdoutText.contains("HTTP/1.1 204"), "\(update.stdoutText)")
            #expect(try await noteOf("BASH-1") == "von Bash")
        }
    }

    @Test("goTom's PHP example client creates and updates campaigns over TLS", .requires(.tool("php"), .seedPage))
    func seedPHPClient() async throws {
        let php = try ExternalTool.require("php")
        try await Self.withSeedSetup { setup in
            let (clients, seed, sandbox, ca) = (setup.clients, setup.seed, setup.sandbox, setup.ca)
            let campaignBody = SeedSetup.campaignBody
            let noteOf = setup.noteOf
            // The PHP example keeps host, URI, user, secret and the body file in variables meant to be edited;
            // the test edits exactly those and nothing else.
            func runPHP(uri: String, body: String) async throws -> ExternalTool.Output {
                var script = seed.php
                script = script.replacingOccurrences(
                    of: "$host = 'https://test-demo.gotom.io';",
                    with: "$host = '\(sandbox.baseURL)';")
                script = script.replacingOccurrences(
                    of: "$uri = '/app-api/crm-sync-import-external-crm-id/update-customer';",
                    with: "$uri = '\(uri)';")
                script = script.replacingOccurrences(of: "$user = 'crm_sync_import';", with: "$user = '\(Self.user)';")
                script = script.replacingOccurrences(
                    of: "$secret = 'GET_YOUR_SECRET_FROM_GOTOM_SUPPORT';",
                    with: "$secret = '\(Self.secret)';")
                #expect(
                    script.contains(sandbox.baseURL) && script.contains(Self.secret), "the PHP example's layout changed"
                )
                let folder = clients.appendingPathComponent("customer-example-requests")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try body.write(to: folder.appendingPathComponent("customer.json"), atomically: true, encoding: .utf8)
                try script.write(to: clients.appendingPathComponent("callapi.php"), atomically: true, encoding: .utf8)
                return try await ExternalTool.run(
                    php, ["-d", "openssl.cafile=\(ca)", "callapi.php"], directory: clients)
            }
            let create = try await runPHP(uri: "/app-api/campaign", body: campaignBody("PHP-1"))
            #expect(create.status == 0, "\(create.stdoutText)\(create.stderrText)")
            let variables = try String(contentsOf: clients.appendingPathComponent("variables.json"), encoding: .utf8)
            #expect(
                !variables.contains(Self.secret), "the example script itself keeps the secret out of variables.json")
            let update = try await runPHP(uri: "/app-api/campaign/PHP-1", body: #"{"note": "von PHP"}"#)
            #expect(update.status == 0, "\(update.stderrText)")
            #expect(try await noteOf("PHP-1") == "von PHP")
            // A duplicate create answers the documented violation, which the script saves to response.json.
            _ = try await runPHP(uri: "/app-api/campaign", body: campaignBody("PHP-1"))
            let response = try String(contentsOf: clients.appendingPathComponent("response.json"), encoding: .utf8)
            #expect(response.contains("1f06b2d7-49b4-4b8b-aa66-5172aeb01e97"), "\(response)")
        }
    }
}
