/// A transport that answers every request from a closure, without sockets.
///
/// Use it to unit-test code that calls a ``GoTomClient``: the client encodes, signs, retries and decodes as it
/// would against goTom, and the closure plays goTom.
///
/// ```swift
/// let transport = InMemoryTransport { request, operation in
///     #expect(operation == "campaigns.get")
///     return RawResponse(statusCode: 404, body: ResponseBody(#"{"detail":"Campaign not found"}"#))
/// }
/// let client = try GoTomClient(configuration: configuration, transport: transport)
/// ```
///
/// Throw a ``GoTomTransportError`` from the closure to simulate a network failure at a given stage.
public struct InMemoryTransport: GoTomTransport {
    private let handler: @Sendable (OutgoingRequest, String) async throws -> RawResponse

    /// Creates a transport that answers with `handler`.
    ///
    /// - Parameter handler: Receives the signed request and the operation name, returns the response.
    public init(
        _ handler: @escaping @Sendable (_ request: OutgoingRequest, _ operation: String) async throws -> RawResponse
    ) {
        self.handler = handler
    }

    /// Answers every request with the same status and JSON body.
    ///
    /// - Parameters:
    ///   - status: The status code.
    ///   - json: The body.
    /// - Returns: The transport.
    public static func replying(status: Int, json: String = "") -> InMemoryTransport {
        InMemoryTransport { _, _ in
            RawResponse(
                statusCode: status, headers: [(name: "Content-Type", value: "application/json")],
                body: ResponseBody(json))
        }
    }

    /// Passes the request to the closure.
    ///
    /// - Parameters:
    ///   - request: The signed request.
    ///   - operation: The operation name.
    /// - Returns: The closure's response.
    /// - Throws: Whatever the closure throws.
    public func send(_ request: OutgoingRequest, operation: String) async throws -> RawResponse {
        try await handler(request, operation)
    }
}
