import Foundation
import GoTomAPI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Colour and live status lines on stderr, only when stderr is a terminal and `NO_COLOR` is unset.
enum Terminal {
    /// Whether ANSI colour may be used on stderr (https://no-color.org); decided once per process, not for every
    /// coloured piece of text (the progress bar redraws ten times a second).
    static let colorEnabled: Bool = {
        let environment = ProcessEnvironment.current()
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return StandardStreams.stderrIsTerminal
    }()

    static func red(_ text: String) -> String { colorEnabled ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
    static func bold(_ text: String) -> String { colorEnabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    static func dim(_ text: String) -> String { colorEnabled ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

/// One live line on stderr (`\r`-redrawn at most ten times a second) showing a count or byte total, the rate,
/// the ETA and, when given, failures. Draws nothing when disabled (not a terminal, or `--quiet`).
final class ProgressBar: @unchecked Sendable {
    /// What is counted.
    enum Unit {
        case items(String)
        case bytes
    }

    private let lock = NSLock()
    private let enabled: Bool
    private let unit: Unit
    private let started = ContinuousClock.now
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private var drewSomething = false

    init(enabled: Bool, unit: Unit) {
        self.enabled = enabled
        self.unit = unit
    }

    /// Redraws the line if 100 ms have passed since the last draw (or `force`).
    func update(done: Int64, total: Int64?, failures: Int = 0, force: Bool = false) {
        guard enabled else { return }
        lock.withLock {
            let now = ContinuousClock.now
            guard force || now - lastDraw >= .milliseconds(100) else { return }
            lastDraw = now
            drewSomething = true
            StandardStreams.writeError("\r\u{1B}[K" + line(done: done, total: total, failures: failures, now: now))
        }
    }

    /// Ends the live line so that following output starts on a fresh line.
    func finish() {
        guard enabled else { return }
        lock.withLock {
            if drewSomething { StandardStreams.writeError("\n") }
            drewSomething = false
        }
    }

    private func line(done: Int64, total: Int64?, failures: Int, now: ContinuousClock.Instant) -> String {
        let elapsed = max((now - started).seconds, 0.001)
        let rate = Double(done) / elapsed
        var parts: [String] = []
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let width = 24
            let filled = Int(fraction * Double(width))
            parts.append(
                "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                    + "] " + String(Int(fraction * 100)) + "%")
            parts.append("\(format(done)) / \(format(total))")
        } else {
            parts.append(format(done))
        }
        parts.append(formatRate(rate))
        if let total, rate > 0, total > done {
            parts.append("ETA " + Self.duration(Double(total - done) / rate))
        }
        if failures > 0 { parts.append(Terminal.red("\(failures) failed")) }
        return parts.joined(separator: "  ")
    }

    private func format(_ value: Int64) -> String {
        switch unit {
        case .items(let noun): "\(value) \(noun)"
        case .bytes: Self.bytes(Double(value))
        }
    }

    private func formatRate(_ rate: Double) -> String {
        switch unit {
        case .items: String(format: "%.0f/s", rate)
        case .bytes: Self.bytes(rate) + "/s"
        }
    }

    /// A byte count such as `12.3 MiB`.
    static func bytes(_ value: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var amount = value
        var index = 0
        while amount >= 1024 && index < units.count - 1 {
            amount /= 1024
            index += 1
        }
        return index == 0 ? "\(Int(amount)) B" : String(format: "%.1f %@", amount, units[index])
    }

    /// A duration such as `1m05s`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 60 ? String(format: "%dm%02ds", total / 60, total % 60) : "\(total)s"
    }
}
