/// A day of the Gregorian calendar without time or time zone, for the spec's `format: date` fields.
///
/// goTom sends booking and runtime dates as `yyyy-MM-dd` strings in its own (unstated) time zone.
/// Converting them to `Date` would attach a time zone and can shift the day, so they stay calendar days.
public struct CalendarDate: Hashable, Sendable {
    /// The year, 1 through 9999.
    public let year: Int
    /// The month, 1 through 12.
    public let month: Int
    /// The day of the month, 1 through the length of that month.
    public let day: Int

    /// Creates a date after checking that the day exists.
    ///
    /// - Parameters:
    ///   - year: The year, 1 through 9999 (four digits on the wire).
    ///   - month: The month, 1 through 12.
    ///   - day: The day of the month.
    /// - Throws: `GoTomModelsError.invalidCalendarDate` when the combination is not a real day.
    public init(year: Int, month: Int, day: Int) throws {
        guard (1...9999).contains(year) else {
            throw GoTomModelsError.invalidCalendarDate("year \(year) is outside 1...9999")
        }
        guard (1...12).contains(month) else {
            throw GoTomModelsError.invalidCalendarDate("month \(month) is outside 1...12")
        }
        let length = Self.numberOfDays(inMonth: month, year: year)
        guard (1...length).contains(day) else {
            throw GoTomModelsError.invalidCalendarDate("day \(day) does not exist in \(year)-\(Self.pad(month, 2))")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses a `yyyy-MM-dd` string such as `2024-02-29`.
    ///
    /// - Parameter text: Exactly four digits, a hyphen, two digits, a hyphen, two digits.
    /// - Throws: `GoTomModelsError.invalidCalendarDate` for any other form or a day that does not exist.
    public init(parsing text: String) throws {
        let utf8 = Array(text.utf8)
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
            utf8.indices.allSatisfy({ $0 == 4 || $0 == 7 || isDigit(utf8[$0]) })
        else {
            throw GoTomModelsError.invalidCalendarDate("expected yyyy-MM-dd, found '\(text.prefix(40))'")
        }
        func number(_ range: Range<Int>) -> Int {
            utf8[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        try self.init(year: number(0..<4), month: number(5..<7), day: number(8..<10))
    }

    /// The date as `yyyy-MM-dd`.
    public var iso8601: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    /// The number of days in a month, taking leap years into account.
    ///
    /// - Parameters:
    ///   - month: The month, 1 through 12.
    ///   - year: The year.
    /// - Returns: 28 through 31.
    static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return isLeap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension CalendarDate: Comparable {
    /// Orders dates chronologically.
    ///
    /// - Parameters:
    ///   - lhs: A date.
    ///   - rhs: Another date.
    /// - Returns: Whether `lhs` is an earlier day than `rhs`.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension CalendarDate: LosslessStringConvertible {
    /// Parses a `yyyy-MM-dd` string, returning `nil` when it is not a valid day.
    ///
    /// - Parameter description: The text to parse.
    public init?(_ description: String) {
        guard let date = try? CalendarDate(parsing: description) else { return nil }
        self = date
    }

    /// The date as `yyyy-MM-dd`.
    public var description: String { iso8601 }
}

extension CalendarDate: Codable {
    /// Decodes a `yyyy-MM-dd` string.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError.dataCorrupted` (with a `GoTomModelsError` underneath) for a malformed or
    ///   impossible date; `DecodingError.typeMismatch` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CalendarDate(parsing: text)
        } catch let error as GoTomModelsError {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "Invalid calendar date: \(error.detail).",
                    underlyingError: error
                )
            )
        }
    }

    /// Encodes the date as a `yyyy-MM-dd` string.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` from the encoder.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}
