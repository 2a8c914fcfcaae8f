import Foundation
import GoTomAPI

/// Prints the SDK's request events on stderr: request and response lines with `-v`, retries and clock corrections
/// always (unless `-q`).
///
/// Events carry the Authorization header only in redacted form, and no body; nothing secret reaches stderr.
struct RequestEventPrinter: Sendable {
    let verbose: Bool
    let quiet: Bool

    /// The observer to put into a client configuration.
    var observer: @Sendable (RequestEvent) -> Void {
        { event in
            if let line = line(for: event) { StandardStreams.diagnostic(line) }
        }
    }

    /// The line for an event, or `nil` when this verbosity shows none.
    func line(for event: RequestEvent) -> String? {
        switch event {
        case .attemptSent(let sent):
            guard verbose else { return nil }
            return "> \(sent.method) \(sent.requestURI)" + (sent.attempt == 1 ? "" : " (attempt \(sent.attempt))")
        case .responseReceived(let response):
            guard verbose else { return nil }
            return "< \(response.status)" + (response.requestId.map { " request-id \($0)" } ?? "")
        case .attemptFailed(let failure):
            guard verbose else { return nil }
            return "< no response (\(failure.error.stage)): " + GoTomError.describe(failure.error)
        case .retryScheduled(let retry):
            guard !quiet else { return nil }
            let seconds = Double(retry.delay.components.seconds) + Double(retry.delay.components.attoseconds) / 1e18
            // "connection failed: cannot connect to …" says the same thing twice.
            return "retrying in \(Self.seconds(seconds)) (attempt \(retry.nextAttempt)): "
                + GoTomError.plainTransportText(retry.reason)
        case .clockCorrected(let correction):
            guard !quiet else { return nil }
            return "goTom rejected the request date; signing again with its clock "
                + "(goTom's clock is \(correction.offsetSeconds) s ahead of this machine's)"
        }
    }

    private static func seconds(_ value: Double) -> String {
        value >= 10 || value == value.rounded() ? "\(Int(value.rounded())) s" : String(format: "%.1f s", value)
    }
}
