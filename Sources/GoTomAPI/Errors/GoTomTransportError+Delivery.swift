extension GoTomTransportError {
    /// Whether the failure happened before any byte of the request could reach goTom.
    ///
    /// Only then is it safe to send a create again without the caller's consent: a refused or unreachable
    /// connection, a connect timeout or a failed TLS handshake. A connection lost or a timeout after
    /// connecting may have delivered the request, so those count as possibly delivered.
    package var requestCannotHaveBeenDelivered: Bool {
        switch self {
        case .invalidURL, .localInput, .tlsFailed:
            return true
        case .connectionFailed(let detail):
            // `HTTPTransport.classify` words connect failures (NIOConnectionError) this way; other
            // connection failures (e.g. a reset socket) may come after the request was written.
            return detail.hasPrefix("cannot connect to ")
        case .timedOut(let detail):
            return detail == "could not connect in time"
        case .connectionLost:
            return false
        }
    }
}
