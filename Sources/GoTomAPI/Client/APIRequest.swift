import GoTomModels

/// One call of an operation, before it is signed: what to send and how failures may be handled.
struct APIRequest: Sendable {
    /// Whether sending the request twice has the same effect as sending it once.
    enum Repeatability: Sendable, Hashable {
        /// Reads, deletes and updates that set absolute values: safe to send again.
        case idempotent
        /// Creates and triggers: sent again only when it cannot have reached goTom, or when the caller opts in.
        case notIdempotent
    }

    /// The operation name used in logs and errors, e.g. `campaigns.create`.
    var operation: String
    /// The API whose credentials sign the request.
    var group: APIGroup
    /// The HTTP method.
    var method: String
    /// The percent-encoded path and query, signed and sent byte for byte.
    var requestURI: String
    /// The JSON body bytes, encoded once.
    var body: [UInt8]?
    /// Whether the request may be repeated after an uncertain failure.
    var repeatability: Repeatability
    /// Violation codes meaning "this externalId exists"; a re-sent create that gets one reports
    /// ``GoTomError/externalIdAlreadyInUse``.
    var duplicateCodes: Set<ViolationCode> = []
    /// Whether 400 answers are CRM-sync job failures rather than constraint violations.
    var isCRMSync = false

    /// `METHOD /path?query`, safe to log and to put into errors.
    var summary: String { "\(method) \(requestURI)" }
}
