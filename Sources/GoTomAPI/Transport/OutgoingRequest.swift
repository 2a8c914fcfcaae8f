/// A request ready to go on the wire: every header is final and the body is the one that was hashed.
public struct OutgoingRequest: Sendable {
    /// The server.
    public var server: ServerAddress
    /// The HTTP method.
    public var method: String
    /// The encoded request target, sent byte for byte.
    public var requestURI: String
    /// Header fields in the order they are sent.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: RequestBody

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - server: Where to send it.
    ///   - method: The method.
    ///   - requestURI: The encoded target.
    ///   - headers: Header fields.
    ///   - body: The body.
    public init(
        server: ServerAddress, method: String, requestURI: String, headers: [(name: String, value: String)],
        body: RequestBody
    ) {
        self.server = server
        self.method = method
        self.requestURI = requestURI
        self.headers = headers
        self.body = body
    }
}
