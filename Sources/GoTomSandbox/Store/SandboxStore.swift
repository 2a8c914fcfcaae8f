import Foundation
import Logging
import NIOCore
import SQLiteNIO

/// The SQLite file behind the sandbox: entities as JSON documents keyed by kind and key, plus uploaded documents.
///
/// Durability: the database runs in WAL mode with `synchronous=FULL`, so each commit is fsynced to the WAL
/// before the sandbox answers 2xx, and a write that was acknowledged survives `kill -9` and power loss.
/// (`NORMAL` would only guarantee that after the next checkpoint.) One connection serves everything, and the
/// engine never runs two transactions at once.
final class SandboxStore: Sendable {
    private let connection: SQLiteConnection

    private init(connection: SQLiteConnection) {
        self.connection = connection
    }

    deinit {
        // SQLiteNIO asserts that connections are closed; close one that was never shut down properly. The
        // future keeps the connection alive until the close has run.
        if !connection.isClosed {
            let _: EventLoopFuture<Void> = connection.close()
        }
    }

    /// Opens (and creates) the database.
    ///
    /// - Parameters:
    ///   - path: The database file, or `nil` for an in-memory database.
    ///   - logger: The logger SQLiteNIO logs to.
    /// - Returns: The open store with its tables in place.
    /// - Throws: ``SandboxError/databaseFailure``.
    static func open(path: String?, logger: Logger) async throws(SandboxError) -> SandboxStore {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(
                storage: path.map { .file(path: $0) } ?? .memory, logger: logger)
        } catch {
            throw .databaseFailure("cannot open \(path ?? ":memory:"): \(error)")
        }
        let store = SandboxStore(connection: connection)
        do {
            if path != nil {
                _ = try await connection.query("PRAGMA journal_mode=WAL")
            }
            _ = try await connection.query("PRAGMA synchronous=FULL")
            // SQLiteNIO retries a locked database forever; give up after five seconds instead, so that a second
            // sandbox on the same directory fails visibly rather than hanging.
            _ = try await connection.query("PRAGMA busy_timeout=5000")
            _ = try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS entities
                (kind TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, key))
                """
            )
            _ = try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS documents
                (id INTEGER PRIMARY KEY AUTOINCREMENT, campaign TEXT NOT NULL, name TEXT NOT NULL,
                content BLOB NOT NULL)
                """
            )
        } catch {
            try? await store.close()
            throw .databaseFailure("cannot prepare \(path ?? ":memory:"): \(error)")
        }
        return store
    }

    /// Closes the connection; later calls do nothing.
    ///
    /// It uses the future-based close, which runs even when the calling task is cancelled (the async variant
    /// gives up on cancellation and would leave the connection open).
    func close() async throws {
        guard !connection.isClosed else { return }
        let closing: EventLoopFuture<Void> = connection.close()
        try await closing.get()
    }

    /// Every stored entity of one kind.
    func bodies(kind: String) async throws -> [(key: String, body: String)] {
        let rows = try await connection.query(
            "SELECT key, body FROM entities WHERE kind = ?1 ORDER BY key", [.text(kind)])
        return rows.compactMap { row in
            guard let key = row.column("key")?.string, let body = row.column("body")?.string else { return nil }
            return (key, body)
        }
    }

    /// Every stored entity of one kind, decoded, ordered by key.
    func records<Record: Decodable>(_ type: Record.Type, kind: String) async throws -> [Record] {
        let decoder = JSONDecoder()
        return try await bodies(kind: kind).map { try decoder.decode(type, from: Data($0.body.utf8)) }
    }

    /// The database file of a sandbox with this `--data-dir`.
    static func path(inDataDirectory directory: String) -> String { directory + "/sandbox.sqlite" }

    /// The names of the documents uploaded to a campaign (for tests and diagnostics).
    func documentNames(campaignExternalId: String) async throws -> [String] {
        let rows = try await connection.query(
            "SELECT name FROM documents WHERE campaign = ?1 ORDER BY id", [.text(campaignExternalId)]
        )
        return rows.compactMap { $0.column("name")?.string }
    }

    /// Writes a batch of changes in one transaction; later puts of the same entity win.
    ///
    /// Only the last put of each entity is encoded (an upsert that creates a customer puts the counters three
    /// times), and the entities go to SQLite in as few statements as the parameter limit allows, because every
    /// statement is a round trip to SQLiteNIO's thread pool. A batch that fits one statement and adds no
    /// document needs no explicit transaction: a single statement is atomic and, with `synchronous=FULL`, its
    /// autocommit is synced like a `COMMIT`.
    func apply(_ changes: [StoreChange]) async throws {
        var changes = changes[...]
        // A reset clears everything in the same transaction that stores the fresh data, so a crash leaves the
        // old data or the new, never a mix; changes queued before the reset are superseded.
        let clears = changes.lastIndex { if case .clearAll = $0 { true } else { false } }
        if let clears { changes = changes[(clears + 1)...] }
        var seen: Set<String> = []
        var entities: [SQLiteData] = []
        var documents: [(String, String, Data)] = []
        func put(_ kind: String, _ key: String, _ value: some Encodable) throws {
            guard seen.insert(kind + "\u{0}" + key).inserted else { return }
            let body = String(decoding: try Self.encoder.encode(value), as: UTF8.self)
            entities += [.text(kind), .text(key), .text(body)]
        }
        for change in changes.reversed() {
            switch change {
            case .putCampaign(let campaign): try put(EntityKind.campaign, campaign.externalId, campaign)
            case .putCustomer(let customer): try put(EntityKind.customer, customer.externalCrmId, customer)
            case .putRegistry(let registry): try put(EntityKind.meta, "registry", registry)
            case .putCounters(let counters): try put(EntityKind.meta, "counters", counters)
            case .addDocument(let campaign, let name, let content): documents.append((campaign, name, content))
            case .clearAll: break
            }
        }
        documents.reverse()
        let rowsPerStatement = Self.entityRowsPerStatement
        let statements = stride(from: 0, to: entities.count, by: 3 * rowsPerStatement).map {
            entities[$0..<min($0 + 3 * rowsPerStatement, entities.count)]
        }
        // One statement is atomic on its own; only more than one need a transaction around them.
        let transactional = statements.count > 1 || !documents.isEmpty || clears != nil
        if transactional { _ = try await connection.query("BEGIN IMMEDIATE") }
        do {
            if clears != nil {
                _ = try await connection.query("DELETE FROM entities")
                _ = try await connection.query("DELETE FROM documents")
            }
            for binds in statements {
                _ = try await connection.query(Self.insertEntities(binds.count / 3), Array(binds))
            }
            for (campaign, name, content) in documents {
                _ = try await connection.query(
                    "INSERT INTO documents (campaign, name, content) VALUES (?1, ?2, ?3)",
                    [.text(campaign), .text(name), .blob(ByteBuffer(bytes: content))]
                )
            }
            if transactional { _ = try await connection.query("COMMIT") }
        } catch {
            guard transactional else { throw error }
            do {
                _ = try await connection.query("ROLLBACK")
            } catch {
                // A transaction left open would silently take in the next one-statement batch, which runs without
                // BEGIN and would then never be committed: close the database instead, so every later write fails.
                try? await connection.close()
            }
            throw error
        }
    }

    /// Entities per `INSERT`: three parameters each, well below SQLite's limit of 32766 parameters.
    static let entityRowsPerStatement = 500

    /// The stored form of entities: compact JSON with sorted keys, so equal values are stored alike.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// `INSERT OR REPLACE` of `rows` entities, parameters `?1…?(3·rows)` in (kind, key, body) order.
    private static func insertEntities(_ rows: Int) -> String {
        "INSERT OR REPLACE INTO entities (kind, key, body) VALUES "
            + (0..<rows).map { "(?\(3 * $0 + 1), ?\(3 * $0 + 2), ?\(3 * $0 + 3))" }.joined(separator: ", ")
    }

    enum EntityKind {
        static let campaign = "campaign"
        static let customer = "customer"
        static let meta = "meta"
    }
}
