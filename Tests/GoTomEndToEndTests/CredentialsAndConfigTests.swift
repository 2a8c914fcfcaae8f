import Foundation
import GoTomAuth
import GoTomTestSupport
import Testing

@Suite("Credentials, profiles and gotom config")
struct CredentialsAndConfigTests {
    @Test("positional USER SECRET work like the scripts, with a warning on stderr")
    func positional() async throws {
        try await withEchoServer { server, cli in
            let output = try await cli.run(
                [
                    "request", "GET", server.baseURL + "/app-api/campaign/1", CLIHarness.user,
                    CLIHarness.secret,
                ], credentials: false)
            #expect(output.status == 0, "\(output.stderrText)")
            #expect(output.stderrText.contains("visible to other local users"))
            #expect(!output.stderrText.contains(CLIHarness.secret))
        }
    }

    @Test("missing credentials: one line naming all three ways")
    func missing() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let output = try await cli.run(["request", "GET", "http://127.0.0.1:9/app-api/campaign/1"], credentials: false)
        #expect(output.status == 64)
        let lines = output.stderrText.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(output.stderrText.contains("USER SECRET"))
        #expect(output.stderrText.contains("GOTOM_USER"))
        #expect(output.stderrText.contains("gotom config set"))
    }

    @Test("profile with a secret: config set/get/list never print it; file is 0600; requests use it")
    func profileSecret() async throws {
        try await withEchoServer { server, cli in
            #expect(try await cli.run(["config", "set", "base_url", server.baseURL], credentials: false).status == 0)
            #expect(try await cli.run(["config", "set", "user", CLIHarness.user], credentials: false).status == 0)
            let refused = try await cli.run(["config", "set", "secret", CLIHarness.secret], credentials: false)
            #expect(refused.status == 64)
            #expect(!refused.stderrText.contains(CLIHarness.secret))
            let set = try await cli.run(
                ["config", "set", "secret"], stdin: Data((CLIHarness.secret + "\n").utf8),
                credentials: false)
            #expect(set.status == 0, "\(set.stderrText)")

            let attributes = try FileManager.default.attributesOfItem(atPath: cli.configPath)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

            let get = try await cli.run(["config", "get", "secret"], credentials: false)
            #expect(get.stdoutText == "(hidden)\n")
            let list = try await cli.run(["config", "list"], credentials: false)
            #expect(list.stdoutText.contains("user = \(CLIHarness.user)"))
            #expect(!list.stdoutText.contains(CLIHarness.secret))
            #expect(try await cli.run(["config", "path"], credentials: false).stdoutText == cli.configPath + "\n")
            #expect(
                try await cli.run(["config", "get", "base_url"], credentials: false).stdoutText == server.baseURL + "\n"
            )

            let request = try await cli.run(["request", "GET", "/app-api/campaign/5"], credentials: false)
            #expect(request.status == 0, "\(request.stderrText)")
            #expect(try CLIHarness.echo(from: request.stdoutText).uri == "/app-api/campaign/5")

            // A world-readable file with a secret is refused with a clear error.
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: cli.configPath)
            let open = try await cli.run(["request", "GET", "/app-api/campaign/5"], credentials: false)
            #expect(open.status == 1)
            #expect(open.stderrText.contains("chmod 600"))
        }
    }

    @Test("secret_command supplies the secret; env beats the profile; --profile selects")
    func secretCommandAndPrecedence() async throws {
        try await withEchoServer { server, cli in
            for (key, value) in [
                ("base_url", server.baseURL), ("user", CLIHarness.user),
                ("secret_command", "printf '%s\\n' '\(CLIHarness.secret)'"),
            ] {
                #expect(
                    try await cli.run(["config", "set", key, value, "--profile", "ops"], credentials: false).status == 0
                )
            }
            let viaCommand = try await cli.run(
                ["request", "GET", "/app-api/customer", "--profile", "ops"], credentials: false)
            #expect(viaCommand.status == 0, "\(viaCommand.stderrText)")
            let viaEnvProfile = try await cli.run(
                ["request", "GET", "/app-api/customer"],
                environment: ["GOTOM_PROFILE": "ops"], credentials: false)
            #expect(viaEnvProfile.status == 0, "\(viaEnvProfile.stderrText)")
            // Environment credentials win over the profile: a wrong env secret must fail.
            let envWins = try await cli.run(
                ["request", "GET", "/app-api/customer", "--profile", "ops"],
                environment: ["GOTOM_USER": CLIHarness.user, "GOTOM_SECRET": "not-the-secret"], credentials: false)
            #expect(envWins.status == 4)
            // The default profile is empty: no credentials.
            #expect(try await cli.run(["request", "GET", "/app-api/customer"], credentials: false).status == 64)
        }
    }

    @Test("a profile's customer.user signs customer requests; other requests use the default user")
    func groupCredentials() async throws {
        try await withEchoServer { server, cli in
            for (key, value) in [
                ("base_url", server.baseURL), ("user", "campaign_user"), ("secret_command", "printf wrong"),
                ("customer.user", CLIHarness.user), ("customer.secret_command", "printf '%s' '\(CLIHarness.secret)'"),
            ] {
                let set = try await cli.run(["config", "set", key, value, "--profile", "crm"], credentials: false)
                #expect(set.status == 0, "\(set.stderrText)")
            }
            let customer = try await cli.run(
                ["request", "GET", "/app-api/customer/CRM-1", "--profile", "crm"], credentials: false)
            #expect(customer.status == 0, "\(customer.stderrText)")
            #expect(try CLIHarness.echo(from: customer.stdoutText).user == CLIHarness.user)
            let campaign = try await cli.run(
                ["request", "GET", "/app-api/campaign/5", "--profile", "crm"], credentials: false)
            #expect(campaign.status == 4, "the default user of the profile signs it, and the echo server rejects it")
        }
    }

    @Test("gotom sign prints the published signature for a fixed date; --explain hides the secret")
    func sign() async throws {
        try await withEchoServer { server, cli in
            let url = server.baseURL + "/app-api/campaign/12345?update_commissions=0"
            let fixed = try await cli.run(
                ["sign", "POST", url, "--data", #"{"name":"x"}"#, "--date", "2024-11-07T10:21:15+01:00"],
                environment: ["GOTOM_SECRET": "s3cr3t"])
            #expect(fixed.status == 0, "\(fixed.stderrText)")
            // The catalogue's published vector for this exact request.
            #expect(
                fixed.stdoutText.contains(
                    "Authorization: gotom_app_api \(CLIHarness.user):4W9vjOs0eVvukXoyogI7ch8rzfw=\n"))
            #expect(fixed.stdoutText.contains("Date: 2024-11-07T10:21:15+01:00\n"))
            #expect(fixed.stdoutText.contains("Content-Type: application/json\n"))

            let explain = try await cli.run(["sign", "GET", url, "--explain"])
            #expect(explain.stdoutText.contains("6 request URI"))
            #expect(!explain.stdoutText.contains(CLIHarness.secret))

            let badDate = try await cli.run(["sign", "GET", url, "--date", "tomorrow-ish"])
            #expect(badDate.status == 64)
        }
    }

    @Test(
        "gotom sign --curl prints a command that runs as is and the server accepts",
        .requires(.tool("curl"), .tool("sh")))
    func signCurl() async throws {
        try Prerequisites.require([.tool("curl")])
        let sh = try ExternalTool.require("sh")
        try await withEchoServer { server, cli in
            let url = server.baseURL + "/app-api/campaign/12345?update_commissions=0"
            let command = try await cli.run(["sign", "POST", url, "--data", #"{"note":"it's"}"#, "--curl"])
            #expect(command.status == 0)
            let ran = try await ExternalTool.run(sh, ["-c", command.stdoutText])
            #expect(ran.stdoutText.contains("HTTP/1.1 200 OK"), "\(ran.stdoutText)")
            #expect(ran.stdoutText.contains(#""body":"{\"note\":\"it's\"}""#))
        }
    }
}
