import GoTomModels

extension GoTomClient {
    /// Reads one page of ids and names of a primary-key entity (up to 1000 rows per page).
    ///
    /// `GET /app-api/primary-keys/{entity}?page=N`
    ///
    /// - Parameters:
    ///   - entity: The entity, e.g. `.platform` or `.adServer`.
    ///   - page: The page number, starting at 1.
    /// - Returns: The page.
    /// - Throws: ``GoTomError/rejected`` (422) for an entity goTom does not know.
    public func primaryKeys(_ entity: PrimaryKeyEntity, page: Int = 1) async throws -> PrimaryKeysRead {
        try await fetch(PrimaryKeysRead.self, primaryKeysRequest(Path.paged(primaryKeysPath(entity), page: page)))
    }

    /// All ids and names of a primary-key entity, page by page.
    ///
    /// - Parameter entity: The entity.
    /// - Returns: A sequence of pages; use `.items` for the rows one by one.
    public func allPrimaryKeys(_ entity: PrimaryKeyEntity) -> PageSequence<PrimaryKeyItem> {
        PageSequence(firstRequestURI: primaryKeysPath(entity)) { [self] requestURI throws(GoTomError) in
            let read = try await fetch(PrimaryKeysRead.self, primaryKeysRequest(requestURI))
            return Page(items: read.items ?? [], pagination: read.pagination)
        }
    }

    /// Reads one page of the price rows of a rate card.
    ///
    /// `GET /app-api/export/price/tarif/{tarifId}?page=N`
    ///
    /// - Parameters:
    ///   - tarifId: The rate card, from the `tarif` primary keys.
    ///   - page: The page number, starting at 1.
    /// - Returns: The page.
    /// - Throws: ``GoTomError/notFound`` for an unknown rate card.
    public func prices(tarifId: Int, page: Int = 1) async throws -> TarifPriceList {
        try await fetch(TarifPriceList.self, pricesRequest(Path.paged(pricesPath(tarifId), page: page)))
    }

    /// All price rows of a rate card, page by page.
    ///
    /// - Parameter tarifId: The rate card.
    /// - Returns: A sequence of pages; use `.items` for the rows one by one.
    public func allPrices(tarifId: Int) -> PageSequence<TarifPriceItem> {
        PageSequence(firstRequestURI: pricesPath(tarifId)) { [self] requestURI throws(GoTomError) in
            let list = try await fetch(TarifPriceList.self, pricesRequest(requestURI))
            return Page(items: list.items, pagination: list.pagination)
        }
    }

    private func primaryKeysPath(_ entity: PrimaryKeyEntity) -> String {
        "/app-api/primary-keys/\(Path.segment(entity.rawValue))"
    }

    private func primaryKeysRequest(_ requestURI: String) -> APIRequest {
        APIRequest(
            operation: "primaryKeys", group: .campaign, method: "GET", requestURI: requestURI,
            repeatability: .idempotent
        )
    }

    private func pricesPath(_ tarifId: Int) -> String { "/app-api/export/price/tarif/\(tarifId)" }

    private func pricesRequest(_ requestURI: String) -> APIRequest {
        APIRequest(
            operation: "prices", group: .campaign, method: "GET", requestURI: requestURI, repeatability: .idempotent
        )
    }
}
