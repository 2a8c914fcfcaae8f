/// A country whose postal codes a flight can target.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct GeoTargetingCountry: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: String

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// United States.
    public static let unitedStates = GeoTargetingCountry(rawValue: "US")

    /// Canada.
    public static let canada = GeoTargetingCountry(rawValue: "CA")

    /// Germany.
    public static let germany = GeoTargetingCountry(rawValue: "DE")

    /// France.
    public static let france = GeoTargetingCountry(rawValue: "FR")

    /// United Kingdom.
    public static let unitedKingdom = GeoTargetingCountry(rawValue: "GB")

    /// India.
    public static let india = GeoTargetingCountry(rawValue: "IN")

    /// The values the specs document, in spec order.
    public static let knownValues: [GeoTargetingCountry] = [
        .unitedStates,
        .canada,
        .germany,
        .france,
        .unitedKingdom,
        .india,
    ]
}
