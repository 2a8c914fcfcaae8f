import Foundation
import GoTomAPI
import GoTomModels

/// Sends the journaled records with bounded concurrency and follows 202 answers up until they are final.
///
/// Why a resumed run neither loses nor duplicates a customer:
/// - A record is marked `sending` (committed) before its request leaves, and its answer is committed right
///   after it arrives, before its sender takes the next record. A run killed at any moment therefore leaves every
///   record either acknowledged in the journal (`done`, `failed`, `waiting`: never sent again) or `pending`/`sending`
///   (sent again). Nothing is lost: whatever was not acknowledged is sent on resume.
/// - Sending a `sending` record again is safe: the CRM-sync upsert is keyed by `externalCrmId` and sets absolute
///   values (addresses and contacts merge by their own CRM ids), so a second application of the same record leaves
///   the customer as one application would. Only records in flight at the kill are sent twice, at most
///   `--concurrency` per interruption, and only those whose answer had not been recorded yet.
/// - Records with the same externalCrmId are never in flight together and go out in file order, so the last
///   line of the file wins, as it would in a sequential run.
/// - A `waiting` record (202) is not sent again: its job is polled. Only when goTom no longer knows the job
///   (404 `NO_JOB_FOUND`, e.g. after a restart) is the record put back to `pending` and sent again.
///
/// Created or updated: the upsert's answer does not say. Before sending, the runner lists the tenant's customers
/// once (one request per 1000) and journals, with the first `sending` mark, whether the customer existed; a record
/// re-sent after an interruption keeps that first answer.
final class SyncRunner: Sendable {
    struct Settings: Sendable {
        var concurrency: Int
        /// How long to keep polling CRM jobs that goTom has queued (202).
        var followUp: Duration
        var verbose: Bool
    }

    /// Why the run stopped before every record was handled.
    enum Stop: Sendable {
        /// goTom refused the credentials or has the CRM sync switched off: no record can succeed.
        case fatal(GoTomError)
        /// Requests kept failing without an answer (network, 5xx, 429) after the SDK's retries.
        case unavailable(GoTomError)
        /// The journal could not be written.
        case journal(String)
    }

    /// What this run did.
    struct Result: Sendable {
        var sent = 0
        var stop: Stop?
        var classificationWarning: String?
    }

    private enum Completion: Sendable {
        case done
        case failed(String)
        case waiting
        case retryLater(GoTomError)
        case fatal(GoTomError)
        case journal(String)
    }

    private let client: GoTomClient
    private let journal: SyncJournal
    private let settings: Settings
    private let progress: ProgressBar

    init(client: GoTomClient, journal: SyncJournal, settings: Settings, progress: ProgressBar) {
        self.client = client
        self.journal = journal
        self.settings = settings
        self.progress = progress
    }

    /// Follows up jobs of earlier runs, sends what is left, then follows up the new jobs.
    func run() async throws -> Result {
        var result = Result()
        let deadline = ContinuousClock.now + settings.followUp
        // Jobs from an earlier run first, before this run's upserts could reuse their ids on a restarted server.
        if let stop = await followUp(until: nil) {
            result.stop = stop
            return result
        }
        var existing: Set<String> = []
        if try journal.outgoingCount() > 0 {
            do {
                for try await page in client.customers.all() {
                    for customer in page.items { if let id = customer.externalCrmId { existing.insert(id) } }
                }
            } catch let error as GoTomError where error == .unauthorized {
                result.stop = .fatal(error)
                return result
            } catch {
                let reason = (error as? GoTomError)?.userMessage ?? "\(error)"
                result.classificationWarning =
                    "cannot list the existing customers (\(reason)); customers whose state is unknown "
                    + "are counted as updated"
                existing = []
            }
        }
        let classify = result.classificationWarning == nil
        for _ in 0..<3 {
            let total = try journal.outgoingCount()
            guard total > 0 else { break }
            let (sent, stop) = await dispatch(total: Int64(total), existing: &existing, classify: classify)
            result.sent += sent
            if let stop {
                result.stop = stop
                return result
            }
            if let stop = await followUp(until: deadline) {
                result.stop = stop
                return result
            }
        }
        return result
    }

    // MARK: Sending

    private func dispatch(total: Int64, existing: inout Set<String>, classify: Bool) async
        -> (sent: Int, stop: Stop?)
    {
        let concurrency = settings.concurrency
        let unavailableAfter = max(16, concurrency * 2)
        var completed: Int64 = 0
        var failures = 0
        var sent = 0
        var stop: Stop?
        var transientStreak = 0
        var inFlightKeys: [Int: String] = [:]
        var afterLine = 0
        progress.update(done: 0, total: total, force: true)

        await withTaskGroup(of: (Int, Completion).self) { group in
            func handle(_ line: Int, _ completion: Completion) {
                inFlightKeys[line] = nil
                completed += 1
                switch completion {
                case .done, .waiting:
                    transientStreak = 0
                case .failed(let message):
                    transientStreak = 0
                    failures += 1
                    if settings.verbose { StandardStreams.diagnostic("line \(line): failed: \(message)") }
                case .retryLater(let error):
                    transientStreak += 1
                    if settings.verbose {
                        StandardStreams.diagnostic("line \(line): not delivered: \(error.userMessage)")
                    }
                    if transientStreak >= unavailableAfter, stop == nil { stop = .unavailable(error) }
                case .fatal(let error):
                    if stop == nil { stop = .fatal(error) }
                case .journal(let message):
                    if stop == nil { stop = .journal(message) }
                }
                progress.update(done: completed, total: total, failures: failures)
            }

            pages: while stop == nil {
                let page: [SyncJournal.Outgoing]
                do {
                    page = try journal.outgoing(after: afterLine, limit: 256)
                    guard let last = page.last else { break }
                    afterLine = last.line
                    var marks: [(line: Int, existed: Bool)] = []
                    for record in page {
                        marks.append((record.line, classify ? existing.contains(record.crmId) : true))
                        existing.insert(record.crmId)
                    }
                    try journal.markSending(marks)
                } catch {
                    stop = .journal("\(error)")
                    break
                }
                for record in page {
                    // At most `concurrency` requests in flight, and never two for the same customer.
                    while inFlightKeys.count >= concurrency || inFlightKeys.values.contains(record.crmId) {
                        guard let (line, completion) = await group.next() else { break }
                        handle(line, completion)
                    }
                    if stop != nil { break pages }
                    inFlightKeys[record.line] = record.crmId
                    sent += 1
                    group.addTask { [client, journal] in
                        (record.line, await Self.send(record, client: client, journal: journal))
                    }
                }
            }
            while let (line, completion) = await group.next() { handle(line, completion) }
        }
        progress.update(done: completed, total: total, failures: failures, force: true)
        progress.finish()
        return (sent, stop)
    }

    private static func send(_ record: SyncJournal.Outgoing, client: GoTomClient, journal: SyncJournal) async
        -> Completion
    {
        do {
            let answer: UpdateCustomerResponse
            do {
                // The journal holds the record as checked and encoded when the input was read; it goes out as is.
                answer = try await client.customers.upsert(customerJSON: record.body)
            } catch let error as GoTomError {
                return try journalFailure(error, line: record.line, journal: journal)
            }
            try journal.finish(line: record.line, state: .done, jobId: answer.jobId)
            return .done
        } catch {
            return .journal("cannot write the sync journal: \(error)")
        }
    }

    /// Journals a failed upsert and says what it means for the run.
    private static func journalFailure(_ error: GoTomError, line: Int, journal: SyncJournal) throws -> Completion {
        switch error {
        case .crmJobPending:
            guard let jobId = error.jobId else {
                try journal.finish(line: line, state: .pending)
                return .retryLater(error)
            }
            try journal.finish(line: line, state: .waiting, jobId: jobId)
            return .waiting
        case .crmDataError where error.crmReason == nil || error.crmReason == .dataError,
            .constraintViolations, .externalIdAlreadyInUse, .invalidRequest:
            let message = error.serverMessage ?? error.violations.first?.description ?? error.shortDescription
            try journal.finish(
                line: line, state: .failed, jobId: error.jobId,
                error: failureJSON(error: error, message: message))
            return .failed(message)
        case .rejected where error.status != 429:
            let message = error.serverMessage ?? error.shortDescription
            try journal.finish(line: line, state: .failed, error: failureJSON(error: error, message: message))
            return .failed(message)
        case .unauthorized, .notFound:
            // Left `sending`: the next run sends it once the credentials or the CRM sync are fixed.
            return .fatal(error)
        default:
            // No answer, 5xx, 429 or a queue failure (blocking_buried, queue_internal): try again in a later run.
            try journal.finish(line: line, state: .pending)
            return .retryLater(error)
        }
    }

    // MARK: Following up 202 answers

    private enum Poll: Sendable {
        case finished
        case stillWaiting
        case requeued
        case fatal(GoTomError)
        case journal(String)
    }

    /// Polls the jobs of `waiting` records until none is left or `deadline` passes (`nil`: one round only).
    /// Returns why the run must stop, if it must.
    private func followUp(until deadline: ContinuousClock.Instant?) async -> Stop? {
        var delay = Duration.milliseconds(100)
        while true {
            var afterLine = 0
            var waiting = 0
            while true {
                let page: [(line: Int, jobId: Int)]
                do {
                    page = try journal.waiting(after: afterLine, limit: 512)
                } catch {
                    return .journal("\(error)")
                }
                guard let last = page.last else { break }
                afterLine = last.line
                var stop: Stop?
                await withTaskGroup(of: Poll.self) { group in
                    var running = 0
                    func handle(_ poll: Poll) {
                        running -= 1
                        switch poll {
                        case .finished: break
                        case .stillWaiting: waiting += 1
                        case .requeued: break
                        case .fatal(let error): if stop == nil { stop = .fatal(error) }
                        case .journal(let message): if stop == nil { stop = .journal(message) }
                        }
                    }
                    for job in page {
                        if running >= settings.concurrency, let poll = await group.next() { handle(poll) }
                        running += 1
                        group.addTask { [client, journal, settings] in
                            await Self.poll(
                                job.jobId, line: job.line, client: client, journal: journal,
                                verbose: settings.verbose)
                        }
                    }
                    while let poll = await group.next() { handle(poll) }
                }
                if let stop { return stop }
            }
            guard waiting > 0, let deadline else { return nil }
            let now = ContinuousClock.now
            guard now < deadline else { return nil }
            try? await Task.sleep(for: min(delay, deadline - now))
            delay = min(delay * 2, .seconds(2))
        }
    }

    private static func poll(_ jobId: Int, line: Int, client: GoTomClient, journal: SyncJournal, verbose: Bool) async
        -> Poll
    {
        do {
            let log: CustomerErrorLogResponse
            do {
                log = try await client.customers.errorLogs(jobId: jobId)
            } catch GoTomError.notFound {
                if verbose {
                    StandardStreams.diagnostic("line \(line): goTom no longer knows job \(jobId); sending again")
                }
                try journal.finish(line: line, state: .pending)
                return .requeued
            } catch let error as GoTomError where error == .unauthorized {
                return .fatal(error)
            } catch {
                return .stillWaiting
            }
            switch log.jobStatus {
            case .some(.finishedOk):
                try journal.finish(line: line, state: .done, jobId: jobId)
                return .finished
            case .some(.finishedError):
                let message = log.errorLogs?.apiError ?? "the CRM job \(jobId) finished with an error"
                if verbose { StandardStreams.diagnostic("line \(line): failed: \(message)") }
                try journal.finish(
                    line: line, state: .failed, jobId: jobId,
                    error: failureJSON(reason: CrmSyncReason.dataError.rawValue, message: message, jobId: jobId))
                return .finished
            case .some(.noJobFound):
                try journal.finish(line: line, state: .pending)
                return .requeued
            default:
                return .stillWaiting
            }
        } catch {
            return .journal("cannot write the sync journal: \(error)")
        }
    }

    // MARK: Failure details

    /// The journal's (and the failures file's) description of a rejection.
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
        return (try? JSONOutput.encode(JSONValue.object(fields), pretty: false)) ?? #"{"message":"unknown"}"#
    }

    private static func failureJSON(error: GoTomError, message: String) -> String {
        failureJSON(
            reason: error.crmReason?.rawValue ?? error.name, message: message, status: error.status,
            jobId: error.jobId, violations: error.violations)
    }
}
