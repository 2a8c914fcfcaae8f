/// A group of Xandr key definitions.
public struct KeyValueSetXandr: Codable, Hashable, Sendable {
    /// The keys of the group; at least one.
    public var set: [KeyValueXandrEntry]

    /// Creates the value from its fields.
    ///
    /// - Parameter set: The keys of the group; at least one.
    public init(set: [KeyValueXandrEntry]) {
        self.set = set
    }
}
