import GoTomAPI

/// A failure that ends a command with one line on stderr and a documented exit code.
package struct CLIError: Error, CustomStringConvertible {
    var message: String
    var exitCode: ExitStatus

    package init(_ message: String, exitCode: ExitStatus = .failure) {
        self.message = message
        self.exitCode = exitCode
    }

    static func usage(_ message: String) -> CLIError { CLIError(message, exitCode: .usage) }

    package var description: String { message }
}

/// The exit codes of `gotom`, mapped in one place.
///
/// | code | meaning |
/// |---|---|
/// | 0 | success, or an HTTP response with status 1xx–3xx |
/// | 1 | any other failure (bad config, unreadable file, …) |
/// | 4 | HTTP 4xx response |
/// | 5 | HTTP 5xx response |
/// | 6 | network, TLS or timeout failure: no HTTP response |
/// | 64 | usage error |
/// | 75 | accepted but not finished: a queued CRM job; run again or follow it up later |
/// | 130 | interrupted |
/// | 141 | the reader of stdout went away (`gotom … \| head`) |
package enum ExitStatus: Int32 {
    case success = 0
    case failure = 1
    case clientError = 4
    case serverError = 5
    case network = 6
    case usage = 64
    case pending = 75
    case interrupted = 130
    case outputClosed = 141

    /// The exit status for an HTTP status code.
    static func forHTTPStatus(_ status: Int) -> ExitStatus {
        switch status {
        case 400..<500: .clientError
        case 500...: .serverError
        default: .success
        }
    }

    /// The exit status for a transport failure.
    static func forTransportError(_ error: GoTomTransportError) -> ExitStatus {
        switch error.kind {
        case .invalidURL: .usage
        case .localInput: .failure
        case .connectionFailed, .tlsFailed, .timedOut, .connectionLost: .network
        }
    }
}
