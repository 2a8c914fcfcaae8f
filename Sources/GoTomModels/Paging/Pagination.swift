/// Where a page sits in a paginated list.
public struct Pagination: Codable, Hashable, Sendable {
    /// The number of items on all pages.
    public var totalItems: Int

    /// The page size.
    public var perPage: Int

    /// This page's number, starting at 1.
    public var currentPage: Int

    /// The number of the last page.
    public var lastPage: Int

    /// The absolute URL of the next page, or nil on the last page.
    public var nextPageUrl: String?

    /// Creates the value from its fields.
    ///
    /// - Parameters:
    ///   - totalItems: The number of items on all pages.
    ///   - perPage: The page size.
    ///   - currentPage: This page's number, starting at 1.
    ///   - lastPage: The number of the last page.
    ///   - nextPageUrl: The absolute URL of the next page, or nil on the last page.
    public init(totalItems: Int, perPage: Int, currentPage: Int, lastPage: Int, nextPageUrl: String?) {
        self.totalItems = totalItems
        self.perPage = perPage
        self.currentPage = currentPage
        self.lastPage = lastPage
        self.nextPageUrl = nextPageUrl
    }

    private enum CodingKeys: String, CodingKey {
        case totalItems
        case perPage
        case currentPage
        case lastPage
        case nextPageUrl
    }

    /// Decodes the value; keys the spec requires must be present, even when their value is `null`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when a required key is missing or a value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        totalItems = try container.decode(Int.self, forKey: .totalItems)
        perPage = try container.decode(Int.self, forKey: .perPage)
        currentPage = try container.decode(Int.self, forKey: .currentPage)
        lastPage = try container.decode(Int.self, forKey: .lastPage)
        nextPageUrl = try container.decodeNullable(String.self, forKey: .nextPageUrl)
    }

    /// Encodes the value, writing `null` for unset required keys and leaving unset optional keys out.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` from a field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(totalItems, forKey: .totalItems)
        try container.encode(perPage, forKey: .perPage)
        try container.encode(currentPage, forKey: .currentPage)
        try container.encode(lastPage, forKey: .lastPage)
        try container.encodeNullable(nextPageUrl, forKey: .nextPageUrl)
    }
}
