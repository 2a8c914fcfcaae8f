/// A problem document (RFC 7807), as goTom sends for 404 and other framework-level errors.
///
/// Not part of the specs; the shape comes from the 404 response in goTom's example client page.
public struct ProblemDetails: Codable, Hashable, Sendable {
    /// A URI naming the kind of problem.
    public var type: String?

    /// A short summary, such as "An error occurred".
    public var title: String?

    /// The HTTP status code.
    public var status: Int?

    /// The explanation; goTom sends the HTTP reason phrase, such as "Not Found".
    public var detail: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - type: A URI naming the kind of problem.
    ///   - title: A short summary, such as "An error occurred".
    ///   - status: The HTTP status code.
    ///   - detail: The explanation; goTom sends the HTTP reason phrase, such as "Not Found".
    public init(type: String? = nil, title: String? = nil, status: Int? = nil, detail: String? = nil) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
    }
}
