import Foundation

/// The share of one platform in a network flight.
public struct FlightSubline: Codable, Hashable, Sendable {
    /// A platform that belongs to the flight's network.
    public var platformId: Int?

    /// The platform's share in percent (42.5 means 42.5 %).
    public var percentage: Decimal?

    /// Remark for this platform.
    public var note: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - platformId: A platform that belongs to the flight's network.
    ///   - percentage: The platform's share in percent (42.5 means 42.5 %).
    ///   - note: Remark for this platform.
    public init(platformId: Int? = nil, percentage: Decimal? = nil, note: String? = nil) {
        self.platformId = platformId
        self.percentage = percentage
        self.note = note
    }
}
