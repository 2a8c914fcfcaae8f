import Foundation

/// How failures are reported on stderr, decided while the arguments are parsed.
///
/// Failures are printed by ``ParsableCommand/reportingFailures(_:)``, which has no access to a command's options;
/// the option groups record what they parsed here instead (in `validate()`, which ArgumentParser calls once
/// per parse). `GOTOM_ERRORS=json` asks for JSON errors whatever the output format.
final class ErrorStyle: @unchecked Sendable {
    private let lock = NSLock()
    private var verboseValue = false
    private var quietValue = false
    private var jsonOutputValue = false

    /// The settings of this process.
    static let current = ErrorStyle()

    /// Whether `-v` was given: errors add operation, request id and attempts.
    var verbose: Bool {
        get { locked { verboseValue } }
        set { locked { verboseValue = newValue } }
    }

    /// Whether `-q` was given: warnings (retries, clock skew) are not printed.
    var quiet: Bool {
        get { locked { quietValue } }
        set { locked { quietValue = newValue } }
    }

    /// Whether `--output json` or `--output jsonl` was given.
    var jsonOutput: Bool {
        get { locked { jsonOutputValue } }
        set { locked { jsonOutputValue = newValue } }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Whether a failure also prints one JSON object on stderr: with JSON output or `GOTOM_ERRORS=json`.
    var printsJSON: Bool {
        jsonOutput || ProcessEnvironment.current()["GOTOM_ERRORS"]?.lowercased() == "json"
    }
}
