import GoTomAuth

/// One signed attempt of an operation, as a ``GoTomMiddleware`` sees it: read-only.
public struct SignedAttempt: Sendable {
    /// The operation, e.g. `campaigns.create`.
    public let operation: String
    /// The API group whose credentials signed it.
    public let group: APIGroup
    /// The attempt number, from 1; a retry or the clock-skew correction sends another, signed afresh.
    public let number: Int
    /// The request exactly as it goes to the transport.
    public let request: OutgoingRequest
    /// The authentication headers and the message they sign. Log ``SignedHeaders/authorization``'s
    /// `redactedValue`, never the header itself.
    public let signed: SignedHeaders
}

/// Code that runs around every signed attempt, between signing and the transport.
///
/// A middleware may observe an attempt, time it, or short-circuit it by returning a response of its own without
/// calling `next` (a cache, a circuit breaker). It cannot change what was signed: it gets the attempt read-only
/// and `next` takes no request, so the transport always sends the signed bytes. Its response goes through the
/// client's normal handling (status checks, retries). An error it throws that is not a ``GoTomTransportError``
/// counts as a lost connection after the request may have been delivered.
///
/// Middlewares run in the order of ``GoTomClient/Configuration/middlewares``, the first outermost.
public protocol GoTomMiddleware: Sendable {
    /// Handles one attempt.
    ///
    /// - Parameters:
    ///   - attempt: The signed attempt.
    ///   - next: Sends the attempt on to the next middleware or the transport.
    /// - Returns: The response.
    /// - Throws: ``GoTomTransportError`` for a network failure, or any error to fail the attempt.
    func intercept(
        _ attempt: SignedAttempt, next: @Sendable () async throws -> RawResponse
    ) async throws -> RawResponse
}
