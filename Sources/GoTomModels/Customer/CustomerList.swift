/// One page of customer records.
public struct CustomerList: Codable, Hashable, Sendable {
    /// Where this page sits.
    public var pagination: Pagination

    /// The customers.
    public var items: [CustomerRead]

    /// Creates the value from its fields.
    ///
    /// - Parameters:
    ///   - pagination: Where this page sits.
    ///   - items: The customers.
    public init(pagination: Pagination, items: [CustomerRead]) {
        self.pagination = pagination
        self.items = items
    }
}
