import GoTomModels

/// The pages of a goTom list, fetched one at a time as you iterate, following each page's `nextPageUrl`.
///
/// The next page's path and query are taken from `nextPageUrl` exactly as goTom wrote them, signed and sent
/// to the client's own server (never to another host). Iteration throws ``GoTomError``.
///
/// ```swift
/// for try await page in client.customers.all() {
///     print("page \(page.number) of \(page.lastPage ?? 0), \(page.totalItems ?? 0) customers in total")
/// }
/// for try await customer in client.customers.all().items { … }
/// ```
public struct PageSequence<Item: Sendable>: AsyncSequence, Sendable {
    /// A page of items.
    public typealias Element = Page<Item>

    let firstRequestURI: String
    let fetch: @Sendable (String) async throws(GoTomError) -> Page<Item>

    init(firstRequestURI: String, fetch: @escaping @Sendable (String) async throws(GoTomError) -> Page<Item>) {
        self.firstRequestURI = firstRequestURI
        self.fetch = fetch
    }

    /// The items of all pages, one by one.
    public var items: PagedItems<Item> { PagedItems(pages: self) }

    /// Starts fetching pages.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(nextRequestURI: firstRequestURI, fetch: fetch)
    }

    /// Fetches one page after the other.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var nextRequestURI: String?
        var visited: Set<String> = []
        let fetch: @Sendable (String) async throws(GoTomError) -> Page<Item>

        /// The next page, or `nil` after the last one.
        ///
        /// - Returns: The page.
        /// - Throws: ``GoTomError``, e.g. ``GoTomError/unexpectedResponse`` when `nextPageUrl` cannot be used
        ///   or leads back to a page already fetched.
        public mutating func next() async throws -> Page<Item>? {
            guard let requestURI = nextRequestURI else { return nil }
            visited.insert(requestURI)
            nextRequestURI = nil
            let page = try await fetch(requestURI)
            if let url = page.nextPageURL {
                let target = try Self.requestTarget(of: url)
                guard !visited.contains(target) else {
                    throw GoTomError.make(
                        .unexpectedResponse, detail: "nextPageUrl leads back to \(target), which was already fetched")
                }
                nextRequestURI = target
            }
            return page
        }

        /// The path and query of `nextPageUrl`, exactly as written: no re-encoding, so the signature covers
        /// the bytes goTom produced.
        static func requestTarget(of url: String) throws(GoTomError) -> String {
            if url.hasPrefix("/") { return url }
            do {
                let (_, target) = try ServerAddress.split(absoluteURL: url)
                return String(target.prefix { $0 != "#" })
            } catch {
                throw GoTomError.make(.unexpectedResponse, detail: "unusable nextPageUrl: \(error)")
            }
        }
    }
}
