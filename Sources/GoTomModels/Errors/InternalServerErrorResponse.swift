/// The body goTom documents for a 500 response.
///
/// A real crash may produce `ProblemDetails` instead; be ready for both.
public struct InternalServerErrorResponse: Codable, Hashable, Sendable {
    /// The message, typically "Internal Server Error".
    public var message: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameter message: The message, typically "Internal Server Error".
    public init(message: String? = nil) {
        self.message = message
    }
}
