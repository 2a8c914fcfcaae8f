/// A request that did not produce a (complete) HTTP response: bad URL, connection, TLS or timeout failure.
///
/// Besides its ``kind`` it carries the ``stage`` the request had reached, which is what the client reads to decide
/// whether a create may be sent again. The ``detail`` is for people; no decision depends on its wording. It never
/// includes request headers, so it cannot leak a signature or secret.
public struct GoTomTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// The URL or base URL could not be used.
        case invalidURL
        /// The connection could not be established or was refused (refused, unreachable, DNS, proxy).
        case connectionFailed
        /// The TLS handshake or certificate verification failed.
        case tlsFailed
        /// Connecting, or waiting for the response, took longer than allowed.
        case timedOut
        /// The connection broke while the request or response was in flight.
        case connectionLost
        /// A local input (file, CA certificate) could not be read.
        case localInput
    }

    /// What went wrong.
    public var kind: Kind
    /// How far the request got.
    public var stage: DeliveryStage
    /// A human-readable explanation; never parsed.
    public var detail: String

    /// Creates a transport error.
    ///
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - stage: How far the request got.
    ///   - detail: An explanation for people.
    public init(_ kind: Kind, stage: DeliveryStage, detail: String) {
        self.kind = kind
        self.stage = stage
        self.detail = detail
    }

    /// A URL that cannot be used; nothing was sent.
    ///
    /// - Parameter detail: What is wrong with it.
    /// - Returns: The error.
    public static func invalidURL(_ detail: String) -> GoTomTransportError {
        GoTomTransportError(.invalidURL, stage: .preparing, detail: detail)
    }

    /// A local input that cannot be read; nothing was sent.
    ///
    /// - Parameter detail: Which input and why.
    /// - Returns: The error.
    public static func localInput(_ detail: String) -> GoTomTransportError {
        GoTomTransportError(.localInput, stage: .preparing, detail: detail)
    }

    /// Whether goTom may have received the whole request (see ``DeliveryStage/requestMayHaveBeenDelivered``).
    public var requestMayHaveBeenDelivered: Bool { stage.requestMayHaveBeenDelivered }

    /// Whether this is a network-level failure (connect, TLS, timeout, lost connection).
    public var isNetworkFailure: Bool {
        switch kind {
        case .connectionFailed, .tlsFailed, .timedOut, .connectionLost: true
        case .invalidURL, .localInput: false
        }
    }

    /// A one-line description.
    public var description: String {
        switch kind {
        case .invalidURL: "invalid URL: \(detail)"
        case .connectionFailed: "connection failed: \(detail)"
        case .tlsFailed: "TLS failed: \(detail)"
        case .timedOut: "timed out: \(detail)"
        case .connectionLost: "connection lost: \(detail)"
        case .localInput: detail
        }
    }
}
