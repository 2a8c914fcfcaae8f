import Foundation
import VaporCSQLite

/// A small synchronous wrapper around the SQLite library that sqlite-nio bundles: one connection, prepared
/// statements cached by their SQL, every call serialised by a (recursive) lock.
///
/// The sync journal writes one short statement per acknowledged customer; calling SQLite directly (no thread hop,
/// no re-preparing) keeps that at a few microseconds, far below the time of the HTTP request it records.
final class SyncDatabase: @unchecked Sendable {
    /// A value bound to a `?N` parameter.
    enum Value {
        case int(Int64)
        case text(String)
        case null

        static func int(_ value: Int) -> Value { .int(Int64(value)) }
        static func optional(_ value: Int?) -> Value { value.map { .int(Int64($0)) } ?? .null }
        static func optional(_ value: String?) -> Value { value.map(Value.text) ?? .null }
    }

    /// One result row; columns are read by index.
    struct Row {
        fileprivate let statement: OpaquePointer

        func int(_ column: Int32) -> Int? {
            sqlite_nio_sqlite3_column_type(statement, column) == SQLITE_NULL
                ? nil : Int(sqlite_nio_sqlite3_column_int64(statement, column))
        }

        func text(_ column: Int32) -> String? {
            guard let pointer = sqlite_nio_sqlite3_column_text(statement, column) else { return nil }
            return String(cString: pointer)
        }
    }

    /// A failure reported by SQLite, with its message.
    struct Failure: Error, CustomStringConvertible {
        var code: Int32
        var message: String
        var description: String { message }
        /// The database is locked by another connection (`SQLITE_BUSY`).
        var isBusy: Bool { code & 0xFF == SQLITE_BUSY }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private let lock = NSRecursiveLock()
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    /// Opens (and creates) the database file.
    init(path: String) throws {
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX
        var opened: OpaquePointer?
        let code = sqlite_nio_sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "code \(code)"
            sqlite_nio_sqlite3_close_v2(opened)
            throw Failure(code: code, message: "cannot open \(path): \(message)")
        }
        handle = opened
    }

    deinit { close() }

    /// Finalises every statement and closes the connection; later calls do nothing.
    func close() {
        lock.withLock {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
            statements = [:]
            if let handle { sqlite_nio_sqlite3_close_v2(handle) }
            handle = nil
        }
    }

    /// Runs one or more statements without parameters or results (schema, pragmas, transactions).
    func script(_ sql: String) throws {
        try lock.withLock {
            var message: UnsafeMutablePointer<CChar>?
            let code = sqlite_nio_sqlite3_exec(handle, sql, nil, nil, &message)
            guard code == SQLITE_OK else {
                let text = message.map { String(cString: $0) } ?? "code \(code)"
                sqlite_nio_sqlite3_free(message)
                throw Failure(code: code, message: text)
            }
        }
    }

    /// Runs a statement and returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ values: [Value] = []) throws -> Int {
        try lock.withLock {
            let statement = try prepared(sql, values)
            defer { sqlite_nio_sqlite3_reset(statement) }
            let code = sqlite_nio_sqlite3_step(statement)
            guard code == SQLITE_DONE || code == SQLITE_ROW else { throw failure(code) }
            return Int(sqlite_nio_sqlite3_changes(handle))
        }
    }

    /// Runs a query and hands every row to `body`.
    func query(_ sql: String, _ values: [Value] = [], _ body: (Row) throws -> Void) throws {
        try lock.withLock {
            let statement = try prepared(sql, values)
            defer { sqlite_nio_sqlite3_reset(statement) }
            while true {
                let code = sqlite_nio_sqlite3_step(statement)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else { throw failure(code) }
                try body(Row(statement: statement))
            }
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE … COMMIT` transaction, rolled back if it throws. The lock is held
    /// throughout, so no other thread's statement lands inside the transaction.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try lock.withLock {
            try script("BEGIN IMMEDIATE")
            do {
                let result = try body()
                try script("COMMIT")
                return result
            } catch {
                try? script("ROLLBACK")
                throw error
            }
        }
    }

    private func prepared(_ sql: String, _ values: [Value]) throws -> OpaquePointer {
        guard handle != nil else { throw Failure(code: SQLITE_MISUSE, message: "the journal is closed") }
        let statement: OpaquePointer
        if let cached = statements[sql] {
            statement = cached
        } else {
            var created: OpaquePointer?
            let code = sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &created, nil)
            guard code == SQLITE_OK, let created else { throw failure(code) }
            statements[sql] = created
            statement = created
        }
        sqlite_nio_sqlite3_clear_bindings(statement)
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            let code: Int32
            switch value {
            case .int(let number): code = sqlite_nio_sqlite3_bind_int64(statement, position, number)
            case .text(let text): code = sqlite_nio_sqlite3_bind_text(statement, position, text, -1, Self.transient)
            case .null: code = sqlite_nio_sqlite3_bind_null(statement, position)
            }
            guard code == SQLITE_OK else { throw failure(code) }
        }
        return statement
    }

    private func failure(_ code: Int32) -> Failure {
        let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "code \(code)"
        return Failure(code: code, message: message)
    }
}
