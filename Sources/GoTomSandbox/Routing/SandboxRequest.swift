import Foundation
import GoTomModels

/// What a handler gets: the operation, its decoded path parameters, the query, the body and the caller.
struct SandboxRequest: Sendable {
    var operation: Operation
    var parameters: [String]
    var query: QueryParameters
    var body: Data
    /// `scheme://host[:port]` as the client addressed the sandbox, for absolute `nextPageUrl`s.
    var baseURL: String
    /// The raw path, still percent-encoded.
    var rawPath: String
    var user: String

    /// The decoded path parameter at `index` (in template order).
    func parameter(_ index: Int) -> String {
        index < parameters.count ? parameters[index] : ""
    }

    /// The `page` query parameter: 1 when absent.
    ///
    /// - Throws: A 400 violation when it is not a positive integer.
    func page() throws(Rejection) -> Int {
        guard let text = query["page"] else { return 1 }
        guard let page = Int(text), page >= 1 else {
            throw Rejection(
                .violation(
                    .invalidType, path: "page", message: "This value should be a positive integer.",
                    invalidValue: .string(text))
            )
        }
        return page
    }

    /// Cuts one page out of `items` and describes it.
    func paginate<Item>(_ items: [Item], page: Int, perPage: Int) -> (Pagination, [Item]) {
        let size = max(1, perPage)
        let lastPage = max(1, (items.count + size - 1) / size)
        let start = min(items.count, (page - 1) * size)
        let end = min(items.count, start + size)
        let next = page < lastPage ? baseURL + rawPath + "?page=\(page + 1)" : nil
        let pagination = Pagination(
            totalItems: items.count, perPage: size, currentPage: page, lastPage: lastPage, nextPageUrl: next
        )
        return (pagination, Array(items[start..<end]))
    }
}
