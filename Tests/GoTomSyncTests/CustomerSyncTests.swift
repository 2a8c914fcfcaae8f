import Foundation
import GoTomAPI
import GoTomAuth
import GoTomModels
import GoTomSandbox
import GoTomSync
import NIOConcurrencyHelpers
import Testing

/// The library driven the way a service drives it: customers from code, a journal file, a sandbox over HTTP.
@Suite("Customer sync from code")
struct CustomerSyncTests {
    @Test("an in-code sequence, stopped after 120 answers and resumed: nothing lost, nothing acknowledged sent twice")
    func stoppedAndResumed() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.cleanUp() }
        let journalPath = scratch.path("service.sync.sqlite")
        let customers = (0..<400).map { customer($0) }
        let concurrency = 6
        try await withSyncSandbox { sandbox, makeClient in
            // First run: the task is cancelled from inside the transport once 120 upserts were answered, while
            // others are in flight — what a deploy or a crash does to a service.
            let runTask = NIOLockedValueBox<Task<(result: SyncRunResult, counts: SyncCounts), any Error>?>(nil)
            let counter = UpsertCounter { answered in
                if answered == 120 { runTask.withLockedValue { $0?.cancel() } }
            }
            let firstClient = try makeClient([counter])
            let task = Task {
                try await CustomerSync.sync(
                    stream(customers), client: firstClient, journalPath: journalPath,
                    options: CustomerSync.Options(concurrency: concurrency))
            }
            runTask.withLockedValue { $0 = task }
            let first = try await task.value
            #expect(first.counts.records == 400)
            // Answers that had passed the middleware when the task was cancelled may still end as cancelled in the
            // client (their bodies unread): those of the requests in flight.
            #expect(
                first.counts.created >= 120 - concurrency && first.counts.created < 400,
                "stopped part-way: \(first.counts)")
            #expect(first.counts.pending == 400 - first.counts.created)

            // What the journal holds as acknowledged after the stop.
            let journal = try await SyncJournal.open(path: journalPath)
            var acknowledged: Set<String> = []
            var after = 0
            while true {
                let page = try await journal.statuses(after: after)
                guard let last = page.last else { break }
                after = last.position
                for status in page where status.state == .done { acknowledged.insert(status.crmId) }
            }
            await journal.close()
            #expect(acknowledged.count == first.counts.created)

            // Second run with the same sequence: only what was not acknowledged goes out.
            let resumeCounter = UpsertCounter()
            let second = try await CustomerSync.sync(
                stream(customers), client: try makeClient([resumeCounter]), journalPath: journalPath,
                options: CustomerSync.Options(concurrency: concurrency))
            #expect(second.result.stop == nil)
            #expect(second.counts == expectedCounts(records: 400, created: 400))
            let resent = resumeCounter.byCustomer
            #expect(resent.keys.allSatisfy { !acknowledged.contains($0) }, "an acknowledged customer was sent again")
            #expect(second.result.sent == 400 - acknowledged.count)

            // goTom's side: every customer arrived with its content; only those in flight at the stop, or answered
            // since the last commit, came twice.
            let all = counter.byCustomer.merging(resent) { $0 + $1 }
            #expect(all.count == 400)
            let twice = all.values.filter { $0 > 1 }.count
            #expect(all.values.allSatisfy { $0 <= 2 })
            #expect(twice < 2 * concurrency, "\(twice) customers sent twice; at most \(2 * concurrency - 1) may be")
            let client = try makeClient([])
            for number in [0, 119, 200, 399] {
                let stored = try await client.customers.get("LIB-\(number)")
                #expect(stored.firm == "Firma \(number)")
                #expect(stored.note == "Notiz \(number)")
            }
            _ = sandbox
        }
    }

    @Test("a second run of the same sequence sends nothing; a changed customer is sent again, as updated")
    func unchangedAndChanged() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.cleanUp() }
        let journalPath = scratch.path("again.sync.sqlite")
        try await withSyncSandbox { _, makeClient in
            let client = try makeClient([])
            var customers = (0..<20).map { customer($0, prefix: "AGAIN") }
            let first = try await CustomerSync.sync(stream(customers), client: client, journalPath: journalPath)
            #expect(first.counts == expectedCounts(records: 20, created: 20))
            #expect(first.result.sent == 20)

            let idle = try await CustomerSync.sync(stream(customers), client: client, journalPath: journalPath)
            #expect(idle.result.sent == 0)
            #expect(idle.counts == first.counts)

            customers[7].note = "geändert"
            customers.removeLast(5)
            let counter = UpsertCounter()
            let changed = try await CustomerSync.sync(
                stream(customers), client: try makeClient([counter]), journalPath: journalPath)
            #expect(changed.result.sent == 1)
            #expect(counter.byCustomer == ["AGAIN-7": 1])
            // The removed positions are forgotten; the changed customer existed before, so it counts as updated.
            #expect(changed.counts == expectedCounts(records: 15, created: 14, updated: 1))
            #expect(try await client.customers.get("AGAIN-7").note == "geändert")
        }
    }

    @Test("invalid customers are journaled, never sent, and listed with their position and field")
    func invalidCustomers() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.cleanUp() }
        try await withSyncSandbox { _, makeClient in
            var customers = (0..<5).map { customer($0, prefix: "BAD") }
            customers[2].firm = " "
            customers[4].statusEc = CustomerType(rawValue: 9)
            let counter = UpsertCounter()
            let journal = try await SyncJournal.open(path: scratch.path("bad.sync.sqlite"))
            let loaded = try await journal.load(customers: stream(customers))
            #expect(loaded.records == 5 && loaded.invalid == 2)
            #expect(
                loaded.problems == [
                    "record 3: field 'firm' must not be empty",
                    "record 5: field 'statusEc': '9' is not one of 1, 2, 3, 5",
                ])
            let result = try await CustomerSync(client: try makeClient([counter]), journal: journal).run()
            #expect(result.sent == 3)
            #expect(Set(counter.byCustomer.keys) == ["BAD-0", "BAD-1", "BAD-3"])
            #expect(try await journal.counts() == expectedCounts(records: 5, created: 3, failed: 2))
            let failures = try await journal.failures()
            #expect(failures.map(\.position) == [3, 5])
            #expect(failures.allSatisfy { $0.isInvalid })

            let path = scratch.path("bad.failures.jsonl")
            #expect(try await journal.writeFailures(to: path, input: "crm") == 2)
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            let first = try #require(try JSONDecoder().decode(JSONValue.self, from: Data(lines[0].utf8)).objectValue)
            #expect(first["externalCrmId"]?.stringValue == "BAD-2")
            #expect(first["_sync"]?["reason"]?.stringValue == "invalid_input")
            #expect(first["_sync"]?["line"] == .number(3))
            await journal.close()
        }
    }

    @Test("goTom's rejections are journaled with reason and message, reported as events, and can be retried")
    func rejectedByGoTom() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.cleanUp() }
        let fixtures = try JSONDecoder().decode(
            SandboxFixtures.self,
            from: Data(#"{"crmFailures": [{"externalCrmId": "REJ-1", "apiError": "Adresse unvollständig"}]}"#.utf8))
        try await withSyncSandbox(fixtures: fixtures) { _, makeClient in
            let events = NIOLockedValueBox<[String]>([])
            let journal = try await SyncJournal.open(path: scratch.path("rej.sync.sqlite"))
            _ = try await journal.load(customers: stream((0..<3).map { customer($0, prefix: "REJ") }))
            let sync = CustomerSync(client: try makeClient([]), journal: journal) { event in
                switch event {
                case .recordFailed(let position, let message):
                    events.withLockedValue { $0.append("\(position): \(message)") }
                case .sent(let done, let total, let failures):
                    events.withLockedValue { $0.append("sent \(done)/\(total), \(failures) failed") }
                default: break
                }
            }
            let result = try await sync.run()
            #expect(result.stop == nil && result.sent == 3)
            #expect(events.withLockedValue { $0 } == ["2: Adresse unvollständig", "sent 3/3, 1 failed"])
            #expect(try await journal.counts() == expectedCounts(records: 3, created: 2, failed: 1))
            let failure = try #require(try await journal.failures().first)
            #expect(failure.crmId == "REJ-1" && !failure.isInvalid)
            let details = try JSONDecoder().decode(JSONValue.self, from: Data((failure.details ?? "").utf8))
            #expect(details["reason"]?.stringValue == "data_error")
            #expect(details["message"]?.stringValue == "Adresse unvollständig")

            #expect(try await journal.retryFailed() == 1)
            #expect(try await journal.counts().pending == 1)
            await journal.close()
        }
    }

    @Test("wrong credentials stop the run as fatal and leave every record to the next run")
    func unauthorized() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.cleanUp() }
        try await withSyncSandbox { sandbox, _ in
            var configuration = GoTomClient.Configuration(
                baseURL: sandbox.baseURL, credentials: .init(user: syncCredentials.user, secret: "wrong"),
                sleeper: RetrySleeper { _ in })
            configuration.retryPolicy = RetryPolicy(maxAttempts: 1)
            try await GoTomClient.withClient(configuration: configuration) { client in
                let outcome = try await CustomerSync.sync(
                    stream((0..<4).map { customer($0, prefix: "AUTH") }), client: client,
                    journalPath: scratch.path("auth.sync.sqlite"))
                guard case .fatal(let error)? = outcome.result.stop else {
                    Issue.record("expected a fatal stop, got \(String(describing: outcome.result.stop))")
                    return
                }
                #expect(error == .unauthorized)
                #expect(outcome.counts == expectedCounts(records: 4, pending: 4))
            }
        }
    }

    @Test("a journal in use by another sync is refused, not waited for")
    func journalBusy() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.cleanUp() }
        let path = scratch.path("busy.sync.sqlite")
        let holder = try await SyncJournal.open(path: path)
        let error = await #expect(throws: SyncError.self) { try await SyncJournal.open(path: path) }
        #expect(error == .journalBusy)
        await holder.close()
        let reopened = try await SyncJournal.open(path: path)
        await reopened.close()
    }
}

/// Counts with the given values and the rest zero.
func expectedCounts(records: Int, created: Int = 0, updated: Int = 0, failed: Int = 0, pending: Int = 0) -> SyncCounts {
    var counts = SyncCounts()
    counts.records = records
    counts.created = created
    counts.updated = updated
    counts.failed = failed
    counts.pending = pending
    return counts
}
