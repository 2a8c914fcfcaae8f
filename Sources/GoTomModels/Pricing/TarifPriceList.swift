/// One page of the price rows of a rate card.
public struct TarifPriceList: Codable, Hashable, Sendable {
    /// Where this page sits.
    public var pagination: Pagination

    /// The price rows.
    public var items: [TarifPriceItem]

    /// Creates the value from its fields.
    ///
    /// - Parameters:
    ///   - pagination: Where this page sits.
    ///   - items: The price rows.
    public init(pagination: Pagination, items: [TarifPriceItem]) {
        self.pagination = pagination
        self.items = items
    }
}
