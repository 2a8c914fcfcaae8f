/// An id and name from the primary-keys endpoint.
public struct PrimaryKeyItem: Codable, Hashable, Sendable {
    /// The id; an integer except for `adServer`, whose ids are strings.
    public var id: IntegerOrString

    /// The name, for example a channel name.
    public var name: String

    /// The e-mail address; only for the `user` entity.
    public var email: String?

    /// Whether this is the default; only for the `flightPositionType` entity.
    public var isDefault: Bool?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - id: The id; an integer except for `adServer`, whose ids are strings.
    ///   - name: The name, for example a channel name.
    ///   - email: The e-mail address; only for the `user` entity.
    ///   - isDefault: Whether this is the default; only for the `flightPositionType` entity.
    public init(id: IntegerOrString, name: String, email: String? = nil, isDefault: Bool? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.isDefault = isDefault
    }
}
