import Foundation
import GoTomTestSupport
import Testing

/// Arguments and parsing shared by the campaign, flight and discount command tests.
enum BookingTestSupport {
    /// `campaign create` for a campaign of the demo customer CRM-1001.
    static func createCampaign(_ id: String = "P-1", name: String = "Sommer 2025") -> [String] {
        [
            "campaign", "create", "--external-id", id, "--name", name, "--status", "reservation", "--booking-date",
            "2025-06-01", "--customer", "CRM-1001",
        ]
    }

    /// `flight create` for a flight that matches the demo rate card; `network` puts it on network platform 9.
    static func createFlight(_ campaign: String, _ id: String, network: Bool = false) -> [String] {
        [
            "flight", "create", campaign, "--external-id", id, "--ad-server-id", "gam", "--start", "2025-06-01",
            "--end", "2025-06-30", "--tarif-id", network ? "3" : "1", "--media-id", "20", "--platform-id",
            network ? "9" : "1", "--channel-id", "10", "--advertising-id", "30", "--price-type-id", "1", "--units",
            "250000", "--price", "45",
        ]
    }

    static func object(_ output: ExternalTool.Output) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: output.stdout)
        return try #require(value as? [String: Any], "not a JSON object: \(output.stdoutText)")
    }

    static func array(_ output: ExternalTool.Output) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: output.stdout)
        return try #require(value as? [[String: Any]], "not a JSON array: \(output.stdoutText)")
    }

    /// The JSON Lines of an output, each parsed as an object.
    static func lines(_ output: ExternalTool.Output) throws -> [[String: Any]] {
        try output.stdoutText.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// Writes a file into the harness's home and returns its path.
    static func write(_ text: String, named name: String, in cli: CLIHarness) throws -> String {
        let url = cli.home.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Runs every command path with `--help` and checks that it succeeds and shows examples.
    static func expectHelpWithExamples(_ paths: [[String]]) async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        for path in paths {
            let help = try await cli.run(path + ["--help"])
            #expect(help.status == 0, "\(path): \(help.stderrText)")
            #expect(help.stdoutText.contains("Examples:\n  gotom "), "\(path) --help has no examples")
        }
    }
}

extension CLIHarness {
    /// `gotom campaign get ID` as a JSON object.
    func campaign(_ id: String, on sandbox: ResourceSandbox) async throws -> [String: Any] {
        let read = try await run(["campaign", "get", id], on: sandbox)
        #expect(read.status == 0, "\(read.stderrText)")
        return try BookingTestSupport.object(read)
    }
}

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

    @Test("every campaign command has help with examples")
    func help() async throws {
        try await BookingTestSupport.expectHelpWithExamples([
            ["campaign"], ["campaign", "get"], ["campaign", "create"], ["campaign", "update"],
            ["campaign", "archive"], ["campaign", "commission-status"], ["campaign", "document"],
        ])
    }

    @Test("create confirms on stderr only; get prints JSON, pretty JSON, JSON Lines and a table")
    func createAndGet() async throws {
        try await withResourceSandbox { sandbox, cli in
            let created = try await cli.run(BookingTestSupport.createCampaign(), on: sandbox)
            #expect(created.status == 0, "\(created.stderrText)")
            #expect(created.stdoutText.isEmpty)
            #expect(created.stderrText == "created campaign P-1\n")

            let json = try await cli.run(["campaign", "get", "P-1"], on: sandbox)
            #expect(json.status == 0)
            #expect(json.stdoutText.split(separator: "\n").count == 1, "compact JSON when stdout is not a terminal")
            let campaign = try BookingTestSupport.object(json)
            #expect(campaign["name"] as? String == "Sommer 2025")
            #expect(campaign["status"] as? String == "reservation")
            #expect(campaign["bookingDate"] as? String == "2025-06-01")
            #expect((campaign["customer"] as? [String: Any])?["entityExternalCrmId"] as? String == "CRM-1001")
            #expect(campaign["campaignId"] is Int)

            let pretty = try await cli.run(["campaign", "get", "P-1", "--pretty"], on: sandbox)
            #expect(pretty.stdoutText.hasPrefix("{\n  \""))
            #expect(try BookingTestSupport.object(pretty)["externalId"] as? String == "P-1")

            let jsonl = try await cli.run(["campaign", "get", "P-1", "--output", "jsonl"], on: sandbox)
            #expect(try BookingTestSupport.lines(jsonl).map { $0["externalId"] as? String } == ["P-1"])

            let table = try await cli.run(["campaign", "get", "P-1", "--output", "table"], on: sandbox)
            let rows = table.stdoutText.split(separator: "\n")
            #expect(rows.first?.hasPrefix("FIELD") == true && rows.first?.contains("VALUE") == true)
            #expect(rows.contains { $0.hasPrefix("name ") && $0.hasSuffix("Sommer 2025") }, "\(table.stdoutText)")

            let quiet = try await cli.run(BookingTestSupport.createCampaign("P-2") + ["-q"], on: sandbox)
            #expect(quiet.status == 0)
            #expect(quiet.stdoutText.isEmpty && quiet.stderrText.isEmpty)

            let shown = try await cli.run(BookingTestSupport.createCampaign("P-3") + ["--show"], on: sandbox)
            #expect(try BookingTestSupport.object(shown)["campaignId"] is Int)
        }
    }

    @Test("an input without a required field names it, exits 64 and sends nothing")
    func missingField() async throws {
        try await withResourceSandbox { sandbox, cli in
            let file = try BookingTestSupport.write(
                #"{"externalId": "P-9", "name": "Ohne Kunde", "status": "booking", "bookingDate": "2025-06-01"}"#,
                named: "campaign.json", in: cli)
            let result = try await cli.run(["campaign", "create", "--file", file], on: sandbox)
            #expect(result.status == 64)
            #expect(result.stderrText.contains("missing required field 'customer'"), "\(result.stderrText)")
            #expect(result.stdoutText.isEmpty)
            #expect(sandbox.requests.isEmpty, "nothing was sent: \(sandbox.requests)")

            let typed = try await cli.run(
                [
                    "campaign", "create", "--file", file, "--customer", "CRM-1001",
                    "--booking-date", "2025-02-30",
                ], on: sandbox)
            #expect(typed.status == 64)
            #expect(typed.stderrText.contains("field 'bookingDate'"), "\(typed.stderrText)")
            #expect(sandbox.requests.isEmpty)

            // A directory is not an empty payload: it is refused before anything is sent.
            let directory = cli.home.path
            let notAFile = try await cli.run(
                ["campaign", "update", "P-9", "--file", directory, "--status", "booking"],
                on: sandbox)
            #expect(notAFile.status == 1)
            #expect(notAFile.stderrText.contains("cannot read \(directory)"), "\(notAFile.stderrText)")
            let document = try await cli.run(["campaign", "document", "P-9", directory], on: sandbox)
            #expect(document.status == 1)
            #expect(document.stderrText.contains("cannot read \(directory)"), "\(document.stderrText)")
            #expect(sandbox.requests.isEmpty)

            let missing = try await cli.run(["campaign", "get", "P-9"], on: sandbox)
            #expect(missing.status == 4, "the campaign was not created")
        }
    }

    @Test("a taken externalId prints the violation table on stderr and exits 4")
    func violation() async throws {
        try await withResourceSandbox { sandbox, cli in
            _ = try await cli.run(BookingTestSupport.createCampaign(), on: sandbox)
            let again = try await cli.run(BookingTestSupport.createCampaign(name: "Duplikat"), on: sandbox)
            #expect(again.status == 4)
            #expect(again.stdoutText.isEmpty)
            let lines = again.stderrText.split(separator: "\n").map(String.init)
            let header = try #require(lines.firstIndex { $0.hasPrefix("CODE") }, "\(again.stderrText)")
            #expect(
                lines[header].split(separator: " ", omittingEmptySubsequences: true)
                    == ["CODE", "PROPERTY", "MESSAGE"])
            let row = lines[header + 1].split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            #expect(row.first == "1f06b2d7-49b4-4b8b-aa66-5172aeb01e97")
            #expect(row.dropFirst().first == "externalId")
            #expect(try await cli.campaign("P-1", on: sandbox)["name"] as? String == "Sommer 2025")

            let choice = try await cli.run(["campaign", "update", "P-1", "--status", "bogus"], on: sandbox)
            #expect(choice.status == 4)
            #expect(choice.stderrText.contains("8e179f1b-97aa-4560-a02f-2a8b42e49df7  status"), "\(choice.stderrText)")
            #expect(try await cli.campaign("P-1", on: sandbox)["status"] as? String == "reservation")
        }
    }

    @Test("an unknown campaign exits 4 for get, update, archive and document")
    func notFound() async throws {
        try await withResourceSandbox { sandbox, cli in
            let document = try BookingTestSupport.write("PDF", named: "order.pdf", in: cli)
            for arguments in [
                ["campaign", "get", "NOPE"], ["campaign", "update", "NOPE", "--note", "x"],
                ["campaign", "archive", "NOPE"], ["campaign", "document", "NOPE", document],
            ] {
                let result = try await cli.run(arguments, on: sandbox)
                #expect(result.status == 4, "\(arguments)")
                #expect(result.stderrText.contains("404"), "\(arguments): \(result.stderrText)")
                #expect(result.stdoutText.isEmpty)
            }
        }
    }

    @Test("update merges flags over the file (flags win), also from stdin; --show prints the result")
    func updateMerge() async throws {
        try await withResourceSandbox { sandbox, cli in
            _ = try await cli.run(BookingTestSupport.createCampaign(), on: sandbox)
            let file = try BookingTestSupport.write(
                #"{"name": "Aus der Datei", "note": "Notiz aus der Datei", "noteInternal": "intern"}"#,
                named: "changes.json", in: cli)
            let updated = try await cli.run(
                [
                    "campaign", "update", "P-1", "--file", file, "--note", "vom Flag",
                    "--status", "booking",
                ], on: sandbox)
            #expect(updated.status == 0, "\(updated.stderrText)")
            #expect(updated.stdoutText.isEmpty)
            #expect(updated.stderrText == "updated campaign P-1\n")
            let campaign = try await cli.campaign("P-1", on: sandbox)
            #expect(campaign["name"] as? String == "Aus der Datei")
            #expect(campaign["note"] as? String == "vom Flag")
            #expect(campaign["noteInternal"] as? String == "intern")
            #expect(campaign["status"] as? String == "booking")

            let piped = try await cli.run(
                ["campaign", "update", "P-1", "--note-reservation", "Flag", "--show"],
                on: sandbox, stdin: Data(#"{"noteReservation": "stdin", "campaignTypeId": 2}"#.utf8))
            #expect(piped.status == 0, "\(piped.stderrText)")
            let shown = try BookingTestSupport.object(piped)
            #expect(shown["noteReservation"] as? String == "Flag")
            #expect(shown["campaignTypeId"] as? Int == 2)

            let nothing = try await cli.run(["campaign", "update", "P-1"], on: sandbox)
            #expect(nothing.status == 64)
            #expect(nothing.stderrText.contains("nothing to change"))
        }
    }

    @Test("an ill-typed update field is named, exits 64 and leaves the campaign unchanged")
    func updateValidation() async throws {
        try await withResourceSandbox { sandbox, cli in
            _ = try await cli.run(BookingTestSupport.createCampaign(), on: sandbox)
            let before = sandbox.requests.count
            let result = try await cli.run(
                ["campaign", "update", "P-1", "--note", "neu"], on: sandbox,
                stdin: Data(#"{"campaignTypeId": "drei"}"#.utf8))
            #expect(result.status == 64)
            #expect(result.stderrText.contains("field 'campaignTypeId': expected an integer"), "\(result.stderrText)")
            #expect(sandbox.requests.count == before, "nothing was sent")
            #expect(try await cli.campaign("P-1", on: sandbox)["note"] == nil)

            let dryRun = try await cli.run(["campaign", "update", "P-1", "--note", "neu", "--dry-run"], on: sandbox)
            #expect(dryRun.status == 0)
            #expect(try BookingTestSupport.object(dryRun) as NSDictionary == ["note": "neu"] as NSDictionary)
            #expect(sandbox.requests.count == before + 1, "only the read-back above was sent")
        }
    }

    @Test("archive blocks deleting flights until --unarchive; commission-status is read back")
    func archiveAndCommissionStatus() async throws {
        try await withResourceSandbox { sandbox, cli in
            _ = try await cli.run(BookingTestSupport.createCampaign(), on: sandbox)
            _ = try await cli.run(BookingTestSupport.createFlight("P-1", "P-1-F1"), on: sandbox)
            let archived = try await cli.run(["campaign", "archive", "P-1"], on: sandbox)
            #expect(archived.status == 0)
            #expect(archived.stderrText == "archived campaign P-1\n")
            let blocked = try await cli.run(["flight", "delete", "P-1", "P-1-F1"], on: sandbox)
            #expect(blocked.status == 4)
            #expect(blocked.stderrText.contains("60e2547e-bac4-4738-bcfc-6b38fa847a16"), "\(blocked.stderrText)")
            let reactivated = try await cli.run(["campaign", "archive", "P-1", "--unarchive"], on: sandbox)
            #expect(reactivated.stderrText == "reactivated campaign P-1\n")
            let deleted = try await cli.run(["flight", "delete", "P-1", "P-1-F1"], on: sandbox)
            #expect(deleted.status == 0, "\(deleted.stderrText)")

            let set = try await cli.run(["campaign", "commission-status", "P-1", "4"], on: sandbox)
            #expect(set.status == 0, "\(set.stderrText)")
            #expect(try await cli.campaign("P-1", on: sandbox)["commissionStatus"] as? Int == 4)
            let invalid = try await cli.run(["campaign", "commission-status", "P-1", "1"], on: sandbox)
            #expect(invalid.status == 4)
            #expect(invalid.stderrText.contains("9bf0acca-73cf-448f-8907-bc70ae240b16  commissionStatus"))
            #expect(try await cli.campaign("P-1", on: sandbox)["commissionStatus"] as? Int == 4)
        }
    }

    @Test("document sends a file or stdin; stdin needs --name")
    func document() async throws {
        try await withResourceSandbox { sandbox, cli in
            _ = try await cli.run(BookingTestSupport.createCampaign(), on: sandbox)
            let path = try BookingTestSupport.write("%PDF-1.4 Auftrag", named: "auftrag.pdf", in: cli)
            let sent = try await cli.run(["campaign", "document", "P-1", path], on: sandbox)
            #expect(sent.status == 0, "\(sent.stderrText)")
            #expect(sent.stdoutText.isEmpty)
            #expect(sent.stderrText == "added document auftrag.pdf (16 bytes) to campaign P-1\n")
            #expect(sandbox.requests.last == "POST /app-api/campaign/P-1/document 201")

            let unnamed = try await cli.run(["campaign", "document", "P-1", "-"], on: sandbox, stdin: Data("x".utf8))
            #expect(unnamed.status == 64)
            #expect(unnamed.stderrText.contains("--name"))
            let named = try await cli.run(
                ["campaign", "document", "P-1", "-", "--name", "scan.pdf", "-q"],
                on: sandbox, stdin: Data("scan".utf8))
            #expect(named.status == 0)
            #expect(named.stderrText.isEmpty)
            #expect(sandbox.requests.filter { $0.hasSuffix("/document 201") }.count == 2)
        }
    }

    @Test("-v logs the requests on stderr without the secret")
    func verbose() async throws {
        try await withResourceSandbox { sandbox, cli in
            _ = try await cli.run(BookingTestSupport.createCampaign(), on: sandbox)
            let result = try await cli.run(["campaign", "update", "P-1", "--note", "x", "-v"], on: sandbox)
            #expect(result.status == 0)
            #expect(result.stderrText.contains("> POST /app-api/campaign/P-1"), "\(result.stderrText)")
            #expect(result.stderrText.contains("< 204"))
            #expect(!result.stderrText.contains(ResourceSandbox.secret))
            let both = try await cli.run(["campaign", "get", "P-1", "-v", "-q"], on: sandbox)
            #expect(both.status == 64)
        }
    }
}
