/// Sends signed requests: the seam between ``GoTomClient`` and the network.
///
/// The client encodes, signs and retries; a transport only moves a finished ``OutgoingRequest`` and returns the
/// response as soon as its head has arrived. ``HTTPTransport`` (AsyncHTTPClient) is the default;
/// ``InMemoryTransport`` answers from a closure, for unit tests without sockets.
///
/// A transport must send the method, target, headers and body exactly as given: they are what was signed.
/// Failures should be ``GoTomTransportError`` values whose ``GoTomTransportError/stage`` says how far the request
/// got, since the client decides from it whether a create may be sent again. Any other error counts as
/// ``DeliveryStage/awaitingResponse`` (possibly delivered).
public protocol GoTomTransport: Sendable {
    /// Sends one request and returns when the response head has arrived.
    ///
    /// - Parameters:
    ///   - request: The signed request, to be sent byte for byte.
    ///   - operation: The client operation it belongs to, e.g. `campaigns.get`.
    /// - Returns: The response, its body streaming.
    /// - Throws: ``GoTomTransportError`` when no response arrives.
    func send(_ request: OutgoingRequest, operation: String) async throws -> RawResponse
}
