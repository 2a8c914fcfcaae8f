import GoTomAPI
import GoTomAuth
import GoTomModels

/// Prints a ``GoTomError`` on stderr: one summary line, constraint violations as a table, and the exit status.
enum ErrorReport {
    static func print(_ error: GoTomError) -> ExitStatus {
        StandardStreams.diagnostic(Terminal.red("error") + ": " + error.shortDescription)
        if !error.violations.isEmpty {
            var table = TextTable(headers: ["CODE", "PROPERTY", "MESSAGE"], maxCellWidth: nil)
            for violation in error.violations {
                table.append([violation.code.rawValue, violation.propertyPath, violation.message])
            }
            StandardStreams.writeError(table.render())
        }
        if error == .unauthorized, let verification = error.verificationError, verification == .signatureMismatch {
            StandardStreams.diagnostic(
                "the secret, the body or the URI differs from what the server checked; compare with gotom sign --explain")
        }
        if let jobId = error.jobId, error == .crmJobPending {
            StandardStreams.diagnostic("CRM job \(jobId) is still running; check it with: gotom customer logs \(jobId)")
        }
        return exitStatus(for: error)
    }

    /// The documented exit status for an SDK error.
    static func exitStatus(for error: GoTomError) -> ExitStatus {
        if error == .transport { return error.transportError.map(ExitStatus.forTransportError) ?? .network }
        if error == .invalidRequest { return .usage }
        if error == .fileSystem { return .failure }
        if error == .cancelled { return .interrupted }
        // A response that started well but broke off (e.g. a download cut short) is no HTTP error.
        if error == .unexpectedResponse, (error.status ?? 0) < 400 { return .failure }
        if let status = error.status, status >= 400 { return ExitStatus.forHTTPStatus(status) }
        return error == .serverError ? .serverError : .clientError
    }
}
