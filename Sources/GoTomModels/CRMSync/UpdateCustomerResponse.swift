/// The 200 body of the CRM-sync upsert: the job and, when it already ran, its logs.
public struct UpdateCustomerResponse: Codable, Hashable, Sendable {
    /// The import job; ids can repeat after a server restart.
    public var jobId: Int?

    /// Whether the job ran before the response was sent, so the logs are final.
    public var jobAlreadyFinished: Bool?

    /// What made the job fail, if anything.
    public var errorLogs: CrmSyncErrorLogs?

    /// Warnings, such as keys that were sent but are not used.
    public var warningLogs: [String]?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - jobId: The import job; ids can repeat after a server restart.
    ///   - jobAlreadyFinished: Whether the job ran before the response was sent, so the logs are final.
    ///   - errorLogs: What made the job fail, if anything.
    ///   - warningLogs: Warnings, such as keys that were sent but are not used.
    public init(
        jobId: Int? = nil,
        jobAlreadyFinished: Bool? = nil,
        errorLogs: CrmSyncErrorLogs? = nil,
        warningLogs: [String]? = nil
    ) {
        self.jobId = jobId
        self.jobAlreadyFinished = jobAlreadyFinished
        self.errorLogs = errorLogs
        self.warningLogs = warningLogs
    }
}
