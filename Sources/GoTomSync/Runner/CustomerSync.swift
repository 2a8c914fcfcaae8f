import Foundation
import GoTomAPI
import GoTomModels

/// Sends the records of a ``SyncJournal`` to goTom's CRM-sync upsert with bounded concurrency, and follows 202
/// answers up until they are final.
///
/// ```swift
/// let journal = try await SyncJournal.open(path: "customers.sync.sqlite")
/// _ = try await journal.load(customers: crmCustomers)     // any AsyncSequence of CustomerWrite
/// let result = try await CustomerSync(client: client, journal: journal).run()
/// await journal.close()
/// ```
///
/// Why a resumed run neither loses nor duplicates a customer:
/// - A record is marked `sending` (committed) before its request leaves. Answers are committed in groups: as soon
///   as ``Options/concurrency`` answers wait to be recorded, and whenever the run pauses or ends. A run killed at
///   any moment therefore leaves every record either acknowledged in the journal (`done`, `failed`, `waiting`:
///   never sent again) or `pending`/`sending` (sent again). Nothing is lost: whatever was not acknowledged is sent
///   on resume.
/// - Sending a `sending` record again is safe: the CRM-sync upsert is keyed by `externalCrmId` and sets absolute
///   values (addresses and contacts merge by their own CRM ids), so a second application of the same record leaves
///   the customer as one application would. Only records in flight at the kill, or answered since the last commit,
///   are sent twice: fewer than twice ``Options/concurrency`` per interruption. (Committing each answer on its own
///   would halve that bound and cost a SQLite statement and two thread hops per customer.)
/// - Records with the same externalCrmId are never in flight together and go out in file order, so the last
///   line of the file wins, as it would in a sequential run.
/// - A `waiting` record (202) is not sent again: its job is polled. Only when goTom no longer knows the job
///   (404 `NO_JOB_FOUND`, e.g. after a restart) is the record put back to `pending` and sent again.
///
/// Created or updated: the upsert's answer does not say. Before sending, the runner lists the tenant's customers
/// once (one request per 1000) and journals, with the first `sending` mark, whether the customer existed; a record
/// re-sent after an interruption keeps that first answer.
public struct CustomerSync: Sendable {
    /// How a run sends.
    public struct Options: Sendable {
        /// Requests in flight at most (1–64).
        public var concurrency: Int
        /// How long to keep polling CRM jobs that goTom has queued (202) before leaving them to the next run.
        public var followUp: Duration

        /// Options for a run.
        ///
        /// - Parameters:
        ///   - concurrency: Requests in flight at most; clamped to 1–64.
        ///   - followUp: How long to poll queued jobs.
        public init(concurrency: Int = 8, followUp: Duration = .seconds(60)) {
            self.concurrency = min(max(concurrency, 1), 64)
            self.followUp = followUp
        }
    }

    private enum Completion: Sendable {
        case done
        case failed(String)
        case waiting
        case retryLater(GoTomError)
        case fatal(GoTomError)
    }

    /// What a sender learned: what it means for the run, and what the journal is to record (`nil`: nothing, the
    /// record stays `sending`).
    private struct Outcome: Sendable {
        var completion: Completion
        var record: SyncJournal.Finished?
    }

    private let client: GoTomClient
    private let journal: SyncJournal
    private let options: Options
    private let events: @Sendable (SyncEvent) -> Void

    /// A sync of the records journaled in `journal`.
    ///
    /// - Parameters:
    ///   - client: The client; its CRM-sync user signs the upserts.
    ///   - journal: The open journal, loaded with the input.
    ///   - options: Concurrency and follow-up time.
    ///   - events: Called with the run's progress and each record's trouble, from the run's task; keep it short.
    public init(
        client: GoTomClient, journal: SyncJournal, options: Options = Options(),
        events: @escaping @Sendable (SyncEvent) -> Void = { _ in }
    ) {
        self.client = client
        self.journal = journal
        self.options = options
        self.events = events
    }

    /// Follows up the jobs of earlier runs, sends what is not acknowledged, then follows up the new jobs.
    ///
    /// Cancelling the task stops the run; what was not acknowledged is sent by the next run.
    ///
    /// - Returns: What the run did and, when goTom stopped it, why.
    /// - Throws: ``SyncError`` when the journal cannot be read or written.
    public func run() async throws -> SyncRunResult {
        try await runJournaled()
    }

    private func runJournaled() async throws(SyncError) -> SyncRunResult {
        var result = SyncRunResult()
        let deadline = ContinuousClock.now + options.followUp
        // Jobs from an earlier run first, before this run's upserts could reuse their ids on a restarted server.
        if let stop = try await followUp(until: nil) {
            result.stop = stop
            return result
        }
        var existing: Set<String> = []
        if try await journal.outgoingCount() > 0 {
            do {
                for try await page in client.customers.all() {
                    for customer in page.items { if let id = customer.externalCrmId { existing.insert(id) } }
                }
            } catch let error as GoTomError where error == .unauthorized {
                result.stop = .fatal(error)
                return result
            } catch {
                let reason = (error as? GoTomError)?.shortDescription ?? "\(error)"
                result.classificationWarning =
                    "cannot list the existing customers (\(reason)); customers whose state is unknown "
                    + "are counted as updated"
                existing = []
            }
        }
        let classify = result.classificationWarning == nil
        for _ in 0..<3 {
            let total = try await journal.outgoingCount()
            guard total > 0, !Task.isCancelled else { break }
            let (sent, stop) = try await dispatch(total: total, existing: &existing, classify: classify)
            result.sent += sent
            if let stop {
                result.stop = stop
                return result
            }
            if let stop = try await followUp(until: deadline) {
                result.stop = stop
                return result
            }
        }
        return result
    }

    // MARK: Sending

    private func dispatch(total: Int, existing: inout Set<String>, classify: Bool) async throws(SyncError)
        -> (sent: Int, stop: SyncStop?)
    {
        let concurrency = options.concurrency
        let unavailableAfter = max(16, concurrency * 2)
        var completed = 0
        var failures = 0
        var sent = 0
        var stop: SyncStop?
        var journalFailure: SyncError?
        var transientStreak = 0
        var inFlightKeys: [Int: String] = [:]
        var afterLine = 0
        events(.sending(done: 0, total: total, failures: 0))

        var unrecorded: [SyncJournal.Finished] = []
        events(.sending(done: 0, total: total, failures: 0))

        await withTaskGroup(of: (Int, Outcome).self) { group in
            func handle(_ line: Int, _ outcome: Outcome) {
                inFlightKeys[line] = nil
                completed += 1
                if let record = outcome.record { unrecorded.append(record) }
                switch outcome.completion {
                case .done, .waiting:
                    transientStreak = 0
                case .failed(let message):
                    transientStreak = 0
                    failures += 1
                    events(.recordFailed(position: line, message: message))
                case .retryLater(let error):
                    transientStreak += 1
                    events(.recordNotDelivered(position: line, error: error))
                    if transientStreak >= unavailableAfter, stop == nil { stop = .unavailable(error) }
                case .fatal(let error):
                    if stop == nil { stop = .fatal(error) }
                }
                events(.sending(done: completed, total: total, failures: failures))
            }
            /// Commits the answers that wait to be recorded, in one statement.
            func commitAnswers() async {
                guard !unrecorded.isEmpty, journalFailure == nil else { return }
                do throws(SyncError) {
                    try await journal.finish(unrecorded)
                    unrecorded.removeAll(keepingCapacity: true)
                } catch {
                    journalFailure = error
                }
            }

            pages: while stop == nil, journalFailure == nil, !Task.isCancelled {
                let page: [SyncJournal.Outgoing]
                do throws(SyncError) {
                    page = try await journal.outgoing(after: afterLine, limit: 256)
                    guard let last = page.last else { break }
                    afterLine = last.line
                    var marks: [(line: Int, existed: Bool)] = []
                    for record in page {
                        marks.append((record.line, classify ? existing.contains(record.crmId) : true))
                        existing.insert(record.crmId)
                    }
                    try await journal.markSending(marks)
                } catch {
                    journalFailure = error
                    break
                }
                for record in page {
                    // At most `concurrency` requests in flight, and never two for the same customer.
                    while inFlightKeys.count >= concurrency || inFlightKeys.values.contains(record.crmId) {
                        guard let (line, outcome) = await group.next() else { break }
                        handle(line, outcome)
                        if unrecorded.count >= concurrency { await commitAnswers() }
                    }
                    if stop != nil || journalFailure != nil || Task.isCancelled { break pages }
                    inFlightKeys[record.line] = record.crmId
                    sent += 1
                    group.addTask { [client] in (record.line, await Self.send(record, client: client)) }
                }
                await commitAnswers()
            }
            while let (line, outcome) = await group.next() {
                handle(line, outcome)
                if unrecorded.count >= concurrency { await commitAnswers() }
            }
            await commitAnswers()
        }
        events(.sent(done: completed, total: total, failures: failures))
        if let journalFailure { throw journalFailure }
        return (sent, stop)
    }

    private static func send(_ record: SyncJournal.Outgoing, client: GoTomClient) async -> Outcome {
        do {
            // The journal holds the record as checked and encoded when the input was read; it goes out as is.
            let answer = try await client.customers.upsert(customerJSON: record.body)
            return Outcome(completion: .done, record: .init(line: record.line, state: .done, jobId: answer.jobId))
        } catch let error as GoTomError {
            return outcome(of: error, line: record.line)
        } catch {
            return Outcome(completion: .retryLater(GoTomError.cancelled), record: nil)
        }
    }

    /// What a failed upsert means for the run and the journal.
    private static func outcome(of error: GoTomError, line: Int) -> Outcome {
        switch error {
        case .crmJobPending:
            guard let jobId = error.jobId else {
                return Outcome(completion: .retryLater(error), record: .init(line: line, state: .pending))
            }
            return Outcome(completion: .waiting, record: .init(line: line, state: .waiting, jobId: jobId))
        case .crmDataError where error.crmReason == nil || error.crmReason == .dataError,
            .constraintViolations, .externalIdAlreadyInUse, .invalidRequest:
            let message = error.serverMessage ?? error.violations.first?.description ?? error.shortDescription
            return Outcome(
                completion: .failed(message),
                record: .init(
                    line: line, state: .failed, jobId: error.jobId, error: failureJSON(error: error, message: message)))
        case .rejected where error.status != 429:
            let message = error.serverMessage ?? error.shortDescription
            return Outcome(
                completion: .failed(message),
                record: .init(line: line, state: .failed, error: failureJSON(error: error, message: message)))
        case .unauthorized, .notFound:
            // Left `sending`: the next run sends it once the credentials or the CRM sync are fixed.
            return Outcome(completion: .fatal(error), record: nil)
        case .cancelled:
            // Left `sending`, as if the process had been killed: the next run sends it again.
            return Outcome(completion: .retryLater(error), record: nil)
        default:
            // No answer, 5xx, 429 or a queue failure (blocking_buried, queue_internal): try again in a later run.
            return Outcome(completion: .retryLater(error), record: .init(line: line, state: .pending))
        }
    }

    // MARK: Following up 202 answers

    /// What a job poll found: whether the record still waits or the run must stop, and what the journal is to record.
    private struct Poll: Sendable {
        var stillWaiting = false
        var fatal: GoTomError?
        var record: SyncJournal.Finished?
    }

    /// Polls the jobs of `waiting` records until none is left or `deadline` passes (`nil`: one round only).
    /// Returns why the run must stop, if it must.
    private func followUp(until deadline: ContinuousClock.Instant?) async throws(SyncError) -> SyncStop? {
        var delay = Duration.milliseconds(100)
        while !Task.isCancelled {
            var afterLine = 0
            var waiting = 0
            while true {
                let page = try await journal.waiting(after: afterLine, limit: 512)
                guard let last = page.last else { break }
                afterLine = last.line
                var stop: SyncStop?
                var finished: [SyncJournal.Finished] = []
                await withTaskGroup(of: Poll.self) { group in
                    var running = 0
                    func handle(_ poll: Poll) {
                        running -= 1
                        if poll.stillWaiting { waiting += 1 }
                        if let error = poll.fatal, stop == nil { stop = .fatal(error) }
                        if let record = poll.record { finished.append(record) }
                    }
                    for job in page {
                        if running >= options.concurrency, let poll = await group.next() { handle(poll) }
                        running += 1
                        group.addTask { [client, events] in
                            await Self.poll(job.jobId, line: job.line, client: client, events: events)
                        }
                    }
                    while let poll = await group.next() { handle(poll) }
                }
                // Polling only reads: a page whose results are lost to a kill is polled again by the next run.
                try await journal.finish(finished)
                if let stop { return stop }
            }
            guard waiting > 0, let deadline else { return nil }
            let now = ContinuousClock.now
            guard now < deadline else { return nil }
            try? await Task.sleep(for: min(delay, deadline - now))
            delay = min(delay * 2, .seconds(2))
        }
        return nil
    }

    private static func poll(
        _ jobId: Int, line: Int, client: GoTomClient, events: @Sendable (SyncEvent) -> Void
    ) async -> Poll {
        let log: CustomerErrorLogResponse
        do {
            log = try await client.customers.errorLogs(jobId: jobId)
        } catch GoTomError.notFound {
            events(.jobRequeued(position: line, jobId: jobId))
            return Poll(record: .init(line: line, state: .pending))
        } catch let error as GoTomError where error == .unauthorized {
            return Poll(fatal: error)
        } catch {
            return Poll(stillWaiting: true)
        }
        switch log.jobStatus {
        case .some(.finishedOk):
            return Poll(record: .init(line: line, state: .done, jobId: jobId))
        case .some(.finishedError):
            let message = log.errorLogs?.apiError ?? "the CRM job \(jobId) finished with an error"
            events(.recordFailed(position: line, message: message))
            return Poll(
                record: .init(
                    line: line, state: .failed, jobId: jobId,
                    error: failureJSON(reason: CrmSyncReason.dataError.rawValue, message: message, jobId: jobId)))
        case .some(.noJobFound):
            events(.jobRequeued(position: line, jobId: jobId))
            return Poll(record: .init(line: line, state: .pending))
        default:
            return Poll(stillWaiting: true)
        }
    }

    // MARK: Failure details

    /// The journal's (and the failures file's) description of a rejection: a JSON object.
    static func failureJSON(
        reason: String?, message: String, status: Int? = nil, jobId: Int? = nil, violations: [ConstraintViolation] = []
    ) -> String {
        var fields: [String: JSONValue] = ["message": .string(message)]
        if let reason { fields["reason"] = .string(reason) }
        if let status { fields["status"] = .number(Decimal(status)) }
        if let jobId { fields["jobId"] = .number(Decimal(jobId)) }
        if !violations.isEmpty {
            fields["violations"] = .array(
                violations.map { violation in
                    .object([
                        "code": .string(violation.code.rawValue), "propertyPath": .string(violation.propertyPath),
                        "message": .string(violation.message),
                    ])
                })
        }
        let data = try? SyncRecord.encoder.encode(JSONValue.object(fields))
        return data.map { String(decoding: $0, as: UTF8.self) } ?? #"{"message":"unknown"}"#
    }

    private static func failureJSON(error: GoTomError, message: String) -> String {
        failureJSON(
            reason: error.crmReason?.rawValue ?? error.name, message: message, status: error.status,
            jobId: error.jobId, violations: error.violations)
    }
}
