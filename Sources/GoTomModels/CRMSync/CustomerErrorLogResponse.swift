/// The state and logs of a CRM import job.
public struct CustomerErrorLogResponse: Codable, Hashable, Sendable {
    /// Where the job stands; `.noJobFound` comes with a 404.
    public var jobStatus: CrmJobStatus?

    /// The job id you asked about.
    public var sentJobId: Int?

    /// What made the job fail, if anything.
    public var errorLogs: CrmSyncErrorLogs?

    /// Warnings, such as keys that were sent but are not used.
    public var warningLogs: [String]?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - jobStatus: Where the job stands; `.noJobFound` comes with a 404.
    ///   - sentJobId: The job id you asked about.
    ///   - errorLogs: What made the job fail, if anything.
    ///   - warningLogs: Warnings, such as keys that were sent but are not used.
    public init(
        jobStatus: CrmJobStatus? = nil,
        sentJobId: Int? = nil,
        errorLogs: CrmSyncErrorLogs? = nil,
        warningLogs: [String]? = nil
    ) {
        self.jobStatus = jobStatus
        self.sentJobId = sentJobId
        self.errorLogs = errorLogs
        self.warningLogs = warningLogs
    }
}
