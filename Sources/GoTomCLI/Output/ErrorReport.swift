import GoTomAPI
import GoTomAuth
import GoTomModels

/// Prints failures on stderr: one line in the user's words, constraint violations as a table under it, a hint
/// where one helps, the details with `-v`, and one JSON object for scripts (``ErrorStyle/printsJSON``).
enum ErrorReport {
    /// Prints an SDK error and returns the exit status it maps to.
    static func print(_ error: GoTomError) -> ExitStatus {
        let style = ErrorStyle.current
        StandardStreams.diagnostic(Terminal.red(error.userMessage))
        if !error.violations.isEmpty {
            var table = TextTable(headers: ["CODE", "PROPERTY", "MESSAGE"], maxCellWidth: nil)
            for violation in error.violations {
                table.append([violation.code.rawValue, violation.propertyPath, violation.message])
            }
            StandardStreams.writeError(table.render())
        }
        for hint in hints(for: error) { StandardStreams.diagnostic(hint) }
        if style.verbose {
            let details = error.verboseDetails
            if !details.isEmpty { StandardStreams.diagnostic(Terminal.dim(details)) }
        }
        let status = exitStatus(for: error)
        if style.printsJSON { printJSON(ErrorDocument(error, exitStatus: status)) }
        return status
    }

    /// Prints a failure that is not an SDK error (a usage error, an unreadable file, a bare transport failure).
    static func print(message: String, kind: String, exitStatus: ExitStatus) -> ExitStatus {
        StandardStreams.diagnostic(Terminal.red(message))
        if ErrorStyle.current.printsJSON {
            printJSON(ErrorDocument(kind: kind, message: message, exitStatus: exitStatus))
        }
        return exitStatus
    }

    private static func printJSON(_ document: ErrorDocument) {
        guard let text = try? JSONOutput.encode(document, pretty: false) else { return }
        StandardStreams.writeError(text + "\n")
    }

    static let tlsHint = "a sandbox or private CA needs --cacert FILE (or GOTOM_CACERT); gotom doctor checks TLS"

    /// What to do next, one line each.
    static func hints(for error: GoTomError) -> [String] {
        var hints: [String] = []
        if error == .unauthorized, let verification = error.verificationError {
            switch verification {
            case .signatureMismatch:
                hints.append(
                    "the secret, the body or the URI differs from what the server checked; "
                        + "compare with gotom sign --explain")
            case .requestTooOld, .requestInFuture:
                hints.append(
                    "goTom accepts a request date at most 30 minutes from its clock; check this machine's clock "
                        + "(gotom doctor measures the offset)")
            case .unknownUser:
                hints.append("check the user and secret: gotom doctor shows where each setting comes from")
            default:
                break
            }
        }
        if let jobId = error.jobId, error == .crmJobPending {
            hints.append("CRM job \(jobId) is still running; check it with: gotom customer logs \(jobId)")
        }
        if error == .transport, error.transportError?.kind == .tlsFailed {
            hints.append(tlsHint)
        }
        return hints
    }

    /// The documented exit status for an SDK error.
    static func exitStatus(for error: GoTomError) -> ExitStatus {
        if error == .transport { return error.transportError.map(ExitStatus.forTransportError) ?? .network }
        if error == .invalidRequest { return .usage }
        if error == .fileSystem || error == .invalidConfiguration { return .failure }
        if error == .cancelled { return .interrupted }
        // A response that started well but broke off (e.g. a download cut short) is no HTTP error.
        if error == .unexpectedResponse, (error.status ?? 0) < 400 { return .failure }
        if let status = error.status, status >= 400 { return ExitStatus.forHTTPStatus(status) }
        return error == .serverError ? .serverError : .clientError
    }
}

/// The JSON object a failure prints on stderr for scripts; every key is always present (null when unknown).
///
/// `{"attempts":1,"exitCode":4,"kind":"notFound","message":"Not Found","operation":"campaigns.get",
/// "requestId":null,"status":404,"summary":"campaign 1 not found (HTTP 404)","violations":[]}`
struct ErrorDocument: Encodable {
    struct Violation: Encodable {
        var code: String
        var propertyPath: String
        var message: String
    }

    var kind: String
    var status: Int?
    var operation: String?
    var message: String?
    var violations: [Violation] = []
    var requestId: String?
    var attempts: Int?
    var summary: String
    var exitCode: Int32

    init(_ error: GoTomError, exitStatus: ExitStatus) {
        kind = error.name
        status = error.status
        operation = error.operation
        message = error.serverMessage ?? error.transportError.map(GoTomError.describe) ?? error.detail
        violations = error.violations.map {
            Violation(code: $0.code.rawValue, propertyPath: $0.propertyPath, message: $0.message)
        }
        requestId = error.requestId
        attempts = error.attempts > 0 ? error.attempts : nil
        summary = error.userMessage
        exitCode = exitStatus.rawValue
    }

    init(kind: String, message: String, exitStatus: ExitStatus) {
        self.kind = kind
        self.message = message
        self.summary = message
        self.exitCode = exitStatus.rawValue
    }

    private enum CodingKeys: String, CodingKey {
        case kind, status, operation, message, violations, requestId, attempts, summary, exitCode
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(status, forKey: .status)
        try container.encode(operation, forKey: .operation)
        try container.encode(message, forKey: .message)
        try container.encode(violations, forKey: .violations)
        try container.encode(requestId, forKey: .requestId)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(summary, forKey: .summary)
        try container.encode(exitCode, forKey: .exitCode)
    }
}
