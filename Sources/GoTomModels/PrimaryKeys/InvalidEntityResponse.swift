/// The 422 body of the primary-keys endpoint for an entity name it does not know.
public struct InvalidEntityResponse: Codable, Hashable, Sendable {
    /// The message, which lists the valid entity names.
    public var error: ErrorMessage?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameter error: The message, which lists the valid entity names.
    public init(error: ErrorMessage? = nil) {
        self.error = error
    }
}
