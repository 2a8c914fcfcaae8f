import Foundation

/// The resumable state of one `gotom customer sync FILE`: a SQLite file with one row per input record.
///
/// Schema (version 1):
///
/// ```sql
/// meta(key TEXT PRIMARY KEY, value TEXT)      -- version, input path, input fingerprint, loaded flag
/// records(
///   line     INTEGER PRIMARY KEY,             -- line of the input where the record starts
///   crm_id   TEXT NOT NULL,                   -- its externalCrmId ('' when unreadable)
///   body     TEXT NOT NULL,                   -- canonical JSON of the record (sorted keys), or the raw input
///   state    INTEGER NOT NULL,                -- see State
///   existed  INTEGER,                         -- 1/0: the customer existed before the record was first sent
///   job_id   INTEGER,                         -- the CRM job of a 202 answer
///   attempts INTEGER NOT NULL DEFAULT 0,      -- how often the record was handed to a sender
///   error    TEXT)                            -- JSON {reason, message, violations} of a failed record
/// ```
///
/// Write order: a record is marked ``State/sending`` (committed) before its request leaves, and its outcome is
/// committed as soon as the answer arrives. The database runs in WAL mode with `synchronous=NORMAL`: a commit
/// survives the process being killed at any moment (it sits in the WAL, written before the commit returns); only
/// a power loss may roll back the last commits, whose records are then sent again — harmless, see ``SyncRunner``.
/// `locking_mode=EXCLUSIVE` keeps a second sync of the same file from using the journal at the same time.
final class SyncJournal: @unchecked Sendable {
    /// Where a record stands.
    enum State: Int {
        /// Not sent yet.
        case pending = 0
        /// Handed to a sender; the answer has not been recorded. Sent again on resume.
        case sending = 1
        /// goTom applied it (200, or a finished 202 job).
        case done = 2
        /// goTom rejected it (400 data error, violations, a failed job).
        case failed = 3
        /// goTom queued it (202); the job is followed up through the error-log endpoint.
        case waiting = 4
        /// The input record is unreadable or incomplete; it is never sent.
        case invalid = 5
    }

    /// A record to send.
    struct Outgoing: Sendable {
        var line: Int
        var crmId: String
        var body: String
    }

    /// A failed or invalid record, for the failures file.
    struct Failed {
        var line: Int
        var crmId: String
        var body: String
        var state: State
        var error: String?
    }

    /// Record counts by outcome.
    struct Counts: Sendable, Equatable {
        var records = 0
        var created = 0
        var updated = 0
        var failed = 0
        var pending = 0
    }

    static let version = "1"
    private let database: SyncDatabase

    /// The journal of `input`: `FILE.sync.sqlite` beside it, or a file named after its absolute path in `stateDirectory`.
    static func path(for input: String, stateDirectory: String?) -> String {
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

    /// Removes a journal and its WAL files.
    static func remove(at path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Opens (or creates) the journal and takes its lock.
    ///
    /// - Throws: ``CLIError`` when the file cannot be opened, belongs to another version, or another sync holds it.
    init(path: String) throws {
        do {
            database = try SyncDatabase(path: path)
            try database.script("PRAGMA busy_timeout=1000")
            try database.script("PRAGMA locking_mode=EXCLUSIVE")
            try database.script("PRAGMA journal_mode=WAL")
            try database.script("PRAGMA synchronous=NORMAL")
            try database.script(
                """
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS records (
                    line INTEGER PRIMARY KEY, crm_id TEXT NOT NULL, body TEXT NOT NULL, state INTEGER NOT NULL,
                    existed INTEGER, job_id INTEGER, attempts INTEGER NOT NULL DEFAULT 0, error TEXT);
                CREATE INDEX IF NOT EXISTS records_by_state ON records (state, line);
                """)
            // The first write takes the exclusive lock and keeps it until the journal is closed.
            let stored = meta("version")
            if let stored, stored != Self.version {
                throw CLIError(
                    "\(path) was written by another version of gotom (journal version \(stored)); "
                        + "remove it or pass --restart")
            }
            try setMeta("version", Self.version)
        } catch let error as SyncDatabase.Failure where error.isBusy {
            throw CLIError("another gotom customer sync is using \(path); wait for it to finish")
        } catch let error as SyncDatabase.Failure {
            throw CLIError("cannot use the sync journal \(path): \(error.message)")
        }
    }

    func close() { database.close() }

    // MARK: Meta

    func meta(_ key: String) -> String? {
        var value: String?
        try? database.query("SELECT value FROM meta WHERE key = ?1", [.text(key)]) { value = $0.text(0) }
        return value
    }

    func setMeta(_ key: String, _ value: String) throws {
        try database.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", [.text(key), .text(value)])
    }

    // MARK: Loading the input

    /// Runs `body` in one transaction (loading thousands of records one commit at a time would be slow).
    func inTransaction<T>(_ body: () throws -> T) throws -> T {
        try database.transaction(body)
    }

    /// Records an input record. A record already journaled with the same body keeps its state; a new or changed
    /// one starts over as pending (or invalid).
    func reconcile(line: Int, crmId: String, body: String, invalidReason: String?) throws {
        let state = invalidReason == nil ? State.pending : State.invalid
        // One statement per record: a line with the same body is left as it is (the WHERE of the upsert).
        try database.execute(
            """
            INSERT INTO records (line, crm_id, body, state, existed, job_id, attempts, error)
            VALUES (?1, ?2, ?3, ?4, NULL, NULL, 0, ?5)
            ON CONFLICT(line) DO UPDATE SET crm_id = excluded.crm_id, body = excluded.body, state = excluded.state,
                existed = NULL, job_id = NULL, attempts = 0, error = excluded.error
            WHERE records.body IS NOT excluded.body
            """,
            [.int(line), .text(crmId), .text(body), .int(state.rawValue), .optional(invalidReason)])
    }

    /// Forgets records at lines that hold no record any more (the input was edited).
    func removeRecords(notIn lines: Set<Int>) throws {
        var stale: [Int] = []
        try database.query("SELECT line FROM records") { row in
            if let line = row.int(0), !lines.contains(line) { stale.append(line) }
        }
        for line in stale { try database.execute("DELETE FROM records WHERE line = ?1", [.int(line)]) }
    }

    /// Puts failed records back to pending (`--retry-failed`).
    func retryFailed() throws -> Int {
        try database.execute(
            "UPDATE records SET state = ?1, error = NULL, job_id = NULL WHERE state = ?2",
            [.int(State.pending.rawValue), .int(State.failed.rawValue)])
    }

    // MARK: Sending

    /// The next records to send (pending, or sending when a run was interrupted), in line order.
    func outgoing(after line: Int, limit: Int) throws -> [Outgoing] {
        var result: [Outgoing] = []
        try database.query(
            "SELECT line, crm_id, body FROM records WHERE state IN (0, 1) AND line > ?1 ORDER BY line LIMIT ?2",
            [.int(line), .int(limit)]
        ) { row in
            result.append(Outgoing(line: row.int(0) ?? 0, crmId: row.text(1) ?? "", body: row.text(2) ?? ""))
        }
        return result
    }

    /// Marks records as handed to senders, in one commit, and keeps the first answer to "did it exist before?".
    func markSending(_ records: [(line: Int, existed: Bool)]) throws {
        try database.transaction {
            for record in records {
                try database.execute(
                    """
                    UPDATE records SET state = 1, attempts = attempts + 1, existed = COALESCE(existed, ?2)
                    WHERE line = ?1
                    """,
                    [.int(record.line), .int(record.existed ? 1 : 0)])
            }
        }
    }

    /// Records the outcome of a request (or of a job follow-up).
    func finish(line: Int, state: State, jobId: Int? = nil, error: String? = nil) throws {
        try database.execute(
            "UPDATE records SET state = ?2, job_id = ?3, error = ?4 WHERE line = ?1",
            [.int(line), .int(state.rawValue), .optional(jobId), .optional(error)])
    }

    /// Records waiting for their CRM job, in line order.
    func waiting(after line: Int, limit: Int) throws -> [(line: Int, jobId: Int)] {
        var result: [(line: Int, jobId: Int)] = []
        try database.query(
            "SELECT line, job_id FROM records WHERE state = 4 AND line > ?1 ORDER BY line LIMIT ?2",
            [.int(line), .int(limit)]
        ) { row in
            if let line = row.int(0), let job = row.int(1) { result.append((line, job)) }
        }
        return result
    }

    // MARK: Results

    /// Counts for the summary, over the whole input (earlier runs included).
    func counts() throws -> Counts {
        var counts = Counts()
        try database.query("SELECT state, existed, COUNT(*) FROM records GROUP BY state, existed") { row in
            let number = row.int(2) ?? 0
            counts.records += number
            switch State(rawValue: row.int(0) ?? -1) {
            case .done: if row.int(1) == 0 { counts.created += number } else { counts.updated += number }
            case .failed, .invalid: counts.failed += number
            case .waiting, .pending, .sending, nil: counts.pending += number
            }
        }
        return counts
    }

    /// How many records are left to send.
    func outgoingCount() throws -> Int {
        var count = 0
        try database.query("SELECT COUNT(*) FROM records WHERE state IN (0, 1)") { count = $0.int(0) ?? 0 }
        return count
    }

    /// Failed and invalid records in line order, a page at a time.
    func failed(after line: Int, limit: Int) throws -> [Failed] {
        var result: [Failed] = []
        try database.query(
            """
            SELECT line, crm_id, body, state, error FROM records WHERE state IN (3, 5) AND line > ?1
            ORDER BY line LIMIT ?2
            """,
            [.int(line), .int(limit)]
        ) { row in
            result.append(
                Failed(
                    line: row.int(0) ?? 0, crmId: row.text(1) ?? "", body: row.text(2) ?? "",
                    state: State(rawValue: row.int(3) ?? 3) ?? .failed, error: row.text(4)))
        }
        return result
    }
}
