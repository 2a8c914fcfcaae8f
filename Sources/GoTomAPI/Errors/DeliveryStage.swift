/// How far a request got before its transport failed: the fact that decides whether a create may be re-sent.
///
/// ``HTTPTransport`` records it from the request body as AsyncHTTPClient pulls it (head written, body completely
/// written), from the response head, and from the type of an error that only an earlier stage can raise; it is never
/// derived from an error's text.
public enum DeliveryStage: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Nothing left the process: the URL, a body file or a CA file could not be used.
    case preparing
    /// Opening the TCP connection (or the tunnel through a proxy) failed.
    case connecting
    /// The TLS handshake or the certificate check failed.
    case tlsHandshake
    /// The request head went out but the request was not completely written: goTom cannot have received a whole
    /// request, because every body is framed by its `Content-Length`.
    case writingRequest
    /// The request was completely written and no response head arrived.
    case awaitingResponse
    /// The response head arrived and its body broke off.
    case readingResponse

    /// Whether goTom may have received the whole request and acted on it.
    ///
    /// `false` only for stages before the request was completely written; a create that failed there can be
    /// sent again without the risk of creating an entity twice.
    public var requestMayHaveBeenDelivered: Bool {
        switch self {
        case .preparing, .connecting, .tlsHandshake, .writingRequest: false
        case .awaitingResponse, .readingResponse: true
        }
    }

    /// The stage's name as written in logs and spans, e.g. `awaitingResponse`.
    public var description: String { rawValue }
}
