import GoTomAPI

/// What a ``CustomerSync`` run reports while it works.
public enum SyncEvent: Sendable {
    /// Records acknowledged so far in this round of sending, of `total`, and how many of them goTom rejected.
    case sending(done: Int, total: Int, failures: Int)
    /// A round of sending ended (a run has up to three: records put back by a follow-up are sent again).
    case sent(done: Int, total: Int, failures: Int)
    /// goTom rejected the record; it is journaled as failed with goTom's reason.
    case recordFailed(position: Int, message: String)
    /// The record got no final answer (network, 5xx, 429, cancellation); the next run sends it again.
    case recordNotDelivered(position: Int, error: GoTomError)
    /// goTom no longer knows the record's queued job (e.g. after a restart); the record is sent again.
    case jobRequeued(position: Int, jobId: Int)
}

/// Why a run stopped before every record was handled. Nothing acknowledged is lost: the next run goes on.
public enum SyncStop: Sendable {
    /// goTom refused the credentials (401) or has the CRM sync switched off (404): no record can succeed.
    case fatal(GoTomError)
    /// Requests kept failing without an answer (network, 5xx, 429) after the SDK's retries.
    case unavailable(GoTomError)
}

/// What one ``CustomerSync/run()`` did.
public struct SyncRunResult: Sendable {
    /// Records handed to goTom in this run (records sent again after an interruption included).
    public var sent = 0
    /// Why the run stopped early, or `nil` when it went through.
    public var stop: SyncStop?
    /// Set when the existing customers could not be listed: customers whose state is unknown count as updated.
    public var classificationWarning: String?

    /// A result of a run that sent nothing.
    public init() {}
}
