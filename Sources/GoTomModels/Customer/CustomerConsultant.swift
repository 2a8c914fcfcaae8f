/// A goTom user who looks after a customer.
public struct CustomerConsultant: Codable, Hashable, Sendable {
    /// The user's e-mail address.
    public var email: String

    /// Creates the value from its fields.
    ///
    /// - Parameter email: The user's e-mail address.
    public init(email: String) {
        self.email = email
    }
}
