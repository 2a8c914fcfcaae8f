/// When a flight runs: its first and last day, each with an optional time.
public struct FlightRuntime: Codable, Hashable, Sendable {
    /// When the flight starts.
    public var start: DateTimeComponents?

    /// When the flight ends.
    public var end: DateTimeComponents?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - start: When the flight starts.
    ///   - end: When the flight ends.
    public init(start: DateTimeComponents? = nil, end: DateTimeComponents? = nil) {
        self.start = start
        self.end = end
    }
}
