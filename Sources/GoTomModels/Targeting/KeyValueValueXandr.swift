/// A value of a Xandr string key.
public struct KeyValueValueXandr: Codable, Hashable, Sendable {
    /// The value id.
    public var id: String

    /// The value name.
    public var name: String

    /// The name shown to users.
    public var displayName: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - id: The value id.
    ///   - name: The value name.
    ///   - displayName: The name shown to users.
    public init(id: String, name: String, displayName: String? = nil) {
        self.id = id
        self.name = name
        self.displayName = displayName
    }
}
