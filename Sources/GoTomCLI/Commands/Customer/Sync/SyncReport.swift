import Foundation
import GoTomAPI
import GoTomModels
import NIOCore

/// The end-of-run summary: counts over the whole input, earlier runs included.
struct SyncSummary: Encodable {
    var input: String
    var journal: String
    var records: Int
    var created: Int
    var updated: Int
    var failed: Int
    var pending: Int
    /// Records handed to goTom in this run (records re-sent after an interruption included).
    var sentThisRun: Int
    var seconds: Double
    /// The failures file, when there were failures.
    var failuresFile: String?

    /// Lines for stderr.
    var text: String {
        let rate = seconds > 0 ? Double(sentThisRun) / seconds : 0
        var lines = ["\(Terminal.bold(input)): \(records) records"]
        func row(_ label: String, _ value: Int, _ note: String = "") -> String {
            let number = String(repeating: " ", count: max(0, 7 - String(value).count)) + String(value)
            return "  \(label.padding(toLength: 8, withPad: " ", startingAt: 0))\(number)\(note)"
        }
        lines.append(row("created", created))
        lines.append(row("updated", updated))
        let failedNote = failuresFile.map { "  → \($0)" } ?? ""
        lines.append(failed > 0 ? Terminal.red(row("failed", failed, failedNote)) : row("failed", failed))
        lines.append(row("pending", pending, pending > 0 ? "  (run the same command again to finish)" : ""))
        lines.append(String(format: "sent %d in %.1f s (%.0f/s); journal %@", sentThisRun, seconds, rate, journal))
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Writes the failures file: one JSON object per failed record, the record as sent (fix it and feed the file back
/// to `gotom customer sync`) plus a `_sync` member that the sync ignores on input.
enum SyncFailuresFile {
    /// The default failures file of an input: `customers.jsonl` → `customers.failures.jsonl`.
    static func defaultPath(for input: String) -> String {
        let url = URL(fileURLWithPath: input)
        let base = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(base).failures.jsonl").path
    }

    /// Writes every failed and invalid record of the journal, replacing the file atomically.
    ///
    /// - Returns: The number of records written.
    static func write(from journal: SyncJournal, to path: String, input: String) throws -> Int {
        var writer: AtomicFileWriter
        do {
            writer = try AtomicFileWriter(destination: path)
        } catch let error as GoTomError {
            throw CLIError("cannot write the failures file \(path): \(error.shortDescription)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let decoder = JSONDecoder()
        var count = 0
        var afterLine = 0
        do {
            while true {
                let page = try journal.failed(after: afterLine, limit: 500)
                guard let last = page.last else { break }
                afterLine = last.line
                var chunk = ""
                for record in page {
                    var sync: [String: JSONValue] = ["line": .number(Decimal(record.line)), "input": .string(input)]
                    if record.state == .invalid {
                        sync["reason"] = .string("invalid_input")
                        sync["message"] = .string(record.error ?? "invalid record")
                    } else if let error = record.error,
                        let details = try? decoder.decode(JSONValue.self, from: Data(error.utf8)),
                        let fields = details.objectValue
                    {
                        sync.merge(fields) { _, new in new }
                    }
                    var object: [String: JSONValue] = [:]
                    if let parsed = try? decoder.decode(JSONValue.self, from: Data(record.body.utf8)),
                        let fields = parsed.objectValue
                    {
                        object = fields
                    } else {
                        sync["raw"] = .string(record.body)
                    }
                    object["_sync"] = .object(sync)
                    chunk += String(decoding: try encoder.encode(JSONValue.object(object)), as: UTF8.self) + "\n"
                    count += 1
                }
                try writer.write(ByteBuffer(string: chunk))
            }
            try writer.commit()
        } catch {
            writer.discard()
            throw CLIError("cannot write the failures file \(path): \(error)")
        }
        return count
    }
}
