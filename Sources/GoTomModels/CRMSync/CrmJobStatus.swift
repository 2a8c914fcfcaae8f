/// Where a CRM import job stands in goTom's queue.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct CrmJobStatus: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: String

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// No job has this id.
    public static let noJobFound = CrmJobStatus(rawValue: "NO_JOB_FOUND")

    /// The job has not been processed yet.
    public static let waiting = CrmJobStatus(rawValue: "JOB_STATUS_WAITING")

    /// The job ran without errors.
    public static let finishedOk = CrmJobStatus(rawValue: "JOB_STATUS_FINISHED_OK")

    /// The job ran and reported errors.
    public static let finishedError = CrmJobStatus(rawValue: "JOB_STATUS_FINISHED_ERROR")

    /// The values the specs document, in spec order.
    public static let knownValues: [CrmJobStatus] = [.noJobFound, .waiting, .finishedOk, .finishedError]
}
