/// The ad-server strategy and line item that belong to a flight.
public struct FlightLineItemId: Codable, Hashable, Sendable {
    /// The ad-server strategy.
    public var strategyId: String?

    /// The line item id (an integer, unlike the flight's string `adServerId`).
    public var adserverId: Int?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - strategyId: The ad-server strategy.
    ///   - adserverId: The line item id (an integer, unlike the flight's string `adServerId`).
    public init(strategyId: String? = nil, adserverId: Int? = nil) {
        self.strategyId = strategyId
        self.adserverId = adserverId
    }
}
