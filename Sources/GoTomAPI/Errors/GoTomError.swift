import GoTomAuth
import GoTomModels

/// Why a ``GoTomClient`` operation failed.
///
/// One error type for every operation: operations are declared `throws` and throw nothing else. It wraps a private
/// code and is equal to another error when the codes match, so callers can match the static members and then read
/// the details they need:
///
/// ```swift
/// do {
///     try await client.campaigns.create(campaign)
/// } catch let error as GoTomError where error.hasViolation(.externalIdAlreadyUsed) {
///     print(error.violations)             // the externalId is taken
/// } catch GoTomError.externalIdAlreadyInUse {
///     // a re-sent create found the campaign its first attempt already made
/// } catch let error as GoTomError {
///     logger.error("\(error.shortDescription)")
/// }
/// ```
///
/// Operations use untyped `throws` on purpose: Swift 6.3 crashes or hangs while compiling a caller's
/// `catch let error where <test of error> { <use of error> }` when the error comes through typed throws
/// (`Tests/Fixtures/TypedThrowsCatchCrash`).
///
/// API failures keep the status, goTom's message, the `Date` and request-id headers and a body excerpt of at
/// most 1 KiB. No error ever contains the secret, a signature or any request header.
public struct GoTomError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
        case unauthorized
        case notFound
        case constraintViolations
        case externalIdAlreadyInUse
        case crmJobPending
        case crmDataError
        case rejected
        case serverError
        case transport
        case unexpectedResponse
        case invalidRequest
        case invalidConfiguration
        case fileSystem
        case cancelled
    }

    private var code: Code

    /// The operation that failed, e.g. `campaigns.create`.
    public internal(set) var operation: String?
    /// The method and request target, e.g. `POST /app-api/campaign`; never headers or body.
    public internal(set) var request: String?
    /// How many times the request was sent (retries and the clock-skew retry included).
    public internal(set) var attempts: Int = 0
    /// The HTTP status, when a response arrived.
    public internal(set) var status: Int?
    /// goTom's message: the 401 text, a problem's `detail`, an `error.msg`, a `message` member.
    public internal(set) var serverMessage: String?
    /// The response's `Date` header, when present.
    public internal(set) var dateHeader: String?
    /// The response's `X-Request-Id` header, when present.
    public internal(set) var requestId: String?
    /// The start of the response body as text, at most 1 KiB.
    public internal(set) var bodyExcerpt: String?
    /// For ``unauthorized``: the authentication failure, when goTom's message is one of the known ones.
    public internal(set) var verificationError: VerificationError?
    /// For ``notFound`` and others: the problem document goTom sent, if it sent one.
    public internal(set) var problem: ProblemDetails?
    /// For ``constraintViolations`` and ``externalIdAlreadyInUse``: every violation goTom listed.
    public internal(set) var violations: [ConstraintViolation] = []
    /// For ``crmJobPending`` and ``crmDataError``: the CRM-sync job id, when goTom assigned one.
    public internal(set) var jobId: Int?
    /// For ``crmJobPending`` and ``crmDataError``: goTom's reason, e.g. `blocking_timeout` or `data_error`.
    public internal(set) var crmReason: CrmSyncReason?
    /// For ``transport``: the connection, TLS or timeout failure.
    public internal(set) var transportError: GoTomTransportError?
    /// A local explanation for ``invalidRequest``, ``invalidConfiguration``, ``fileSystem`` and
    /// ``unexpectedResponse``.
    public internal(set) var detail: String?

    private init(_ code: Code) { self.code = code }

    /// goTom rejected the authentication (401); see ``serverMessage`` and ``verificationError``.
    public static let unauthorized = GoTomError(.unauthorized)
    /// An entity named in the path does not exist (404); see ``problem`` or ``bodyExcerpt``.
    public static let notFound = GoTomError(.notFound)
    /// goTom listed broken rules (400, or 501 for the sum-up discount strategy); see ``violations``.
    public static let constraintViolations = GoTomError(.constraintViolations)
    /// A create that was sent again after an uncertain failure found its externalId taken: most likely the
    /// first attempt created the entity. See ``violations``.
    public static let externalIdAlreadyInUse = GoTomError(.externalIdAlreadyInUse)
    /// The CRM-sync upsert was queued (202) and not applied yet; poll ``jobId`` with `customers.errorLogs`.
    public static let crmJobPending = GoTomError(.crmJobPending)
    /// The CRM-sync upsert failed (400); see ``crmReason``, ``serverMessage`` and ``jobId``.
    public static let crmDataError = GoTomError(.crmDataError)
    /// goTom refused the request for another reason (e.g. 422 unknown entity, 405, 413, 429); see ``status``.
    public static let rejected = GoTomError(.rejected)
    /// goTom failed (5xx); see ``status`` and ``serverMessage``.
    public static let serverError = GoTomError(.serverError)
    /// No response arrived: connection, TLS or timeout failure; see ``transportError``.
    public static let transport = GoTomError(.transport)
    /// A response the SDK cannot interpret (unexpected status, undecodable or truncated body).
    public static let unexpectedResponse = GoTomError(.unexpectedResponse)
    /// The request could not be built (bad base URL, unencodable body, unreadable CA file).
    public static let invalidRequest = GoTomError(.invalidRequest)
    /// The settings could not be resolved: an unreadable or malformed profiles file, a secret in a file others can
    /// read, a failing `secret_command`, missing credentials or base URL; see ``detail``.
    public static let invalidConfiguration = GoTomError(.invalidConfiguration)
    /// A download could not be written to disk.
    public static let fileSystem = GoTomError(.fileSystem)
    /// The task was cancelled; nothing was left half-written.
    public static let cancelled = GoTomError(.cancelled)

    /// Whether two errors have the same code; details are not compared.
    ///
    /// - Parameters:
    ///   - lhs: An error.
    ///   - rhs: Another error.
    /// - Returns: `true` when both have the same code.
    public static func == (lhs: GoTomError, rhs: GoTomError) -> Bool { lhs.code == rhs.code }

    /// Whether goTom listed a violation with this code.
    ///
    /// - Parameter violationCode: The code to look for.
    /// - Returns: `true` when one of ``violations`` has it.
    public func hasViolation(_ violationCode: ViolationCode) -> Bool {
        violations.contains { $0.code == violationCode }
    }

    /// The code's name, e.g. `notFound`.
    public var name: String { code.rawValue }

    /// A one-line summary for logs and exit messages, at most about 200 characters.
    public var shortDescription: String {
        var parts = [name]
        if let status { parts.append("HTTP \(status)") }
        if let operation { parts.append(operation) }
        if let text = summaryText { parts.append(Self.truncate(text, to: 140)) }
        return parts.joined(separator: " · ")
    }

    /// A readable description: the summary, then the request, violations and body excerpt.
    public var description: String {
        var lines = [shortDescription]
        if let request { lines.append("request: \(request) (\(attempts) attempt\(attempts == 1 ? "" : "s"))") }
        for violation in violations.prefix(20) { lines.append("violation: \(violation)") }
        if let requestId { lines.append("request id: \(requestId)") }
        if let dateHeader { lines.append("server date: \(dateHeader)") }
        if let bodyExcerpt, serverMessage == nil, violations.isEmpty { lines.append("body: \(bodyExcerpt)") }
        return lines.joined(separator: "\n")
    }

    private var summaryText: String? {
        if let transportError { return transportError.description }
        if let serverMessage { return serverMessage }
        if let first = violations.first { return first.description }
        return detail
    }

    static func truncate(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    /// Builds an error with the given code and local explanation.
    static func make(_ base: GoTomError, detail: String?, operation: String? = nil) -> GoTomError {
        var error = base
        error.detail = detail
        error.operation = operation
        return error
    }

    /// A transport failure.
    static func transport(_ failure: GoTomTransportError, operation: String?) -> GoTomError {
        var error = GoTomError.transport
        error.transportError = failure
        error.operation = operation
        return error
    }
}
