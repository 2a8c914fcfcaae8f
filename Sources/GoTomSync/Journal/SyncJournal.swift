import Foundation
import GoTomModels
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SQLiteNIO

/// The resumable state of one customer sync: a SQLite file with one row per input record.
///
/// Schema (version 1):
///
/// ```sql
/// meta(key TEXT PRIMARY KEY, value TEXT)      -- version, input path, input fingerprint, loaded flag
/// records(
///   line     INTEGER PRIMARY KEY,             -- the record's position (line of a file, index of a sequence)
///   crm_id   TEXT NOT NULL,                   -- its externalCrmId ('' when unreadable)
///   body     TEXT NOT NULL,                   -- canonical JSON of the record (sorted keys), or the raw input
///   state    INTEGER NOT NULL,                -- see SyncRecordState
///   existed  INTEGER,                         -- 1/0: the customer existed before the record was first sent
///   job_id   INTEGER,                         -- the CRM job of a 202 answer
///   attempts INTEGER NOT NULL DEFAULT 0,      -- how often the record was handed to a sender
///   error    TEXT)                            -- JSON {reason, message, violations} of a failed record
/// ```
///
/// Write order: a record is marked ``SyncRecordState/sending`` (committed) before its request leaves, and its
/// outcome is committed with the next group of answers (see ``CustomerSync``). The database runs in WAL mode with `synchronous=NORMAL`: a
/// commit survives the process being killed at any moment (it sits in the WAL, written before the commit returns);
/// only a power loss may roll back the last commits, whose records are then sent again — harmless, see
/// ``CustomerSync``. `locking_mode=EXCLUSIVE` keeps a second sync from using the journal at the same time.
///
/// Every statement goes through SQLiteNIO's connection API and changes the journal on its own (no transaction
/// spans two statements), so the senders of a run may write concurrently.
public final class SyncJournal: Sendable {
    /// The journal format this version reads and writes.
    static let version = "1"

    /// The journal file.
    public let path: String

    private let connection: SQLiteConnection

    private init(path: String, connection: SQLiteConnection) {
        self.path = path
        self.connection = connection
    }

    deinit {
        // SQLiteNIO asserts that connections are closed; close one that was never closed. The future keeps the
        // connection alive until the close has run.
        if !connection.isClosed {
            let _: EventLoopFuture<Void> = connection.close()
        }
    }

    /// Opens (or creates) a journal and takes its lock until ``close()``.
    ///
    /// - Parameter path: The journal file; its folder must exist.
    /// - Returns: The open journal.
    /// - Throws: ``SyncError/journalBusy`` when another sync holds it, ``SyncError/journalVersionMismatch`` when it
    ///   belongs to another journal format, ``SyncError/journalUnavailable`` when it cannot be opened.
    public static func open(path: String) async throws -> SyncJournal {
        let connection: SQLiteConnection
        do {
            // The future-based open runs even when the calling task is cancelled.
            let opening: EventLoopFuture<SQLiteConnection> = SQLiteConnection.open(
                storage: .file(path: path),
                logger: Logger(label: "gotom.sync", factory: { _ in SwiftLogNoOpLogHandler() }))
            connection = try await opening.get()
        } catch {
            throw SyncError.journalUnavailable("cannot open the sync journal \(path): \(Self.describe(error))")
        }
        let journal = SyncJournal(path: path, connection: connection)
        do throws(SyncError) {
            // SQLiteNIO retries a locked database forever; a second sync gives up after a second instead.
            try await journal.execute("PRAGMA busy_timeout=1000")
            try await journal.execute("PRAGMA locking_mode=EXCLUSIVE")
            try await journal.execute("PRAGMA journal_mode=WAL")
            try await journal.execute("PRAGMA synchronous=NORMAL")
            try await journal.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            try await journal.execute(
                """
                CREATE TABLE IF NOT EXISTS records (
                    line INTEGER PRIMARY KEY, crm_id TEXT NOT NULL, body TEXT NOT NULL, state INTEGER NOT NULL,
                    existed INTEGER, job_id INTEGER, attempts INTEGER NOT NULL DEFAULT 0, error TEXT)
                """)
            try await journal.execute("CREATE INDEX IF NOT EXISTS records_by_state ON records (state, line)")
            // The first write takes the exclusive lock and keeps it until the journal is closed.
            let stored = try await journal.meta("version")
            if let stored, stored != version {
                throw SyncError.journalVersionMismatch(
                    "\(path) was written by another version (journal version \(stored)); remove it to start over")
            }
            try await journal.setMeta("version", version)
        } catch {
            await journal.close()
            throw error
        }
        return journal
    }

    /// Releases the lock and closes the file; later calls do nothing.
    ///
    /// It uses the future-based close, which runs even when the calling task is cancelled.
    public func close() async {
        guard !connection.isClosed else { return }
        let closing: EventLoopFuture<Void> = connection.close()
        try? await closing.get()
    }

    /// Removes a journal and its WAL files (nothing may hold it open).
    ///
    /// - Parameter path: The journal file.
    public static func remove(at path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The default journal of an input file: `FILE.sync.sqlite` beside it, or, with a state directory, a file there
    /// named after the input and a hash of its absolute path.
    ///
    /// - Parameters:
    ///   - input: The input file.
    ///   - stateDirectory: A folder for journals, or `nil`.
    /// - Returns: The journal's path.
    public static func path(for input: String, stateDirectory: String?) -> String {
        let absolute = URL(fileURLWithPath: input).standardizedFileURL.path
        guard let stateDirectory else { return absolute + ".sync.sqlite" }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in absolute.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let name = URL(fileURLWithPath: absolute).lastPathComponent
        let hex = String(hash, radix: 16)
        return URL(fileURLWithPath: stateDirectory)
            .appendingPathComponent("\(name)-\(String(repeating: "0", count: 16 - hex.count) + hex).sync.sqlite").path
    }

    // MARK: Meta

    /// A value of the journal's key-value table (`nil` when unset).
    package func meta(_ key: String) async throws(SyncError) -> String? {
        try await rows("SELECT value FROM meta WHERE key = ?1", [.text(key)]).first?.column("value")?.string
    }

    /// Sets a value of the journal's key-value table.
    package func setMeta(_ key: String, _ value: String) async throws(SyncError) {
        try await execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", [.text(key), .text(value)])
    }

    // MARK: Loading the input

    /// Journals the records of a file, read from start to end.
    ///
    /// - Parameter reader: The file's reader.
    /// - Returns: What was read.
    /// - Throws: ``SyncError`` when the file or the journal fails.
    public func load(_ reader: CustomerFileReader) async throws -> SyncLoadSummary {
        try await loadRecords { () throws(SyncError) -> SyncRecord? in try reader.nextRecord() }
    }

    /// Journals a sequence of customers; the first is at position 1.
    ///
    /// A customer already journaled at its position with the same content keeps its state (done, failed, …);
    /// a new or changed one is sent by the next run; positions past the end of the sequence are forgotten.
    ///
    /// - Parameter customers: The customers, e.g. read from your CRM's database.
    /// - Returns: What was read.
    /// - Throws: What the sequence throws, or ``SyncError`` when the journal fails.
    public func load<Customers: AsyncSequence>(customers: Customers) async throws -> SyncLoadSummary
    where Customers.Element == CustomerWrite {
        try await load(customers) { customer, position in SyncRecord(position: position, customer: customer) }
    }

    /// Journals records from any source, in position order.
    ///
    /// - Parameter records: The records; positions must increase.
    /// - Returns: What was read.
    /// - Throws: What the sequence throws, or ``SyncError`` when the journal fails.
    public func load<Records: AsyncSequence>(records: Records) async throws -> SyncLoadSummary
    where Records.Element == SyncRecord {
        try await load(records) { record, _ in record }
    }

    /// Journals the elements of a sequence as records; `record` gets each element and its 1-based index.
    private func load<Elements: AsyncSequence>(
        _ elements: Elements, _ record: (Elements.Element, Int) -> SyncRecord
    ) async throws -> SyncLoadSummary {
        var iterator = elements.makeAsyncIterator()
        var index = 0
        var failure: (any Error)?
        do {
            return try await loadRecords { () throws(SyncError) -> SyncRecord? in
                do {
                    guard let element = try await iterator.next() else { return nil }
                    index += 1
                    return record(element, index)
                } catch {
                    failure = error
                    throw SyncError.inputUnreadable("reading element \(index + 1) failed: \(error)")
                }
            }
        } catch {
            // The sequence's own error, not its wrapping.
            throw failure ?? error
        }
    }

    /// Reconciles the journal with the input: 500 records per statement, then forgets positions not read.
    private func loadRecords(next: () async throws(SyncError) -> SyncRecord?) async throws(SyncError) -> SyncLoadSummary
    {
        try await setMeta("loaded", "0")
        var summary = SyncLoadSummary()
        var positions: [Int] = []
        var batch: [SyncRecord] = []
        while let record = try await next() {
            positions.append(record.position)
            summary.note(record)
            batch.append(record)
            if batch.count == 500 {
                try await reconcile(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try await reconcile(batch) }
        try await execute(
            "DELETE FROM records WHERE line NOT IN (SELECT value FROM json_each(?1))",
            [.text(Self.jsonArray(positions))])
        try await setMeta("loaded", "1")
        return summary
    }

    /// Records input records. One already journaled with the same body keeps its state; a new or changed one
    /// starts over as pending (or invalid).
    private func reconcile(_ records: [SyncRecord]) async throws(SyncError) {
        let binds = records.flatMap { record -> [SQLiteData] in
            let state = record.problem == nil ? SyncRecordState.pending : .invalid
            return [
                .integer(record.position), .text(record.crmId), .text(record.body), .integer(state.rawValue),
                record.problem.map(SQLiteData.text) ?? .null,
            ]
        }
        // A position with the same body is left as it is (the WHERE of the upsert).
        try await execute(
            """
            INSERT INTO records (line, crm_id, body, state, error)
            VALUES \(Self.placeholders(rows: records.count, columns: 5))
            ON CONFLICT(line) DO UPDATE SET crm_id = excluded.crm_id, body = excluded.body, state = excluded.state,
                existed = NULL, job_id = NULL, attempts = 0, error = excluded.error
            WHERE records.body IS NOT excluded.body
            """, binds)
    }

    /// Puts the records that goTom rejected back to pending, so that the next run sends them again.
    ///
    /// - Returns: How many records were put back.
    /// - Throws: ``SyncError/journalUnavailable``.
    @discardableResult
    public func retryFailed() async throws -> Int {
        try await rows(
            "UPDATE records SET state = ?1, error = NULL, job_id = NULL WHERE state = ?2 RETURNING line",
            [.integer(SyncRecordState.pending.rawValue), .integer(SyncRecordState.failed.rawValue)]
        ).count
    }

    // MARK: Sending

    /// A record to send.
    struct Outgoing: Sendable {
        var line: Int
        var crmId: String
        var body: String
    }

    /// The next records to send (pending, or sending when a run was interrupted), in position order.
    func outgoing(after line: Int, limit: Int) async throws(SyncError) -> [Outgoing] {
        try await rows(
            "SELECT line, crm_id, body FROM records WHERE state IN (0, 1) AND line > ?1 ORDER BY line LIMIT ?2",
            [.integer(line), .integer(limit)]
        ).map { row in
            Outgoing(
                line: row.column("line")?.integer ?? 0, crmId: row.column("crm_id")?.string ?? "",
                body: row.column("body")?.string ?? "")
        }
    }

    /// Marks records as handed to senders, in one statement, and keeps the first answer to "did it exist before?".
    func markSending(_ records: [(line: Int, existed: Bool)]) async throws(SyncError) {
        let all = Self.jsonArray(records.map(\.line))
        let existing = Self.jsonArray(records.filter(\.existed).map(\.line))
        try await execute(
            """
            UPDATE records SET state = 1, attempts = attempts + 1,
                existed = COALESCE(existed, line IN (SELECT value FROM json_each(?2)))
            WHERE line IN (SELECT value FROM json_each(?1))
            """, [.text(all), .text(existing)])
    }

    /// The outcome of a request, to be recorded.
    struct Finished: Sendable {
        var line: Int
        var state: SyncRecordState
        var jobId: Int?
        var error: String?
    }

    /// Records the outcomes of requests or job follow-ups, in one statement per 200.
    func finish(_ outcomes: [Finished]) async throws(SyncError) {
        for start in stride(from: 0, to: outcomes.count, by: 200) {
            let chunk = outcomes[start..<min(start + 200, outcomes.count)]
            let binds = chunk.flatMap { outcome -> [SQLiteData] in
                [
                    .integer(outcome.line), .integer(outcome.state.rawValue),
                    outcome.jobId.map(SQLiteData.integer) ?? .null, outcome.error.map(SQLiteData.text) ?? .null,
                ]
            }
            try await execute(
                """
                WITH outcome(line, state, job_id, error) AS (VALUES \(Self.placeholders(rows: chunk.count, columns: 4)))
                UPDATE records SET state = outcome.state, job_id = outcome.job_id, error = outcome.error
                FROM outcome WHERE records.line = outcome.line
                """, binds)
        }
    }

    /// Records waiting for their CRM job, in position order.
    func waiting(after line: Int, limit: Int) async throws(SyncError) -> [(line: Int, jobId: Int)] {
        try await rows(
            "SELECT line, job_id FROM records WHERE state = 4 AND line > ?1 ORDER BY line LIMIT ?2",
            [.integer(line), .integer(limit)]
        ).compactMap { row in
            guard let line = row.column("line")?.integer, let job = row.column("job_id")?.integer else { return nil }
            return (line, job)
        }
    }

    /// How many records are left to send.
    func outgoingCount() async throws(SyncError) -> Int {
        try await rows("SELECT COUNT(*) AS n FROM records WHERE state IN (0, 1)").first?.column("n")?.integer ?? 0
    }

    // MARK: Results

    /// Record counts by outcome, over the whole input (earlier runs included).
    ///
    /// - Returns: The counts.
    /// - Throws: ``SyncError/journalUnavailable``.
    public func counts() async throws -> SyncCounts {
        var counts = SyncCounts()
        let grouped = try await rows("SELECT state, existed, COUNT(*) AS n FROM records GROUP BY state, existed")
        for row in grouped {
            let number = row.column("n")?.integer ?? 0
            counts.records += number
            switch SyncRecordState(rawValue: row.column("state")?.integer ?? -1) {
            case .done:
                if row.column("existed")?.integer == 0 { counts.created += number } else { counts.updated += number }
            case .failed, .invalid: counts.failed += number
            case .waiting, .pending, .sending, nil: counts.pending += number
            }
        }
        return counts
    }

    /// Where each record stands, in position order, a page at a time.
    ///
    /// - Parameters:
    ///   - position: Records after this position (0 for the first page).
    ///   - limit: At most this many.
    /// - Returns: The records' states; an empty array after the last page.
    /// - Throws: ``SyncError/journalUnavailable``.
    public func statuses(after position: Int = 0, limit: Int = 500) async throws -> [SyncRecordStatus] {
        try await rows(
            """
            SELECT line, crm_id, state, existed, job_id, attempts, error FROM records WHERE line > ?1
            ORDER BY line LIMIT ?2
            """,
            [.integer(position), .integer(limit)]
        ).map(Self.status)
    }

    /// Failed and invalid records in position order, a page at a time, with what goTom (or the check) said.
    ///
    /// - Parameters:
    ///   - position: Records after this position (0 for the first page).
    ///   - limit: At most this many.
    /// - Returns: The records; an empty array after the last page.
    /// - Throws: ``SyncError/journalUnavailable``.
    public func failures(after position: Int = 0, limit: Int = 500) async throws -> [SyncFailure] {
        try await rows(
            """
            SELECT line, crm_id, body, state, error FROM records WHERE state IN (3, 5) AND line > ?1
            ORDER BY line LIMIT ?2
            """,
            [.integer(position), .integer(limit)]
        ).map { row in
            SyncFailure(
                position: row.column("line")?.integer ?? 0, crmId: row.column("crm_id")?.string ?? "",
                body: row.column("body")?.string ?? "",
                isInvalid: row.column("state")?.integer == SyncRecordState.invalid.rawValue,
                details: row.column("error")?.string)
        }
    }

    private static func status(_ row: SQLiteRow) -> SyncRecordStatus {
        SyncRecordStatus(
            position: row.column("line")?.integer ?? 0, crmId: row.column("crm_id")?.string ?? "",
            state: SyncRecordState(rawValue: row.column("state")?.integer ?? 0) ?? .pending,
            existedBefore: row.column("existed")?.integer.map { $0 != 0 },
            jobId: row.column("job_id")?.integer, attempts: row.column("attempts")?.integer ?? 0,
            details: row.column("error")?.string)
    }

    // MARK: Statements

    /// `(?1, ?2), (?3, ?4)` for `rows` rows of `columns` parameters, numbered in order.
    private static func placeholders(rows: Int, columns: Int) -> String {
        (0..<rows).map { row in
            "(" + (1...columns).map { "?\(row * columns + $0)" }.joined(separator: ", ") + ")"
        }.joined(separator: ", ")
    }

    /// Integers as a JSON array, for `json_each` (one parameter however many there are).
    private static func jsonArray(_ numbers: [Int]) -> String {
        "[" + numbers.map(String.init).joined(separator: ",") + "]"
    }

    private func execute(_ sql: String, _ binds: [SQLiteData] = []) async throws(SyncError) {
        _ = try await rows(sql, binds)
    }

    private func rows(_ sql: String, _ binds: [SQLiteData] = []) async throws(SyncError) -> [SQLiteRow] {
        let collected = NIOLockedValueBox<[SQLiteRow]>([])
        let collect: @Sendable (SQLiteRow) -> Void = { row in collected.withLockedValue { $0.append(row) } }
        do {
            do {
                // Runs on SQLiteNIO's thread pool and resumes this task from there, with no event-loop hop.
                try await connection.query(sql, binds, collect)
            } catch is CancellationError {
                // The pool refused to start the statement because this task is cancelled, so it did not run. An
                // answer that arrived is still recorded: the statement runs in a task of its own, which is not.
                try await Task { [connection] in try await connection.query(sql, binds, collect) }.value
            }
        } catch let error as SQLiteError where Self.isBusy(error) {
            throw .journalBusy("another sync is using the journal \(path); wait for it to finish")
        } catch {
            throw .journalUnavailable("cannot use the sync journal \(path): \(Self.describe(error))")
        }
        return collected.withLockedValue { $0 }
    }

    private static func isBusy(_ error: SQLiteError) -> Bool {
        switch error.reason {
        case .busy, .busyTimeout, .busyInRecovery, .busyInSnapshot, .locked: return true
        default: return false
        }
    }

    private static func describe(_ error: any Error) -> String {
        (error as? SQLiteError)?.message ?? "\(error)"
    }
}
