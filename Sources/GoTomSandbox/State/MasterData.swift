import GoTomModels

/// The tenant's read-only reference data: primary keys, price rows, networks and saved reports.
///
/// It comes from the built-in demo data and the fixtures file at every start and is never written by the API.
struct MasterData: Sendable {
    /// Primary-key rows by entity name, ordered by id.
    var primaryKeys: [String: [PrimaryKeyItem]] = [:]
    /// Member platform ids of each network platform.
    var networks: [Int: Set<Int>] = [:]
    /// Price rows, in the order they are exported.
    var prices: [TarifPriceItem] = []
    /// Saved graph reports (id → CSV text).
    var graphReports: [Int: String] = [:]
    /// Saved custom reports (id → CSV text).
    var customReports: [Int: String] = [:]
    /// The generated large graph report.
    var largeReport: LargeReport

    /// The rows of one entity.
    func items(_ entity: PrimaryKeyEntity) -> [PrimaryKeyItem] {
        primaryKeys[entity.rawValue] ?? []
    }

    /// Whether an integer id exists for an entity.
    func contains(_ entity: PrimaryKeyEntity, _ id: Int) -> Bool {
        items(entity).contains { $0.id == .integer(id) }
    }

    /// Whether a string id exists for an entity (ad servers).
    func contains(_ entity: PrimaryKeyEntity, string id: String) -> Bool {
        items(entity).contains { $0.id.description == id }
    }

    /// The row with an integer id.
    func item(_ entity: PrimaryKeyEntity, _ id: Int) -> PrimaryKeyItem? {
        items(entity).first { $0.id == .integer(id) }
    }

    /// The name of the default flight position type.
    var defaultFlightPositionTypeName: String? {
        let types = items(.flightPositionType)
        return (types.first { $0.isDefault == true } ?? types.first)?.name
    }

    /// Sorts rows by id: integers numerically, then strings.
    static func sorted(_ items: [PrimaryKeyItem]) -> [PrimaryKeyItem] {
        items.sorted { lhs, rhs in
            switch (lhs.id, rhs.id) {
            case (.integer(let a), .integer(let b)): return a < b
            case (.integer, .string): return true
            case (.string, .integer): return false
            case (.string(let a), .string(let b)): return a < b
            }
        }
    }

    /// Whether a price row matches, treating `nil` in the row as a wildcard.
    static func matches(_ rowValue: Int?, _ wanted: Int?) -> Bool {
        guard let rowValue else { return true }
        return rowValue == wanted
    }

    /// Whether some price row has this platform, channel and advertising combination.
    func hasCombination(platformId: Int, channelId: Int, advertisingId: Int) -> Bool {
        prices.contains {
            Self.matches($0.platformId, platformId) && $0.channelId == channelId && $0.advertisingId == advertisingId
        }
    }

    /// The price row for the full six-id combination, if any.
    func priceRow(
        tarifId: Int, platformId: Int, channelId: Int, advertisingId: Int, extraPriceLevelId: Int?, priceTypeId: Int
    ) -> TarifPriceItem? {
        let candidates = prices.filter {
            $0.tarifId == tarifId && Self.matches($0.platformId, platformId) && $0.channelId == channelId
                && $0.advertisingId == advertisingId && Self.matches($0.extraPriceLevelId, extraPriceLevelId)
                && Self.matches($0.priceTypeId, priceTypeId)
        }
        // A row for exactly this extra price level beats a wildcard row.
        return candidates.first { $0.extraPriceLevelId == extraPriceLevelId } ?? candidates.first
    }
}
