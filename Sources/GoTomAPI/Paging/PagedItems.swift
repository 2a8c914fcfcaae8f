import GoTomModels

/// The items of a ``PageSequence``, one by one; pages are fetched as needed.
///
/// The iterator's ``AsyncIterator/pagination`` tells the page size and total count once the first page
/// has arrived. Iteration throws ``GoTomError``.
public struct PagedItems<Item: Sendable>: AsyncSequence, Sendable {
    /// One item.
    public typealias Element = Item

    /// The pages behind the items.
    public let pages: PageSequence<Item>

    /// Starts iterating.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: pages.makeAsyncIterator())
    }

    /// Hands out the items of one page, then fetches the next.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var pages: PageSequence<Item>.AsyncIterator
        var buffer: [Item] = []
        var position = 0

        /// The pagination block of the page fetched last (page size, total count), `nil` before the first.
        public private(set) var pagination: Pagination?

        init(pages: PageSequence<Item>.AsyncIterator) {
            self.pages = pages
        }

        /// The next item, or `nil` after the last one.
        ///
        /// - Returns: The item.
        /// - Throws: ``GoTomError``.
        public mutating func next() async throws -> Item? {
            while position >= buffer.count {
                guard let page = try await pages.next() else { return nil }
                pagination = page.pagination ?? pagination
                buffer = page.items
                position = 0
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}
