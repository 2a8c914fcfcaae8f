import Foundation
import GoTomTestSupport
import Testing

@testable import GoTomSandbox

/// `gotom doctor` against the sandbox: every check passing, then each failing on its own.
@Suite("gotom doctor")
struct DoctorTests {
    /// The check lines (`✓ name: …`, `✗ …`, `! …`, `- …`) by check name.
    static func checks(_ output: ExternalTool.Output) -> [String: String] {
        var result: [String: String] = [:]
        for line in output.stdoutText.split(separator: "\n") {
            guard let symbol = line.first, "✓✗!-".contains(symbol), line.dropFirst().hasPrefix(" "),
                let colon = line.firstIndex(of: ":")
            else { continue }
            result[String(line[line.index(line.startIndex, offsetBy: 2)..<colon])] = String(symbol)
        }
        return result
    }

    static let names = [
        "base URL", "DNS", "proxy", "TCP", "TLS", "campaign API", "customer API", "report API", "clock",
    ]

    @Test("all checks pass against the sandbox; settings show their sources, never the secret")
    func allPass() async throws {
        try await withResourceSandbox { sandbox, cli in
            let output = try await cli.run(["doctor"], on: sandbox)
            #expect(output.status == 0, "\(output.stdoutText)\(output.stderrText)")
            let checks = Self.checks(output)
            #expect(checks == Dictionary(uniqueKeysWithValues: Self.names.map { ($0, "✓") }), "\(output.stdoutText)")
            let text = output.stdoutText
            #expect(!text.contains(ResourceSandbox.secret) && !output.stderrText.contains(ResourceSandbox.secret))
            #expect(text.contains("environment GOTOM_BASE_URL"))
            #expect(text.contains("environment GOTOM_SECRET"))
            #expect(text.contains("(set, not shown)"))
            #expect(text.contains("provider") && text.contains("default"))
            #expect(text.contains("trusted via the system trust store + \(sandbox.caPath)"), "\(text)")
            #expect(text.contains("valid until"))
            #expect(text.contains("✓ campaign API: credentials accepted, \(ResourceSandbox.user) allowed"))
        }
    }

    @Test("settings from flags and a profile name their source")
    func sources() async throws {
        try await withResourceSandbox { sandbox, cli in
            let output = try await cli.run(
                ["doctor", "--base-url", sandbox.baseURL, "--profile", "other"],
                on: sandbox)
            #expect(output.stdoutText.contains("flag --base-url"), "\(output.stdoutText)")
            #expect(output.stdoutText.contains("flag --profile"))
        }
    }

    @Test("a wrong secret: the three API checks fail with a fix; exit 1")
    func wrongSecret() async throws {
        try await withResourceSandbox { sandbox, cli in
            let output = try await cli.run(["doctor"], on: sandbox, environment: ["GOTOM_SECRET": "wrong-secret"])
            #expect(output.status == 1)
            let checks = Self.checks(output)
            #expect(checks["TLS"] == "✓" && checks["TCP"] == "✓")
            #expect(
                checks["campaign API"] == "✗" && checks["customer API"] == "✗" && checks["report API"] == "✗",
                "\(output.stdoutText)")
            #expect(output.stdoutText.contains("Signature not valid"))
            #expect(output.stdoutText.contains("fix: check the user and the secret"))
            #expect(!output.stdoutText.contains("wrong-secret"))
        }
    }

    @Test("a sandbox clock 10 minutes ahead: warning; an hour ahead: requests rejected and the clock fails")
    func skewedClock() async throws {
        try await withResourceSandbox(extraArguments: ["--clock-offset", "600"]) { sandbox, cli in
            let output = try await cli.run(["doctor"], on: sandbox)
            #expect(output.status == 1)
            let checks = Self.checks(output)
            #expect(checks["campaign API"] == "✓", "\(output.stdoutText)")
            #expect(checks["clock"] == "!", "\(output.stdoutText)")
            #expect(output.stdoutText.contains("10 min behind goTom's"))
            #expect(output.stdoutText.contains("30 minutes"))
        }
        try await withResourceSandbox(extraArguments: ["--clock-offset", "3600"]) { sandbox, cli in
            let output = try await cli.run(["doctor"], on: sandbox)
            #expect(output.status == 1)
            let checks = Self.checks(output)
            #expect(checks["campaign API"] == "✗", "\(output.stdoutText)")
            #expect(checks["clock"] == "✗", "\(output.stdoutText)")
            #expect(output.stdoutText.contains("60 min behind goTom's"), "\(output.stdoutText)")
            #expect(output.stdoutText.contains("see the clock check below"))
        }
    }

    @Test("an unreachable port: TCP fails, later checks are skipped; a bad base URL fails first")
    func unreachable() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let closed = try FreePort.reserveClosed()
        defer { closed.release() }
        let output = try await cli.run(["doctor", "--base-url", "http://127.0.0.1:\(closed.port)"])
        #expect(output.status == 1)
        let checks = Self.checks(output)
        #expect(checks["base URL"] == "✓" && checks["DNS"] == "✓" && checks["proxy"] == "✓")
        #expect(checks["TCP"] == "✗", "\(output.stdoutText)")
        #expect(
            ["TLS", "campaign API", "customer API", "report API", "clock"].allSatisfy { checks[$0] == "-" },
            "\(output.stdoutText)")
        #expect(output.stdoutText.contains("connection refused"), "\(output.stdoutText)")
        #expect(output.stdoutText.contains("fix: check the port in base_url"))

        let bad = try await cli.run(["doctor", "--base-url", "127.0.0.1 8080"])
        #expect(bad.status == 1)
        #expect(Self.checks(bad)["base URL"] == "✗", "\(bad.stdoutText)")

        let none = try await cli.run(["doctor"])
        #expect(none.status == 1)
        #expect(none.stdoutText.contains("✗ base URL: not set"), "\(none.stdoutText)")
    }

    @Test("a proxy in use is reported and its connection checked")
    func proxy() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let closed = try FreePort.reserveClosed()
        defer { closed.release() }
        let output = try await cli.run(
            ["doctor", "--base-url", "https://127.0.0.1:1"],
            environment: ["HTTPS_PROXY": "http://127.0.0.1:\(closed.port)"])
        #expect(output.status == 1)
        #expect(
            output.stdoutText.contains("✓ proxy: requests go through 127.0.0.1:\(closed.port)"), "\(output.stdoutText)")
        #expect(Self.checks(output)["TCP"] == "✗")
        #expect(output.stdoutText.contains("NO_PROXY"))
    }

    @Test("a sandbox CA that is not trusted: TLS fails, naming the certificate, with --cacert as the fix")
    func unknownCA() async throws {
        try await withResourceSandbox { sandbox, cli in
            let output = try await cli.run(["doctor"], on: sandbox, environment: ["GOTOM_CACERT": nil])
            #expect(output.status == 1)
            let checks = Self.checks(output)
            #expect(checks["TCP"] == "✓" && checks["TLS"] == "✗", "\(output.stdoutText)")
            #expect(checks["campaign API"] == "-")
            #expect(output.stdoutText.contains("; its certificate: CN="), "\(output.stdoutText)")
            #expect(output.stdoutText.contains("fix: if the server uses a private CA"), "\(output.stdoutText)")
        }
    }

    @Test("a server certificate that expires in a few days: TLS passes with a warning, its expiry and the fix")
    func certificateNearExpiry() async throws {
        let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("gotom-doctor-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dataDir) }
        // The sandbox's CA and server certificate as they were made 797 days ago: the server certificate (valid
        // 800 days) has three days left, and the sandbox keeps using it (it renews one with less than a day).
        _ = try LocalCertificateAuthority.loadOrCreate(
            in: dataDir.appendingPathComponent("tls").path, now: Date().addingTimeInterval(-797 * 86400))
        let launch = try await SandboxLaunch.start(
            [
                "sandbox", "--tls", "--data-dir", dataDir.path, "--port", "0", "--user", ResourceSandbox.user,
                "--secret",
                ResourceSandbox.secret,
            ],
            directory: dataDir, environment: ["NO_COLOR": "1"],
            stdoutPath: dataDir.appendingPathComponent("sandbox.out").path,
            stderrPath: dataDir.appendingPathComponent("sandbox.log").path)
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let output: ExternalTool.Output
        do {
            output = try await cli.run(
                ["doctor"],
                environment: [
                    "GOTOM_BASE_URL": launch.baseURL, "GOTOM_USER": ResourceSandbox.user,
                    "GOTOM_SECRET": ResourceSandbox.secret, "GOTOM_CACERT": launch.caPath,
                ])
        } catch {
            await launch.process.stop()
            throw error
        }
        await launch.process.stop()
        #expect(output.status == 1, "a warning is not a pass")
        let checks = Self.checks(output)
        #expect(checks["TLS"] == "!", "\(output.stdoutText)")
        #expect(checks["campaign API"] == "✓", "\(output.stdoutText)")
        #expect(output.stdoutText.contains("(2 days)"), "\(output.stdoutText)")
        #expect(output.stdoutText.contains("expires soon; renew it"), "\(output.stdoutText)")
    }

    @Test("a host name that cannot be resolved: DNS fails with the fix, every later check is skipped")
    func unresolvableHost() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        // A 70-character label is longer than DNS allows (63): the resolver refuses it without sending a query,
        // so the test fails DNS without leaving the machine.
        let host = String(repeating: "a", count: 70) + ".example"
        let output = try await cli.run(["doctor", "--base-url", "https://\(host)"])
        #expect(output.status == 1)
        let checks = Self.checks(output)
        #expect(checks["base URL"] == "✓" && checks["DNS"] == "✗", "\(output.stdoutText)")
        #expect(output.stdoutText.contains("✗ DNS: cannot resolve \(host)"), "\(output.stdoutText)")
        #expect(output.stdoutText.contains("fix: check the host name in base_url"), "\(output.stdoutText)")
        for name in ["TCP", "TLS", "campaign API", "customer API", "report API"] {
            #expect(checks[name] == "-", "\(name): \(output.stdoutText)")
        }
    }
}
