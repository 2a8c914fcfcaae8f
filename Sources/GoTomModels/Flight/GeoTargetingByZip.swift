/// Postal-code targeting of a flight within one country.
public struct GeoTargetingByZip: Codable, Hashable, Sendable {
    /// The country the postal codes belong to.
    public var countryId: GeoTargetingCountry?

    /// The postal codes, separated by commas.
    public var zipCodes: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - countryId: The country the postal codes belong to.
    ///   - zipCodes: The postal codes, separated by commas.
    public init(countryId: GeoTargetingCountry? = nil, zipCodes: String? = nil) {
        self.countryId = countryId
        self.zipCodes = zipCodes
    }
}
