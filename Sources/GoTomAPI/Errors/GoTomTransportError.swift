/// A request that did not produce an HTTP response: bad URL, connection, TLS or timeout failure.
///
/// The message never includes request headers, so it cannot leak a signature or secret.
public enum GoTomTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL or base URL could not be used.
    case invalidURL(String)
    /// The connection could not be established (refused, unreachable, DNS, proxy).
    case connectionFailed(String)
    /// The TLS handshake or certificate verification failed.
    case tlsFailed(String)
    /// The connection or the whole request took longer than allowed.
    case timedOut(String)
    /// The connection broke while the request or response was in flight.
    case connectionLost(String)
    /// A local input (file, CA certificate) could not be read.
    case localInput(String)

    /// Whether this is a network-level failure (connect, TLS, timeout, lost connection).
    public var isNetworkFailure: Bool {
        switch self {
        case .connectionFailed, .tlsFailed, .timedOut, .connectionLost: true
        case .invalidURL, .localInput: false
        }
    }

    /// A one-line description.
    public var description: String {
        switch self {
        case .invalidURL(let detail): "invalid URL: \(detail)"
        case .connectionFailed(let detail): "connection failed: \(detail)"
        case .tlsFailed(let detail): "TLS failed: \(detail)"
        case .timedOut(let detail): "timed out: \(detail)"
        case .connectionLost(let detail): "connection lost: \(detail)"
        case .localInput(let detail): detail
        }
    }
}
