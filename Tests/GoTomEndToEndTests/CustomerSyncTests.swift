import Foundation
import GoTomSandbox
import GoTomTestSupport
import Testing

/// `gotom customer sync` against a `gotom sandbox` process whose SQLite store the tests read afterwards
/// (``SandboxInspection``): what arrived, and how many upserts each customer received.
@Suite("gotom customer sync", .serialized)
struct CustomerSyncTests {
    /// A `gotom sandbox` process (plain HTTP) on a data directory that survives restarts.
    struct SyncSandbox {
        static let user = "sync_user"
        static let secret = "sync-secret-not-real"

        let dataDir: URL
        let baseURL: String
        let process: ExternalTool.Background
        /// The request log, when started with `logRequests`.
        let requestLog: OutputLines?

        /// Starts the sandbox; with `logRequests`, its request log (one line per answer) is read as it arrives.
        static func start(dataDir: URL, fixtures: String? = nil, logRequests: Bool = false) async throws
            -> SyncSandbox
        {
            try FileManager.default.createDirectory(at: dataDir, withIntermediateDirectories: true)
            var arguments = ["sandbox", "--port", "0", "--data-dir", dataDir.path, "--user", user, "--secret", secret]
            if !logRequests { arguments.append("--quiet") }
            let requestLog =
                logRequests
                ? OutputLines(copyTo: dataDir.appendingPathComponent("requests-\(UUID().uuidString).log").path) : nil
            if let fixtures {
                let path = dataDir.appendingPathComponent("fixtures-\(UUID().uuidString).json")
                try Data(fixtures.utf8).write(to: path)
                arguments += ["--fixtures", path.path]
            }
            let stdoutPath = dataDir.appendingPathComponent("sandbox-\(UUID().uuidString).out").path
            let launch = try await SandboxLaunch.start(
                arguments, directory: dataDir, stdoutPath: stdoutPath,
                stderrPath: dataDir.appendingPathComponent("sandbox.err").path, stderr: requestLog)
            return SyncSandbox(
                dataDir: dataDir, baseURL: launch.baseURL, process: launch.process,
                requestLog: requestLog)
        }

        var environment: [String: String?] {
            ["GOTOM_BASE_URL": baseURL, "GOTOM_USER": Self.user, "GOTOM_SECRET": Self.secret, "NO_COLOR": "1"]
        }

        /// Starts a program once per point and kills it with SIGKILL once the sandbox has answered that many upserts
        /// in all (its request log, read as it is written, says so); returns how many runs were killed while still
        /// running. Needs `logRequests`.
        func killEachRun(at points: [Int], start: () throws -> ExternalTool.Background) async throws -> Int {
            let requestLog = try #require(requestLog, "start the sandbox with logRequests")
            var kills = 0
            for point in points {
                let process = try start()
                do {
                    try await requestLog.line(number: point) { $0.contains("/update-customer 2") }
                } catch {
                    await process.signal(SIGKILL)
                    throw error
                }
                let status = await process.signal(SIGKILL)
                #expect(status == 128 + SIGKILL, "the program was still running after \(point) answers")
                if status == 128 + SIGKILL { kills += 1 }
            }
            return kills
        }

        /// Stops the sandbox (SIGTERM: pending writes are flushed) and returns its stored customers by CRM id.
        func stopAndInspect() async throws -> [String: SandboxInspection.StoredCustomer] {
            await process.stop()
            let customers = try await SandboxInspection.storedCustomers(dataDirectory: dataDir.path)
            return Dictionary(uniqueKeysWithValues: customers.map { ($0.externalCrmId, $0) })
        }
    }

    static func customerLine(_ id: String, firm: String, note: String? = nil, language: String = "de") -> String {
        var object: [String: Any] = [
            "externalCrmId": id, "firm": firm, "status": 1, "statusEc": 1, "language": language,
            "mainAddress": ["externalCrmId": "\(id)-A"],
            "addresses": [
                [
                    "externalCrmId": "\(id)-A", "title": "Hauptsitz", "firm": firm, "zip": "8000",
                    "place": "Zürich", "country": "CH",
                ]
            ],
        ]
        if let note { object["note"] = note }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func summary(_ output: ExternalTool.Output) throws -> [String: Any] {
        let line = output.stdoutText.split(separator: "\n").last.map(String.init) ?? ""
        return try #require(
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            "no JSON summary: \(output.stdoutText)\(output.stderrText)")
    }

    static func counts(_ summary: [String: Any]) -> [String: Int] {
        var result: [String: Int] = [:]
        for key in ["records", "created", "updated", "failed", "pending", "sentThisRun"] {
            result[key] = summary[key] as? Int
        }
        return result
    }

    static func jsonLines(_ path: URL) throws -> [[String: Any]] {
        try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test("5,000 customers with 25 injected failures: exact counts, failures file, sandbox state; failures fed back")
    func fiveThousandWithFailures() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let dataDir = cli.home.appendingPathComponent("data")
        let failing = stride(from: 7, to: 5000, by: 200).map { "SYNC-\($0)" }
        #expect(failing.count == 25)
        let fixtures = try JSONSerialization.data(withJSONObject: [
            "crmFailures": failing.map { ["externalCrmId": $0, "apiError": "Adressdaten unvollständig für \($0)"] }
        ])
        let input = cli.home.appendingPathComponent("customers.jsonl")
        try (0..<5000).map { Self.customerLine("SYNC-\($0)", firm: "Firma \($0)", note: "Notiz \($0)") }
            .joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)

        let sandbox = try await SyncSandbox.start(dataDir: dataDir, fixtures: String(decoding: fixtures, as: UTF8.self))
        let started = Date()
        let run = try await cli.run(["customer", "sync", input.path, "--json"], environment: sandbox.environment)
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 4, "failed records end with 4: \(run.stderrText)")
        let summary = try Self.summary(run)
        #expect(
            Self.counts(summary) == [
                "records": 5000, "created": 4975, "updated": 0, "failed": 25, "pending": 0,
                "sentThisRun": 5000,
            ])
        #expect(run.stderrText.contains("created    4975"), "the summary is printed on stderr: \(run.stderrText)")

        let failuresPath = cli.home.appendingPathComponent("customers.failures.jsonl")
        #expect(summary["failuresFile"] as? String == failuresPath.path)
        let failures = try Self.jsonLines(failuresPath)
        #expect(failures.map { $0["externalCrmId"] as? String ?? "" } == failing)
        for failure in failures {
            let sync = try #require(failure["_sync"] as? [String: Any])
            let id = failure["externalCrmId"] as? String ?? ""
            #expect(sync["message"] as? String == "Adressdaten unvollständig für \(id)")
            #expect(sync["reason"] as? String == "data_error")
            #expect(sync["line"] as? Int == Int(id.dropFirst(5)).map { $0 + 1 })
            #expect(failure["firm"] as? String == "Firma \(id.dropFirst(5))", "the record itself is kept for fixing")
        }

        var stored = try await sandbox.stopAndInspect()
        let synced = stored.values.filter { $0.externalCrmId.hasPrefix("SYNC-") }
        #expect(synced.count == 4975)
        #expect(synced.allSatisfy { $0.upserts == 1 }, "every customer was upserted exactly once")
        #expect(failing.allSatisfy { stored[$0] == nil })
        #expect(stored["SYNC-4999"]?.note == "Notiz 4999")
        print("synced 5,000 customers in \(String(format: "%.1f", seconds)) s (debug build)")

        // The failures file, fed back once goTom accepts the records, completes the job.
        let fixed = try await SyncSandbox.start(dataDir: dataDir)
        let again = try await cli.run(
            ["customer", "sync", failuresPath.path, "--json", "-q"],
            environment: fixed.environment)
        #expect(again.status == 0, "\(again.stderrText)")
        #expect(again.stderrText.isEmpty, "-q prints nothing but errors: \(again.stderrText)")
        #expect(
            Self.counts(try Self.summary(again)) == [
                "records": 25, "created": 25, "updated": 0, "failed": 0,
                "pending": 0, "sentThisRun": 25,
            ])
        stored = try await fixed.stopAndInspect()
        #expect(stored.values.filter { $0.externalCrmId.hasPrefix("SYNC-") }.count == 5000)
        #expect(stored.values.filter { $0.externalCrmId.hasPrefix("SYNC-") }.allSatisfy { $0.upserts == 1 })
    }

    @Test(
        "killed with SIGKILL after 400, 1400 and 2400 answers and resumed: nothing lost, nothing acknowledged sent twice"
    )
    func killedAndResumed() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let count = 4000
        let concurrency = 8
        let input = cli.home.appendingPathComponent("kill.jsonl")
        try (0..<count).map { Self.customerLine("KILL-\($0)", firm: "Kill \($0)", note: "final \($0)") }
            .joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        let sandbox = try await SyncSandbox.start(dataDir: cli.home.appendingPathComponent("data"), logRequests: true)
        var environment: [String: String?] = [
            "HOME": cli.home.path, "XDG_CONFIG_HOME": cli.home.appendingPathComponent("config").path,
            "GOTOM_PROFILE": nil, "GOTOM_CACERT": nil, "GOTOM_PROVIDER": nil,
            "HTTP_PROXY": nil, "HTTPS_PROXY": nil, "http_proxy": nil, "https_proxy": nil,
        ]
        environment.merge(sandbox.environment) { _, new in new }

        // Each run is killed once the sandbox has answered this many upserts in all (its request log, read as it
        // is written, says so). The journal itself cannot be watched: a running sync holds it exclusively.
        let killPoints = [400, 1400, 2400]
        let kills = try await sandbox.killEachRun(at: killPoints) {
            try ExternalTool.start(
                CLIHarness.binary,
                ["customer", "sync", input.path, "--concurrency", "\(concurrency)", "-q"],
                environment: environment, directory: cli.home)
        }
        #expect(kills == killPoints.count)

        let final = try await cli.run(
            ["customer", "sync", input.path, "--json", "--concurrency", "\(concurrency)"],
            environment: sandbox.environment)
        #expect(final.status == 0, "\(final.stderrText)")
        let counts = Self.counts(try Self.summary(final))
        #expect(
            counts["records"] == count && counts["created"] == count && counts["failed"] == 0
                && counts["pending"] == 0, "\(counts)")
        // Acknowledged before the last kill: its answers, less those in flight or not yet recorded, less repeated
        // records.
        let resumeBound = count - killPoints[killPoints.count - 1] + (kills + 1) * 2 * concurrency
        #expect((counts["sentThisRun"] ?? count) <= resumeBound, "the last run resumed where it was killed: \(counts)")

        let stored = try await sandbox.stopAndInspect()
        let synced = stored.values.filter { $0.externalCrmId.hasPrefix("KILL-") }
        #expect(synced.count == count, "no customer lost")
        #expect(
            (0..<count).allSatisfy {
                stored["KILL-\($0)"]?.firm == "Kill \($0)" && stored["KILL-\($0)"]?.note == "final \($0)"
            })
        // Only requests in flight at a kill or answered since the last commit (fewer than twice `concurrency` per
        // kill) may have reached the sandbox twice.
        let extra = synced.reduce(0) { $0 + $1.upserts - 1 }
        let bound = kills * (2 * concurrency - 1)
        #expect(synced.allSatisfy { $0.upserts >= 1 })
        #expect(extra <= bound, "\(extra) repeated upserts after kills at \(killPoints) answers")
        print("\(kills) kills at \(killPoints) answers: \(extra) customers upserted twice (bound \(bound))")

        // Running again with everything acknowledged sends nothing.
        let sandbox2 = try await SyncSandbox.start(dataDir: cli.home.appendingPathComponent("data"))
        let idle = try await cli.run(["customer", "sync", input.path, "--json"], environment: sandbox2.environment)
        #expect(idle.status == 0)
        #expect(Self.counts(try Self.summary(idle))["sentThisRun"] == 0)
        await sandbox2.process.stop()
    }

    @Test("CSV: documented column mapping, quoted fields over two lines, updated vs created, a bad cell by line")
    func csvMapping() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let csv = """
            externalCrmId,firm,language,status,statusEc,addressExternalCrmId,street,number,zip,city,country,gender,firstname,lastname,email,tags,_comment
            CSV-1,"Müller, Söhne & Co",de,active,agency,,Bahnhofstrasse,1,8001,Zürich,CH,F,Anna,Müller,anna@example.ch,TAG-A;TAG-B,"a ""quoted"" note"
            CSV-2,"Zeilen
            umbruch AG",fr,1,1,,,,1200,Genève,CH,,,,,,
            CRM-1001,Muster AG (neu),de,,,CRM-1001-A1,,,,,,,,,,,
            CSV-4,Vielleicht GmbH,de,maybe,,,,,3000,Bern,CH,,,,,,

            """
        let input = cli.home.appendingPathComponent("customers.csv")
        try csv.replacingOccurrences(of: "\n", with: "\r\n").write(to: input, atomically: true, encoding: .utf8)
        let sandbox = try await SyncSandbox.start(dataDir: cli.home.appendingPathComponent("data"))
        let run = try await cli.run(["customer", "sync", input.path, "--json"], environment: sandbox.environment)
        #expect(run.status == 4, "\(run.stderrText)")
        #expect(
            Self.counts(try Self.summary(run)) == [
                "records": 4, "created": 2, "updated": 1, "failed": 1,
                "pending": 0, "sentThisRun": 3,
            ])
        #expect(run.stderrText.contains("line 6: column 'status': 'maybe' is not a number"), "\(run.stderrText)")

        let failures = try Self.jsonLines(cli.home.appendingPathComponent("customers.failures.jsonl"))
        #expect(failures.count == 1)
        let sync = try #require(failures.first?["_sync"] as? [String: Any])
        #expect(sync["line"] as? Int == 6)
        #expect(sync["reason"] as? String == "invalid_input")
        #expect(failures.first?["externalCrmId"] as? String == "CSV-4", "the CSV row is kept by column name")

        let read = try await cli.run(
            ["request", "GET", "/app-api/customer/CSV-1", "-b"], environment: sandbox.environment)
        let customer = try #require(
            (try JSONSerialization.jsonObject(with: read.stdout) as? [String: Any])?["customer"] as? [String: Any])
        #expect(customer["firm"] as? String == "Müller, Söhne & Co")
        #expect(customer["statusEc"] as? Int == 3)
        let address = try #require((customer["addresses"] as? [[String: Any]])?.first)
        #expect(address["street"] as? String == "Bahnhofstrasse" && address["place"] as? String == "Zürich")
        #expect(address["externalCrmId"] as? String == "CSV-1-main")
        let contact = try #require((customer["contacts"] as? [[String: Any]])?.first)
        #expect(contact["peopleEmail"] as? String == "anna@example.ch" && contact["peopleName"] as? String == "Anna")

        let stored = try await sandbox.stopAndInspect()
        #expect(stored["CSV-2"]?.firm == "Zeilen\numbruch AG")
        #expect(stored["CRM-1001"]?.firm == "Muster AG (neu)")
        #expect(stored["CSV-4"] == nil)

        // An unknown column stops the sync before anything is sent.
        let typo = cli.home.appendingPathComponent("typo.csv")
        try "externalCrmId,firm,language,zipcode\nT-1,Typo AG,de,8000\n".write(
            to: typo, atomically: true, encoding: .utf8)
        let refused = try await cli.run(["customer", "sync", typo.path], environment: sandbox.environment)
        #expect(refused.status == 64)
        #expect(
            refused.stderrText.contains("CSV column 'zipcode' (column 4) is not in the mapping"),
            "\(refused.stderrText)")
    }

    @Test("an input edited after a run: only changed lines are sent again, removed lines are forgotten")
    func editedInput() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let input = cli.home.appendingPathComponent("edited.jsonl")
        let sandbox = try await SyncSandbox.start(dataDir: cli.home.appendingPathComponent("data"))
        try ["EDIT-1", "EDIT-2", "EDIT-3"].map { Self.customerLine($0, firm: "\($0) AG") }.joined(separator: "\n")
            .write(to: input, atomically: true, encoding: .utf8)
        let first = try await cli.run(["customer", "sync", input.path, "--json"], environment: sandbox.environment)
        #expect(first.status == 0, "\(first.stderrText)")
        #expect(Self.counts(try Self.summary(first))["sentThisRun"] == 3)

        // Line 2 changes, line 3 goes away: only line 2 is sent again.
        try [Self.customerLine("EDIT-1", firm: "EDIT-1 AG"), Self.customerLine("EDIT-2", firm: "EDIT-2 neu AG")]
            .joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        let second = try await cli.run(["customer", "sync", input.path, "--json"], environment: sandbox.environment)
        #expect(second.status == 0, "\(second.stderrText)")
        #expect(
            Self.counts(try Self.summary(second)) == [
                "records": 2, "created": 1, "updated": 1, "failed": 0,
                "pending": 0, "sentThisRun": 1,
            ])
        let stored = try await sandbox.stopAndInspect()
        #expect(stored["EDIT-1"]?.upserts == 1)
        #expect(stored["EDIT-2"]?.upserts == 2)
        #expect(stored["EDIT-2"]?.firm == "EDIT-2 neu AG")
        #expect(stored["EDIT-3"]?.upserts == 1)
    }

    @Test("--dry-run names line and field of every invalid record and sends nothing; a {\"customer\": …} line counts")
    func dryRun() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let lines = [
            Self.customerLine("DRY-1", firm: "Eins"),
            Self.customerLine("DRY-2", firm: "Zwei"),
            #"{"externalCrmId":"DRY-3","status":1,"statusEc":1,"language":"de","mainAddress":{"externalCrmId":"A"}}"#,
            "",
            Self.customerLine("DRY-5", firm: "Fünf", language: "xx"),
            "{not json",
            // The upsert's whole request body is a record too.
            #"{"customer":"# + Self.customerLine("DRY-7", firm: "Sieben") + "}",
        ]
        let input = cli.home.appendingPathComponent("dry.jsonl")
        try lines.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        let sandbox = try await SyncSandbox.start(dataDir: cli.home.appendingPathComponent("data"))
        let run = try await cli.run(
            ["customer", "sync", input.path, "--dry-run", "--json"],
            environment: sandbox.environment)
        #expect(run.status == 64)
        #expect(run.stderrText.contains("line 3: missing required field 'firm'"), "\(run.stderrText)")
        #expect(run.stderrText.contains("line 5: field 'language': 'xx' is not one of de, en, fr, it"))
        #expect(run.stderrText.contains("line 6: not valid JSON"))
        let report = try Self.summary(run)
        #expect(!run.stderrText.contains("line 7"), "\(run.stderrText)")
        #expect(report["records"] as? Int == 6 && report["valid"] as? Int == 3 && report["invalid"] as? Int == 3)
        #expect(!FileManager.default.fileExists(atPath: input.path + ".sync.sqlite"), "a dry run keeps no journal")
        let stored = try await sandbox.stopAndInspect()
        #expect(stored.keys.allSatisfy { !$0.hasPrefix("DRY-") }, "nothing was sent")

        let help = try await cli.run(["customer", "sync", "--help"])
        #expect(help.stdoutText.contains("EXAMPLES") && help.stdoutText.contains("addressExternalCrmId"))
    }

    @Test("202 answers are followed up through the error logs; jobs still waiting stay pending for the next run")
    func acceptedJobs() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let dataDir = cli.home.appendingPathComponent("data")
        let deferred = try await SyncSandbox.start(
            dataDir: dataDir,
            fixtures: """
                {"settings": {"crmSyncMode": "deferred"},
                 "crmFailures": [{"externalCrmId": "JOB-3", "apiError": "Kein Hauptsitz"}]}
                """)
        let jobs = cli.home.appendingPathComponent("jobs.jsonl")
        try (0..<20).map { Self.customerLine("JOB-\($0)", firm: "Job \($0)") }.joined(separator: "\n")
            .write(to: jobs, atomically: true, encoding: .utf8)
        let run = try await cli.run(["customer", "sync", jobs.path, "--json"], environment: deferred.environment)
        #expect(run.status == 4, "\(run.stderrText)")
        #expect(
            Self.counts(try Self.summary(run)) == [
                "records": 20, "created": 19, "updated": 0, "failed": 1,
                "pending": 0, "sentThisRun": 20,
            ])
        let failure = try #require(try Self.jsonLines(cli.home.appendingPathComponent("jobs.failures.jsonl")).first)
        #expect((failure["_sync"] as? [String: Any])?["message"] as? String == "Kein Hauptsitz")
        await deferred.process.stop()

        // A tenant that never finishes its jobs: they stay pending, and the next run polls instead of re-sending.
        let pending = try await SyncSandbox.start(
            dataDir: dataDir, fixtures: #"{"settings": {"crmSyncMode": "pending"}}"#)
        let queued = cli.home.appendingPathComponent("queued.jsonl")
        try (0..<10).map { Self.customerLine("PEND-\($0)", firm: "Pend \($0)") }.joined(separator: "\n")
            .write(to: queued, atomically: true, encoding: .utf8)
        let first = try await cli.run(
            ["customer", "sync", queued.path, "--json", "--wait", "1"],
            environment: pending.environment)
        #expect(first.status == 75, "pending records end with 75: \(first.stderrText)")
        #expect(
            Self.counts(try Self.summary(first)) == [
                "records": 10, "created": 0, "updated": 0, "failed": 0,
                "pending": 10, "sentThisRun": 10,
            ])
        let second = try await cli.run(
            ["customer", "sync", queued.path, "--json", "--wait", "0"],
            environment: pending.environment)
        #expect(second.status == 75)
        #expect(Self.counts(try Self.summary(second))["sentThisRun"] == 0, "waiting jobs are polled, not re-sent")
        await pending.process.stop()

        // After a restart goTom no longer knows the jobs (NO_JOB_FOUND): those records are sent again.
        let restarted = try await SyncSandbox.start(dataDir: dataDir)
        let third = try await cli.run(["customer", "sync", queued.path, "--json"], environment: restarted.environment)
        #expect(third.status == 0, "\(third.stderrText)")
        #expect(
            Self.counts(try Self.summary(third)) == [
                "records": 10, "created": 10, "updated": 0, "failed": 0,
                "pending": 0, "sentThisRun": 10,
            ])
        let stored = try await restarted.stopAndInspect()
        #expect((0..<10).allSatisfy { stored["PEND-\($0)"]?.upserts == 1 })
        #expect((0..<20).allSatisfy { $0 == 3 ? stored["JOB-3"] == nil : stored["JOB-\($0)"]?.upserts == 1 })
    }
}
