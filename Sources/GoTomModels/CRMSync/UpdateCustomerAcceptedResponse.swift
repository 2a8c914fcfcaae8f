/// The 202 body of the CRM-sync upsert: the job is queued and runs later.
///
/// The spec gives this body examples but no types; the types here follow those examples.
public struct UpdateCustomerAcceptedResponse: Codable, Hashable, Sendable {
    /// The import job; poll its logs with this id.
    public var jobId: Int?

    /// Always `false` for this body.
    public var jobAlreadyFinished: Bool?

    /// Why the job is not done yet, normally `.blockingTimeout`.
    public var reason: CrmSyncReason?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - jobId: The import job; poll its logs with this id.
    ///   - jobAlreadyFinished: Always `false` for this body.
    ///   - reason: Why the job is not done yet, normally `.blockingTimeout`.
    public init(jobId: Int? = nil, jobAlreadyFinished: Bool? = nil, reason: CrmSyncReason? = nil) {
        self.jobId = jobId
        self.jobAlreadyFinished = jobAlreadyFinished
        self.reason = reason
    }
}
