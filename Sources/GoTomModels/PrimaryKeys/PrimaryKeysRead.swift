/// One page of ids and names of a primary-key entity.
public struct PrimaryKeysRead: Codable, Hashable, Sendable {
    /// Where this page sits; pages hold up to 1000 items.
    public var pagination: Pagination?

    /// The ids and names.
    public var items: [PrimaryKeyItem]?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - pagination: Where this page sits; pages hold up to 1000 items.
    ///   - items: The ids and names.
    public init(pagination: Pagination? = nil, items: [PrimaryKeyItem]? = nil) {
        self.pagination = pagination
        self.items = items
    }
}
