/// A bare `{"msg": …}` error object, as nested in several error bodies.
public struct ErrorMessage: Codable, Hashable, Sendable {
    /// The message.
    public var msg: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameter msg: The message.
    public init(msg: String? = nil) {
        self.msg = msg
    }
}
