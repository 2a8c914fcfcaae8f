import Foundation
import GoTomAPI
import GoTomModels
import NIOCore

extension SyncJournal {
    /// The default failures file of an input: `customers.jsonl` → `customers.failures.jsonl` beside it.
    ///
    /// - Parameter input: The input file.
    /// - Returns: The failures file's path.
    public static func failuresPath(for input: String) -> String {
        let url = URL(fileURLWithPath: input)
        let base = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(base).failures.jsonl").path
    }

    /// Writes every failed and invalid record as JSON Lines, replacing the file atomically: the record as sent (fix
    /// it and sync the file) plus a `_sync` member, which the reader ignores, with the line, goTom's reason, message
    /// and violations.
    ///
    /// - Parameters:
    ///   - path: The failures file.
    ///   - input: The input's name, recorded in each `_sync` member.
    /// - Returns: The number of records written.
    /// - Throws: ``SyncError/failuresFileUnwritable`` or ``SyncError/journalUnavailable``.
    @discardableResult
    public func writeFailures(to path: String, input: String) async throws -> Int {
        var writer: AtomicFileWriter
        do {
            writer = try AtomicFileWriter(destination: path)
        } catch let error as GoTomError {
            throw SyncError.failuresFileUnwritable(
                "cannot write the failures file \(path): \(error.detail ?? error.shortDescription)")
        }
        let decoder = JSONDecoder()
        var count = 0
        var after = 0
        do {
            while true {
                let page = try await failures(after: after, limit: 500)
                guard let last = page.last else { break }
                after = last.position
                var chunk = ""
                for record in page {
                    var sync: [String: JSONValue] = [
                        "line": .number(Decimal(record.position)), "input": .string(input),
                    ]
                    if record.isInvalid {
                        sync["reason"] = .string("invalid_input")
                        sync["message"] = .string(record.details ?? "invalid record")
                    } else if let details = record.details,
                        let fields = (try? decoder.decode(JSONValue.self, from: Data(details.utf8)))?.objectValue
                    {
                        sync.merge(fields) { _, new in new }
                    }
                    var object: [String: JSONValue] = [:]
                    if let fields = (try? decoder.decode(JSONValue.self, from: Data(record.body.utf8)))?.objectValue {
                        object = fields
                    } else {
                        sync["raw"] = .string(record.body)
                    }
                    object["_sync"] = .object(sync)
                    chunk += String(decoding: try SyncRecord.encoder.encode(JSONValue.object(object)), as: UTF8.self)
                    chunk += "\n"
                    count += 1
                }
                try writer.write(ByteBuffer(string: chunk))
            }
            try writer.commit()
        } catch let error as SyncError {
            writer.discard()
            throw error
        } catch {
            writer.discard()
            throw SyncError.failuresFileUnwritable("cannot write the failures file \(path): \(error)")
        }
        return count
    }
}
