/// A calendar day with an optional time of day, in goTom's system time zone.
///
/// The zone is the goTom instance's own and is not sent, so the parts are kept as they are on the wire.
public struct DateTimeComponents: Codable, Hashable, Sendable {
    /// The day.
    public var date: CalendarDate

    /// Time of day as `HH:MM` (no seconds), in the instance's time zone.
    public var time: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - date: The day.
    ///   - time: Time of day as `HH:MM` (no seconds), in the instance's time zone.
    public init(date: CalendarDate, time: String? = nil) {
        self.date = date
        self.time = time
    }
}
