/// How a network flight is split across the network's platforms.
///
/// Read and written whole; only available with the marketer-network module.
public struct FlightSublines: Codable, Hashable, Sendable {
    /// One entry per platform; the percentages must add up to 100.
    public var sublines: [FlightSubline]?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameter sublines: One entry per platform; the percentages must add up to 100.
    public init(sublines: [FlightSubline]? = nil) {
        self.sublines = sublines
    }
}
