extension GoTomTransportError {
    /// How ``HTTPTransport`` begins the detail of a failure to open the connection (nothing was sent).
    static let connectFailurePrefix = "cannot connect to "
    /// How ``HTTPTransport`` begins the detail of a timeout while connecting (nothing was sent).
    static let connectTimeoutPrefix = "could not connect"

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
            return detail.hasPrefix(Self.connectFailurePrefix)
        case .timedOut(let detail):
            return detail.hasPrefix(Self.connectTimeoutPrefix)
        case .connectionLost:
            return false
        }
    }
}
