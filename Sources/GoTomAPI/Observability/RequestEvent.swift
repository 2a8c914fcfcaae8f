import GoTomAuth

/// Something that happened while the client carried out an operation, for ``GoTomClient/Configuration/observer``.
///
/// Events are data: tools such as `gotom -v` render them instead of reading log lines, so log messages may change
/// without breaking anyone. No event contains a secret or a signature.
public enum RequestEvent: Sendable {
    /// An attempt was signed and handed to the transport.
    case attemptSent(AttemptSent)
    /// A response head arrived for an attempt.
    case responseReceived(ResponseReceived)
    /// An attempt failed without a response.
    case attemptFailed(AttemptFailed)
    /// The client will send the operation again after a wait.
    case retryScheduled(RetryScheduled)
    /// goTom rejected the request date; the client measured goTom's clock and signs with it from now on.
    case clockCorrected(ClockCorrected)

    /// An attempt that was signed and sent.
    public struct AttemptSent: Sendable {
        /// The operation, e.g. `campaigns.get`.
        public var operation: String
        /// The HTTP method.
        public var method: String
        /// The request target.
        public var requestURI: String
        /// The attempt number, from 1.
        public var attempt: Int
        /// The `Date` header it was signed with.
        public var date: String
        /// The `Authorization` header with its signature masked.
        public var redactedAuthorization: String
    }

    /// A response to an attempt.
    public struct ResponseReceived: Sendable {
        /// The operation.
        public var operation: String
        /// The HTTP method.
        public var method: String
        /// The request target.
        public var requestURI: String
        /// The attempt number, from 1.
        public var attempt: Int
        /// The status code.
        public var status: Int
        /// goTom's `X-Request-Id`, when sent.
        public var requestId: String?
        /// The time from handing the attempt to the transport until the response head arrived.
        public var duration: Duration
    }

    /// An attempt without a response.
    public struct AttemptFailed: Sendable {
        /// The operation.
        public var operation: String
        /// The attempt number, from 1.
        public var attempt: Int
        /// What went wrong, and at which stage.
        public var error: GoTomTransportError
    }

    /// A retry that will follow.
    public struct RetryScheduled: Sendable {
        /// The operation.
        public var operation: String
        /// The number of the attempt that follows the wait.
        public var nextAttempt: Int
        /// The wait before it.
        public var delay: Duration
        /// Why: the status (`HTTP 503`) or the transport failure, in words.
        public var reason: String
    }

    /// A clock correction.
    public struct ClockCorrected: Sendable {
        /// The operation whose attempt was rejected.
        public var operation: String
        /// goTom's clock minus the local clock, in seconds, now used for signing.
        public var offsetSeconds: Int64
        /// The offset used before.
        public var previousOffsetSeconds: Int64
    }
}
