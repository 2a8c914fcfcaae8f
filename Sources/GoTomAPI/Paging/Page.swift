import GoTomModels

/// One page of a paginated goTom list.
public struct Page<Item: Sendable>: Sendable {
    /// The items on this page.
    public var items: [Item]
    /// Where this page sits, as goTom reported it; `nil` if goTom sent no pagination block.
    public var pagination: Pagination?

    /// Creates a page.
    ///
    /// - Parameters:
    ///   - items: The items.
    ///   - pagination: goTom's pagination block.
    public init(items: [Item], pagination: Pagination?) {
        self.items = items
        self.pagination = pagination
    }

    /// This page's number, starting at 1.
    public var number: Int { pagination?.currentPage ?? 1 }
    /// The page size goTom uses for this list (1000 for primary keys), if reported.
    public var perPage: Int? { pagination?.perPage }
    /// The number of items on all pages together, if reported.
    public var totalItems: Int? { pagination?.totalItems }
    /// The number of the last page, if reported.
    public var lastPage: Int? { pagination?.lastPage }
    /// The absolute URL of the next page, or `nil` on the last page.
    public var nextPageURL: String? { pagination?.nextPageUrl }
}
