import Foundation

extension CalendarDate {
    /// The calendar day that an instant falls on in a time zone, or `nil` outside the years 1 through 9999.
    ///
    /// - Parameters:
    ///   - date: The instant.
    ///   - timeZone: The zone in which to read the day (goTom uses its instance's zone, often Europe/Zurich).
    public init?(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.era, .year, .month, .day], from: date)
        guard parts.era == 1, let year = parts.year, let month = parts.month, let day = parts.day,
            let value = try? CalendarDate(year: year, month: month, day: day)
        else { return nil }
        self = value
    }

    /// The instant at which this day starts in a time zone.
    ///
    /// - Parameter timeZone: The zone whose midnight to use.
    /// - Returns: The start of the day, or `nil` if the calendar cannot represent it.
    public func startOfDay(in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day))
    }
}
