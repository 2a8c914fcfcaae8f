/// A response whose head has arrived; the body streams.
public struct RawResponse: Sendable {
    /// The status code, e.g. 204.
    public var statusCode: Int
    /// The reason phrase for the status code, e.g. `No Content`.
    public var reasonPhrase: String
    /// The HTTP version, e.g. `1.1`.
    public var httpVersion: String
    /// Header fields as received.
    public var headers: [(name: String, value: String)]
    /// The body, read once.
    public var body: ResponseBody

    /// Creates a response, e.g. in a test transport or a middleware that answers from a cache.
    ///
    /// - Parameters:
    ///   - statusCode: The status code.
    ///   - reasonPhrase: The reason phrase; empty by default.
    ///   - httpVersion: The HTTP version (`1.1` by default).
    ///   - headers: Header fields.
    ///   - body: The body.
    public init(
        statusCode: Int, reasonPhrase: String = "", httpVersion: String = "1.1",
        headers: [(name: String, value: String)] = [], body: ResponseBody = ResponseBody()
    ) {
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase
        self.httpVersion = httpVersion
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, matched case-insensitively.
    ///
    /// - Parameter name: The header name.
    /// - Returns: The value, if present.
    public func header(_ name: String) -> String? {
        Self.header(name, in: headers)
    }

    /// The first value of `name` in a header list, matched case-insensitively.
    static func header(_ name: String, in headers: [(name: String, value: String)]) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}
