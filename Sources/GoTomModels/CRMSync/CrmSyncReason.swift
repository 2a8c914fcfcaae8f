/// Why a CRM import request did not finish normally.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct CrmSyncReason: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: String

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The data could not be processed; see the logs.
    public static let dataError = CrmSyncReason(rawValue: "data_error")

    /// The job was not done before the response was sent; poll for its logs.
    public static let blockingTimeout = CrmSyncReason(rawValue: "blocking_timeout")

    /// The job was buried by the queue (an internal failure).
    public static let blockingBuried = CrmSyncReason(rawValue: "blocking_buried")

    /// The queue reported an internal error.
    public static let queueInternal = CrmSyncReason(rawValue: "queue_internal")

    /// The values the specs document, in spec order.
    public static let knownValues: [CrmSyncReason] = [.dataError, .blockingTimeout, .blockingBuried, .queueInternal]
}
