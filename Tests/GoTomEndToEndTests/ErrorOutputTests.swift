import Foundation
import GoTomTestSupport
import Testing

/// Failures in the user's words on stderr, and the same failures as one JSON object for scripts.
@Suite("gotom: error lines and JSON errors")
struct ErrorOutputTests {
    /// The JSON error object on stderr (the one line that starts with `{`).
    static func errorObject(_ output: ExternalTool.Output) throws -> [String: Any] {
        let lines = output.stderrText.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(lines.count == 1, "expected one JSON error line: \(output.stderrText)")
        let line = try #require(lines.last, "no JSON error on stderr: \(output.stderrText)")
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// The stderr lines that are not the JSON object.
    static func humanLines(_ output: ExternalTool.Output) -> [String] {
        output.stderrText.split(separator: "\n").filter { !$0.hasPrefix("{") }.map(String.init)
    }

    @Test("404: the thing and the outcome; JSON with kind, status, operation and attempts")
    func notFound() async throws {
        try await withResourceSandbox { sandbox, cli in
            let plain = try await cli.run(["campaign", "get", "26106"], on: sandbox)
            #expect(plain.status == 4)
            #expect(plain.stderrText == "gotom: campaign 26106 not found (HTTP 404)\n", "\(plain.stderrText)")

            let json = try await cli.run(["campaign", "get", "26106", "--output", "json"], on: sandbox)
            #expect(json.status == 4)
            #expect(Self.humanLines(json) == ["gotom: campaign 26106 not found (HTTP 404)"])
            let object = try Self.errorObject(json)
            #expect(object["kind"] as? String == "notFound")
            #expect(object["status"] as? Int == 404)
            #expect(object["operation"] as? String == "campaigns.get")
            #expect(object["attempts"] as? Int == 1)
            #expect(object["exitCode"] as? Int == 4)
            #expect((object["violations"] as? [Any])?.isEmpty == true)
            #expect(object.keys.contains("requestId") && object.keys.contains("message"))

            let nested = try await cli.run(
                ["flight", "get", "P-9", "F-9"], on: sandbox,
                environment: ["GOTOM_ERRORS": "json"])
            #expect(Self.humanLines(nested) == ["gotom: flight F-9 of campaign P-9 not found (HTTP 404)"])
            #expect(try Self.errorObject(nested)["operation"] as? String == "flights.get")

            let verbose = try await cli.run(["campaign", "get", "26106", "-v"], on: sandbox)
            #expect(
                verbose.stderrText.contains("operation campaigns.get · request GET /app-api/campaign/26106"),
                "\(verbose.stderrText)")
            #expect(verbose.stderrText.contains("1 attempt"), "\(verbose.stderrText)")
        }
    }

    @Test("401: which part goTom rejected, goTom's message and a hint; never the secret")
    func unauthorized() async throws {
        try await withResourceSandbox { sandbox, cli in
            let wrong = ["GOTOM_SECRET": "not-the-secret"]
            let plain = try await cli.run(["campaign", "get", "P-1"], on: sandbox, environment: wrong)
            #expect(plain.status == 4)
            let lines = Self.humanLines(plain)
            #expect(
                lines.first == "gotom: goTom rejected the signature: Signature not valid (HTTP 401)",
                "\(plain.stderrText)")
            #expect(lines.count == 2 && lines[1].contains("gotom sign --explain"), "\(plain.stderrText)")
            #expect(!plain.stderrText.contains("not-the-secret"))

            let json = try await cli.run(
                ["campaign", "get", "P-1", "--output", "jsonl"], on: sandbox,
                environment: wrong)
            let object = try Self.errorObject(json)
            #expect(object["kind"] as? String == "unauthorized")
            #expect(object["status"] as? Int == 401)
            #expect(object["message"] as? String == "Signature not valid")

            let unknownUser = try await cli.run(
                ["campaign", "get", "P-1"], on: sandbox,
                environment: ["GOTOM_USER": "nobody"])
            #expect(
                unknownUser.stderrText.hasPrefix("gotom: goTom rejected the credentials: "), "\(unknownUser.stderrText)"
            )
        }
    }

    @Test("400 with a violation: one summary line, the violation once in the table; JSON lists it")
    func constraintViolations() async throws {
        try await withResourceSandbox { sandbox, cli in
            #expect(try await cli.run(BookingTestSupport.createCampaign(), on: sandbox).status == 0)
            let again = try await cli.run(BookingTestSupport.createCampaign(), on: sandbox)
            #expect(again.status == 4)
            let lines = Self.humanLines(again)
            #expect(
                lines.first == "gotom: goTom rejected creating a campaign: 1 violation (HTTP 400)",
                "\(again.stderrText)")
            #expect(lines.count == 3 && lines[1].hasPrefix("CODE"), "\(again.stderrText)")
            let code = try #require(lines.last?.split(separator: " ").first.map(String.init))
            #expect(again.stderrText.components(separatedBy: code).count == 2, "the violation is printed once")

            let json = try await cli.run(BookingTestSupport.createCampaign() + ["--output", "json"], on: sandbox)
            let object = try Self.errorObject(json)
            #expect(object["kind"] as? String == "constraintViolations")
            let violations = try #require(object["violations"] as? [[String: Any]])
            #expect(violations.count == 1)
            #expect(violations.first?["code"] as? String == code)
            #expect(violations.first?["propertyPath"] is String && violations.first?["message"] is String)
        }
    }

    @Test("CRM data error and a queued CRM job, in both forms")
    func crmOutcomes() async throws {
        let fixtures = #"{"crmFailures": [{"externalCrmId": "CRM-BROKEN", "apiError": "Address data incomplete"}]}"#
        let upsert = ["customer", "upsert", "--firm", "F", "--status", "1", "--status-ec", "1", "--language", "de"]
        try await withResourceSandbox(fixtures: fixtures) { sandbox, cli in
            let arguments = upsert + ["--external-crm-id", "CRM-BROKEN", "--main-address", "A"]
            let plain = try await cli.run(arguments, on: sandbox)
            #expect(plain.status == 4)
            #expect(
                Self.humanLines(plain).first
                    == "gotom: goTom's CRM sync rejected the customer data: Address data incomplete (HTTP 400)",
                "\(plain.stderrText)")
            let object = try Self.errorObject(try await cli.run(arguments + ["--output", "json"], on: sandbox))
            #expect(object["kind"] as? String == "crmDataError")
            #expect(object["message"] as? String == "Address data incomplete")
        }
        try await withResourceSandbox(fixtures: #"{"settings": {"crmSyncMode": "pending"}}"#) { sandbox, cli in
            let arguments = upsert + ["--external-crm-id", "CRM-Q", "--main-address", "CRM-Q-A1"]
            let queued = try await cli.run(arguments, on: sandbox, environment: ["GOTOM_ERRORS": "json"])
            #expect(queued.status == 75)
            // A queued job is no failure: no JSON error object.
            #expect(!queued.stderrText.contains("{"), "\(queued.stderrText)")
        }
    }

    @Test("5xx and 413: what goTom did, in both forms")
    func serverErrorAndRejected() async throws {
        try await withResourceSandbox(extraArguments: ["--max-body-size", "64"]) { sandbox, cli in
            let failed = try await cli.run(
                ["report", "download", "47"], on: sandbox, environment: ["GOTOM_ERRORS": "json"])
            #expect(failed.status == 5)
            #expect(
                Self.humanLines(failed).first?.hasPrefix("gotom: goTom failed while ") == true, "\(failed.stderrText)")
            #expect(try Self.errorObject(failed)["kind"] as? String == "serverError")

            let tooLarge = try await cli.run(
                BookingTestSupport.createCampaign(name: String(repeating: "x", count: 200)),
                on: sandbox, environment: ["GOTOM_ERRORS": "json"])
            #expect(tooLarge.status == 4)
            #expect(
                Self.humanLines(tooLarge).first?.hasPrefix("gotom: goTom refused creating a campaign") == true,
                "\(tooLarge.stderrText)")
            #expect(Self.humanLines(tooLarge).first?.hasSuffix("(HTTP 413)") == true, "\(tooLarge.stderrText)")
            let object = try Self.errorObject(tooLarge)
            #expect(object["kind"] as? String == "rejected")
            #expect(object["status"] as? Int == 413)
        }
    }

    @Test("refused connection: one line with the attempts, short retry warnings hidden by -q; JSON kind transport")
    func connectionRefused() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let closed = try FreePort.reserveClosed()
        defer { closed.release() }
        let base = "http://127.0.0.1:\(closed.port)"
        let output = try await cli.run(["campaign", "get", "1", "--base-url", base, "--attempts", "2"])
        #expect(output.status == 6)
        let lines = Self.humanLines(output)
        #expect(
            lines.last == "gotom: cannot connect to 127.0.0.1:\(closed.port) (connection refused) after 2 attempts",
            "\(output.stderrText)")
        #expect(lines.count == 2 && lines[0].hasPrefix("gotom: retrying in "), "\(output.stderrText)")
        #expect(lines[0].count < 120, "\(lines[0])")

        let quiet = try await cli.run([
            "campaign", "get", "1", "--base-url", base, "--attempts", "2", "-q",
            "--output", "json",
        ])
        #expect(quiet.status == 6)
        #expect(Self.humanLines(quiet).count == 1, "\(quiet.stderrText)")
        let object = try Self.errorObject(quiet)
        #expect(object["kind"] as? String == "transport")
        #expect(object["attempts"] as? Int == 2)
        #expect(object["status"] is NSNull)
        #expect(object["exitCode"] as? Int == 6)
    }

    @Test("a 200 that is not the expected document: what arrived, in both forms")
    func unexpectedResponse() async throws {
        // The echo server authenticates the request and answers 200 with a description of it: valid JSON, but no
        // campaign.
        try await withEchoServer { server, cli in
            let plain = try await cli.run(["campaign", "get", "P-1", "--base-url", server.baseURL])
            #expect(plain.status == 1)
            let line = try #require(Self.humanLines(plain).first)
            #expect(
                line.hasPrefix("gotom: goTom's answer to the request for campaign P-1 cannot be read: cannot decode "),
                "\(line)")
            #expect(line.hasSuffix("(HTTP 200)"), "\(line)")

            let json = try await cli.run(["campaign", "get", "P-1", "--base-url", server.baseURL, "--output", "json"])
            #expect(json.status == 1)
            let object = try Self.errorObject(json)
            #expect(object["kind"] as? String == "unexpectedResponse")
            #expect(object["status"] as? Int == 200)
            #expect(object["operation"] as? String == "campaigns.get")
            #expect(object["exitCode"] as? Int == 1)
        }
    }

    @Test("a download that cannot be written, and an unreadable CA file, in both forms")
    func localFailures() async throws {
        try await withResourceSandbox { sandbox, cli in
            let download = try await cli.run(
                ["report", "download", "46", "-o", "/nonexistent-dir/r.csv"], on: sandbox,
                environment: ["GOTOM_ERRORS": "json"])
            #expect(download.status == 1)
            #expect(
                Self.humanLines(download) == [
                    "gotom: cannot write the download: cannot create a temporary file in /nonexistent-dir: "
                        + "No such file or directory"
                ], "\(download.stderrText)")
            #expect(try Self.errorObject(download)["kind"] as? String == "fileSystem")

            let ca = try await cli.run(
                ["campaign", "get", "P-1", "--cacert", "/nonexistent.pem", "--output", "json"],
                on: sandbox)
            #expect(ca.status == 1)
            #expect(
                Self.humanLines(ca) == [
                    "gotom: cannot set up the client: cannot load CA certificate from /nonexistent.pem: not a readable PEM file"
                ], "\(ca.stderrText)")
            #expect(try Self.errorObject(ca)["kind"] as? String == "failure")
        }
    }

    @Test("TLS without the sandbox's CA, and a usage error, in both forms")
    func tlsAndUsage() async throws {
        try await withResourceSandbox { sandbox, cli in
            let tls = try await cli.run(
                ["campaign", "get", "P-1", "--output", "json"], on: sandbox,
                environment: ["GOTOM_CACERT": nil])
            #expect(tls.status == 6)
            let last = try #require(Self.humanLines(tls).last { !$0.contains("--cacert") })
            #expect(last.hasPrefix("gotom: TLS handshake failed: the server's certificate is not trusted"), "\(last)")
            #expect(!tls.stderrText.contains("handshake.cc"), "\(tls.stderrText)")
            #expect(tls.stderrText.contains("--cacert"))
            #expect(try Self.errorObject(tls)["kind"] as? String == "transport")
        }
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let usage = try await cli.run(["campaign", "get", "P-1", "--output", "json"], credentials: false)
        #expect(usage.status == 64)
        #expect(Self.humanLines(usage).first?.hasPrefix("gotom: no credentials") == true, "\(usage.stderrText)")
        let object = try Self.errorObject(usage)
        #expect(object["kind"] as? String == "usage")
        #expect(object["exitCode"] as? Int == 64)
    }
}
