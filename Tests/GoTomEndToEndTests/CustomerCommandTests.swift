import Foundation
import GoTomTestSupport
import Testing

/// `gotom customer get|list|upsert|logs` end to end against the sandbox binary.
@Suite("gotom customer")
struct CustomerCommandTests {
    /// Two customers per page: the four demo customers plus one more make three pages.
    static let pagedFixtures = """
        {
          "settings": { "customerPageSize": 2 },
          "customers": [{ "externalCrmId": "CRM-5001", "firm": "Seilbahn Beispiel AG", "status": 0, "statusEc": 5,
            "language": "it", "mainAddress": { "externalCrmId": "CRM-5001-A1" },
            "addresses": [{ "externalCrmId": "CRM-5001-A1", "title": "Sitz", "firm": "Seilbahn Beispiel AG",
              "zip": "6900", "place": "Lugano", "country": "CH" }] }],
          "crmFailures": [{ "externalCrmId": "CRM-BROKEN", "apiError": "Address data incomplete" }]
        }
        """

    /// The demo customers (with goTom's example customer) and the fixture's CRM-5001, by entity id.
    static let allIds = ["CRM-1001", "CRM-2001", "CRM-3001", "CRM-1002", "example-customer1234", "CRM-5001"]

    @Test("list: first page only by default, --all over three pages, --limit across a page boundary, --page")
    func listPaging() async throws {
        try await withResourceSandbox(fixtures: Self.pagedFixtures) { sandbox, cli in
            let first = try await cli.run(["customer", "list"], on: sandbox)
            #expect(first.status == 0, "\(first.stderrText)")
            #expect(try crmIds(ofArray: first.stdout) == ["CRM-1001", "CRM-2001"])
            #expect(sandbox.requests.filter { $0.hasPrefix("GET /app-api/customer") }.count == 1)

            let all = try await cli.run(["customer", "list", "--all"], on: sandbox)
            #expect(all.status == 0, "\(all.stderrText)")
            #expect(try crmIds(ofArray: all.stdout) == Self.allIds)
            let listRequests = sandbox.requests.filter { $0.hasPrefix("GET /app-api/customer") }
            #expect(listRequests.count == 4, "\(listRequests)")
            #expect(listRequests.last?.hasSuffix("page=3 200") == true, "\(listRequests)")

            let limited = try await cli.run(["customer", "list", "--limit", "3", "--output", "json"], on: sandbox)
            #expect(limited.status == 0)
            #expect(try crmIds(ofArray: limited.stdout) == Array(Self.allIds.prefix(3)))
            // Three items need two pages, not three.
            #expect(sandbox.requests.filter { $0.hasPrefix("GET /app-api/customer") }.count == 6)

            let second = try await cli.run(["customer", "list", "--page", "2"], on: sandbox)
            #expect(second.status == 0)
            #expect(try crmIds(ofArray: second.stdout) == ["CRM-3001", "CRM-1002"])

            let conflicting = try await cli.run(["customer", "list", "--all", "--page", "2"], on: sandbox)
            #expect(conflicting.status == 64)
            #expect(conflicting.stderrText.contains("--all and --page"), "\(conflicting.stderrText)")
        }
    }

    @Test("list formats: pretty JSON array, JSON Lines, table with words, CSV with raw values")
    func listFormats() async throws {
        try await withResourceSandbox(fixtures: Self.pagedFixtures) { sandbox, cli in
            let pretty = try await cli.run(["customer", "list", "--all", "--output", "json", "--pretty"], on: sandbox)
            #expect(pretty.status == 0)
            #expect(pretty.stdoutText.hasPrefix("[\n  {\n"), "\(pretty.stdoutText.prefix(40))")
            #expect(try crmIds(ofArray: pretty.stdout) == Self.allIds)

            let lines = try await cli.run(["customer", "list", "--all", "--output", "jsonl"], on: sandbox)
            #expect(lines.status == 0)
            let objects = lines.stdoutText.split(separator: "\n").map { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            }
            #expect(objects.count == 6)
            #expect(objects.map { $0?["externalCrmId"] as? String } == Self.allIds)

            let table = try await cli.run(["customer", "list", "--all", "--output", "table"], on: sandbox)
            #expect(table.status == 0)
            let rows = table.stdoutText.split(separator: "\n").map(String.init)
            #expect(rows.count == 7, "\(table.stdoutText)")
            #expect(rows.first?.split(separator: " ", omittingEmptySubsequences: true).first == "EXTERNAL")
            #expect(rows.first?.contains("CITY") == true)
            let seilbahn = rows.first { $0.hasPrefix("CRM-5001") } ?? ""
            #expect(
                seilbahn.contains("inactive") && seilbahn.contains("publisher") && seilbahn.contains("Lugano"),
                "\(seilbahn)")
            let agency = rows.first { $0.hasPrefix("CRM-2001") } ?? ""
            #expect(agency.contains(" active ") && agency.contains("agency") && agency.contains("Bern"), "\(agency)")

            let csv = try await cli.run(["customer", "list", "--all", "--output", "csv"], on: sandbox)
            #expect(csv.status == 0)
            let csvRows = csv.stdoutText.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(csvRows.count == 7)
            #expect(csvRows.first == "externalCrmId,externalId,firm,status,statusEc,language,mainAddress,softDeleted")
            #expect(csvRows.contains("CRM-5001,,Seilbahn Beispiel AG,0,5,it,CRM-5001-A1,false"), "\(csvRows)")
            #expect(csvRows.contains("CRM-1001,K-1001,Muster AG,1,1,de,CRM-1001-A1,false"), "\(csvRows)")
        }
    }

    @Test("get: JSON, a field table, 404 for an unknown CRM id; -v logs requests without secrets")
    func get() async throws {
        try await withResourceSandbox { sandbox, cli in
            let found = try await cli.run(["customer", "get", "CRM-1001"], on: sandbox)
            #expect(found.status == 0, "\(found.stderrText)")
            let customer = try JSONSerialization.jsonObject(with: found.stdout) as? [String: Any]
            #expect(customer?["firm"] as? String == "Muster AG")
            #expect(customer?["externalCrmId"] as? String == "CRM-1001")

            let table = try await cli.run(["customer", "get", "CRM-1001", "--output", "table"], on: sandbox)
            #expect(table.status == 0)
            #expect(table.stdoutText.hasPrefix("FIELD"))
            #expect(
                table.stdoutText.split(separator: "\n").contains { $0.hasPrefix("firm") && $0.hasSuffix("Muster AG") })

            let missing = try await cli.run(["customer", "get", "CRM-NOPE"], on: sandbox)
            #expect(missing.status == 4)
            #expect(missing.stdout.isEmpty)
            #expect(missing.stderrText == "gotom: customer CRM-NOPE not found (HTTP 404)\n", "\(missing.stderrText)")
            #expect(missing.stderrText.contains("CRM-NOPE"), "\(missing.stderrText)")

            let verbose = try await cli.run(["customer", "get", "CRM-1002", "-v"], on: sandbox)
            #expect(verbose.status == 0)
            #expect(verbose.stderrText.contains("> GET /app-api/customer/CRM-1002"), "\(verbose.stderrText)")
            #expect(verbose.stderrText.contains("< 200"), "\(verbose.stderrText)")
            #expect(!verbose.stderrText.contains(ResourceSandbox.secret))

            let both = try await cli.run(["customer", "get", "CRM-1002", "-v", "-q"], on: sandbox)
            #expect(both.status == 64)
        }
    }

    @Test("upsert: flags alone, a file with flags that win, stdin; the result is readable with get")
    func upsert() async throws {
        try await withResourceSandbox { sandbox, cli in
            let created = try await cli.run(
                [
                    "customer", "upsert", "--external-crm-id", "CRM-7", "--firm", "Neu AG",
                    "--status", "active", "--status-ec", "agency", "--language", "it", "--main-address", "CRM-7-A1",
                ],
                on: sandbox)
            #expect(created.status == 0, "\(created.stderrText)")
            let result = try JSONSerialization.jsonObject(with: created.stdout) as? [String: Any]
            #expect(result?["jobId"] as? Int != nil, "\(created.stdoutText)")
            let read =
                try JSONSerialization.jsonObject(
                    with: try await cli.run(["customer", "get", "CRM-7"], on: sandbox).stdout) as? [String: Any]
            #expect(read?["firm"] as? String == "Neu AG")
            #expect(read?["statusEc"] as? Int == 3)
            #expect(read?["language"] as? String == "it")

            let file = cli.home.appendingPathComponent("customer.json")
            try Data(
                #"{"externalCrmId":"CRM-8","firm":"Aus Datei AG","status":1,"statusEc":1,"language":"de","mainAddress":{"externalCrmId":"CRM-8-A1"},"note":"aus der Datei"}"#
                    .utf8
            ).write(to: file)
            let merged = try await cli.run(
                [
                    "customer", "upsert", "--file", file.path, "--firm", "Flag AG",
                    "--status", "0",
                ], on: sandbox)
            #expect(merged.status == 0, "\(merged.stderrText)")
            let mergedRead =
                try JSONSerialization.jsonObject(
                    with: try await cli.run(["customer", "get", "CRM-8"], on: sandbox).stdout) as? [String: Any]
            #expect(mergedRead?["firm"] as? String == "Flag AG")
            #expect(mergedRead?["status"] as? Int == 0)
            #expect(mergedRead?["note"] as? String == "aus der Datei")

            let piped = try await cli.run(
                ["customer", "upsert", "--note", "per stdin"],
                on: sandbox,
                stdin: Data(
                    #"{"externalCrmId":"CRM-8","firm":"Flag AG","status":1,"statusEc":1,"language":"fr","mainAddress":{"externalCrmId":"CRM-8-A1"}}"#
                        .utf8))
            #expect(piped.status == 0, "\(piped.stderrText)")
            let pipedRead =
                try JSONSerialization.jsonObject(
                    with: try await cli.run(["customer", "get", "CRM-8"], on: sandbox).stdout) as? [String: Any]
            #expect(pipedRead?["language"] as? String == "fr")
            #expect(pipedRead?["note"] as? String == "per stdin")
        }
    }

    @Test("upsert validation names the field, exits 64 and sends nothing")
    func upsertValidation() async throws {
        try await withResourceSandbox { sandbox, cli in
            let complete = [
                "--external-crm-id", "CRM-9", "--status", "1", "--status-ec", "1", "--language", "de",
                "--main-address", "CRM-9-A1",
            ]
            let cases: [(arguments: [String], stdin: String?, field: String)] = [
                (complete, nil, "missing required field 'firm' (set it in the file or with --firm)"),
                (["--firm", "F"], nil, "missing required field 'externalCrmId'"),
                (complete + ["--firm", "F", "--status", "7"], nil, "'status'"),
                (complete + ["--firm", "F", "--status-ec", "4"], nil, "'statusEc'"),
                (complete + ["--firm", "F", "--language", "xx"], nil, "'language'"),
                (complete + ["--firm", "   "], nil, "'firm'"),
                (
                    [],
                    #"{"externalCrmId":"CRM-9","firm":"F","status":1,"statusEc":1,"language":"de","mainAddress":{"externalCrmId":42}}"#,
                    "'mainAddress.externalCrmId'"
                ),
                (
                    [],
                    #"{"externalCrmId":"CRM-9","firm":"F","status":"yes","statusEc":1,"language":"de","mainAddress":{"externalCrmId":"A"}}"#,
                    "'status'"
                ),
                ([], #"{"externalCrmId":"CRM-9","firm":"F""#, "stdin is not valid JSON"),
            ]
            for testCase in cases {
                let output = try await cli.run(
                    ["customer", "upsert"] + testCase.arguments, on: sandbox,
                    stdin: testCase.stdin.map { Data($0.utf8) })
                #expect(output.status == 64, "\(testCase.arguments) \(output.stderrText)")
                #expect(output.stderrText.contains(testCase.field), "\(testCase.field): \(output.stderrText)")
                #expect(output.stdout.isEmpty)
            }
            #expect(!sandbox.requests.contains { $0.hasPrefix("POST") }, "\(sandbox.requests)")
        }
    }

    @Test("upsert: a CRM data error exits 4 with goTom's message")
    func upsertDataError() async throws {
        try await withResourceSandbox(fixtures: Self.pagedFixtures) { sandbox, cli in
            let output = try await cli.run(
                [
                    "customer", "upsert", "--external-crm-id", "CRM-BROKEN", "--firm", "F",
                    "--status", "1", "--status-ec", "1", "--language", "de", "--main-address", "A",
                ], on: sandbox)
            #expect(output.status == 4)
            #expect(
                output.stderrText.contains("gotom: goTom's CRM sync rejected the customer data"), "\(output.stderrText)"
            )
            #expect(output.stderrText.contains("Address data incomplete"), "\(output.stderrText)")
        }
    }

    @Test("upsert queued by goTom (202): job id on stdout, exit 75; logs shows the waiting job; unknown job 404")
    func queuedUpsertAndLogs() async throws {
        try await withResourceSandbox(fixtures: #"{"settings": {"crmSyncMode": "pending"}}"#) { sandbox, cli in
            let queued = try await cli.run(
                [
                    "customer", "upsert", "--external-crm-id", "CRM-Q", "--firm", "Q AG",
                    "--status", "1", "--status-ec", "1", "--language", "de", "--main-address", "CRM-Q-A1",
                ], on: sandbox)
            #expect(queued.status == 75, "\(queued.stderrText)")
            let accepted = try JSONSerialization.jsonObject(with: queued.stdout) as? [String: Any]
            let jobId = try #require(accepted?["jobId"] as? Int, "\(queued.stdoutText)")
            #expect(accepted?["jobAlreadyFinished"] as? Bool == false)
            #expect(queued.stderrText.contains("gotom customer logs \(jobId)"), "\(queued.stderrText)")
            #expect(!queued.stderrText.contains("error"), "\(queued.stderrText)")

            let quiet = try await cli.run(
                [
                    "customer", "upsert", "-q", "--external-crm-id", "CRM-Q", "--firm", "Q",
                    "--status", "1", "--status-ec", "1", "--language", "de", "--main-address", "CRM-Q-A1",
                ], on: sandbox)
            #expect(quiet.status == 75)
            #expect(quiet.stderr.isEmpty, "\(quiet.stderrText)")

            let logs = try await cli.run(["customer", "logs", String(jobId)], on: sandbox)
            #expect(logs.status == 0, "\(logs.stderrText)")
            let log = try JSONSerialization.jsonObject(with: logs.stdout) as? [String: Any]
            #expect(log?["jobStatus"] as? String == "JOB_STATUS_WAITING", "\(logs.stdoutText)")
            #expect(log?["sentJobId"] as? Int == jobId)

            let table = try await cli.run(["customer", "logs", String(jobId), "--output", "table"], on: sandbox)
            #expect(table.stdoutText.contains("jobStatus"), "\(table.stdoutText)")
            #expect(table.stdoutText.contains("JOB_STATUS_WAITING"))

            let unknown = try await cli.run(["customer", "logs", "999999"], on: sandbox)
            #expect(unknown.status == 4)
            #expect(
                unknown.stderrText.hasPrefix("gotom: CRM job 999999 not found: NO_JOB_FOUND"), "\(unknown.stderrText)")

            let notANumber = try await cli.run(["customer", "logs", "abc"], on: sandbox)
            #expect(notANumber.status == 64)
        }
    }

    @Test("every customer command's help has examples")
    func help() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        for command in ["get", "list", "upsert", "logs"] {
            let output = try await cli.run(["customer", command, "--help"])
            #expect(output.status == 0)
            #expect(output.stdoutText.contains("Examples:\n  gotom customer \(command)"), "\(command)")
        }
        let group = try await cli.run(["customer", "--help"])
        for command in ["get", "list", "upsert", "logs", "sync"] {
            #expect(group.stdoutText.contains("\n  \(command) "), "\(command)")
        }
    }
}

/// The `externalCrmId`s of a JSON array of customers, in order.
private func crmIds(ofArray data: Data) throws -> [String] {
    let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    return array.compactMap { $0["externalCrmId"] as? String }
}
