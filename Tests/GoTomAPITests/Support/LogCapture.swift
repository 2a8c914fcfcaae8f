import Foundation
import Logging

/// A log handler that keeps every record, for assertions on what the client logged.
final class LogCapture: LogHandler, @unchecked Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let lock = NSLock()
    private var stored: [Record] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var records: [Record] { lock.withLock { stored } }

    var logger: Logger { Logger(label: "gotom.api.test") { _ in self } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var flat: [String: String] = [:]
        for (key, value) in event.metadata ?? [:] { flat[key] = "\(value)" }
        let record = Record(level: event.level, message: "\(event.message)", metadata: flat)
        lock.withLock { stored.append(record) }
    }

    /// The records at `level` whose message is `message`.
    func records(_ level: Logger.Level, _ message: String) -> [Record] {
        records.filter { $0.level == level && $0.message == message }
    }
}
