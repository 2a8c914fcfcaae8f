import Foundation

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
