/// The 400 body of the CRM-sync upsert.
///
/// Flattened from the spec's inline `allOf` of `UpdateCustomerResponse` with `error` and `reason`.
public struct UpdateCustomerErrorResponse: Codable, Hashable, Sendable {
    /// The import job, if one was created.
    public var jobId: Int?

    /// Whether the job ran before the response was sent.
    public var jobAlreadyFinished: Bool?

    /// What made the job fail, if anything.
    public var errorLogs: CrmSyncErrorLogs?

    /// Warnings, such as keys that were sent but are not used.
    public var warningLogs: [String]?

    /// Set when the body itself was unusable (missing, not JSON, no customer).
    public var error: ErrorMessage?

    /// Why the request failed.
    public var reason: CrmSyncReason?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - jobId: The import job, if one was created.
    ///   - jobAlreadyFinished: Whether the job ran before the response was sent.
    ///   - errorLogs: What made the job fail, if anything.
    ///   - warningLogs: Warnings, such as keys that were sent but are not used.
    ///   - error: Set when the body itself was unusable (missing, not JSON, no customer).
    ///   - reason: Why the request failed.
    public init(
        jobId: Int? = nil,
        jobAlreadyFinished: Bool? = nil,
        errorLogs: CrmSyncErrorLogs? = nil,
        warningLogs: [String]? = nil,
        error: ErrorMessage? = nil,
        reason: CrmSyncReason? = nil
    ) {
        self.jobId = jobId
        self.jobAlreadyFinished = jobAlreadyFinished
        self.errorLogs = errorLogs
        self.warningLogs = warningLogs
        self.error = error
        self.reason = reason
    }
}
