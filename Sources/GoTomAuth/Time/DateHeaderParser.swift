/// Reads a `Date` header the way goTom's server does, for the formats real clients send.
///
/// The server (gotom-io/IbrowsHmacBundle `RequestSigner::getTimestamp`) passes the header to PHP's `strtotime`,
/// which accepts far more than any client sends. This parser covers the forms that matter, with or without
/// fractional seconds (which `strtotime` drops):
/// - ISO 8601: `2024-11-07T10:21:15Z`, `2024-11-07T11:21:15+01:00`, `+0100`, `+01`, `2024-11-07 10:21:15`,
///   `2024-11-07T10:21:15.123Z`;
/// - RFC 1123 / RFC 2822: `Thu, 07 Nov 2024 10:21:15 GMT`, `Thu, 7 Nov 2024 11:21:15 +0100`;
/// - RFC 850: `Thursday, 07-Nov-24 10:21:15 GMT`;
/// - C `asctime`: `Thu Nov  7 10:21:15 2024`;
/// - a Unix timestamp written `@1730974875`.
///
/// A date without a zone is read as UTC; the real server would use its configured time zone.
public enum DateHeaderParser {
    /// Parses a `Date` header value.
    ///
    /// - Parameter text: The header value as received.
    /// - Returns: The instant, or `nil` when the text is not a date the server would accept.
    public static func parse(_ text: String) -> UnixTime? {
        var scanner = Scanner(text.utf8.map { $0 })
        scanner.skipSpaces()
        guard !scanner.isAtEnd else { return nil }
        let result: UnixTime?
        if scanner.peek == UInt8(ascii: "@") {
            result = parseTimestamp(&scanner)
        } else if scanner.peekIsDigit, scanner.lookahead(4) == UInt8(ascii: "-") {
            result = parseISO(&scanner)
        } else {
            result = parseHTTPDate(&scanner)
        }
        scanner.skipSpaces()
        return scanner.isAtEnd ? result : nil
    }

    private static func parseTimestamp(_ scanner: inout Scanner) -> UnixTime? {
        scanner.advance()
        let negative = scanner.consume(UInt8(ascii: "-"))
        guard let value = scanner.number(maxDigits: 18) else { return nil }
        return UnixTime(seconds: negative ? -value : value)
    }

    private static func parseISO(_ scanner: inout Scanner) -> UnixTime? {
        guard let year = scanner.number(exactDigits: 4), scanner.consume(UInt8(ascii: "-")),
            let month = scanner.number(exactDigits: 2), scanner.consume(UInt8(ascii: "-")),
            let day = scanner.number(exactDigits: 2)
        else { return nil }
        var civil = CivilTime(year: year, month: Int(month), day: Int(day), hour: 0, minute: 0, second: 0)
        var offset: Int64 = 0
        if scanner.consume(UInt8(ascii: "T")) || scanner.consume(UInt8(ascii: "t"))
            || scanner.consume(UInt8(ascii: " "))
        {
            guard readClock(&scanner, into: &civil, secondsOptional: true) else { return nil }
            scanner.skipFraction()
            guard let zone = readZone(&scanner) else { return nil }
            offset = zone
        }
        guard civil.isValid else { return nil }
        return UnixTime(seconds: civil.unixSeconds - offset)
    }

    private static func parseHTTPDate(_ scanner: inout Scanner) -> UnixTime? {
        // Optional weekday, with a comma for RFC 1123/850 and without one for asctime.
        let firstWord = scanner.word()
        var civil = CivilTime(year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0)
        if let word = firstWord, monthNumber(word) == nil {
            guard isWeekday(word) else { return nil }
            _ = scanner.consume(UInt8(ascii: ","))
            scanner.skipSpaces()
        } else if let word = firstWord, let month = monthNumber(word) {
            return parseAsctime(&scanner, month: month)
        }
        if !scanner.peekIsDigit, let word = scanner.word(), let month = monthNumber(word) {
            return parseAsctime(&scanner, month: month)
        }
        guard let day = scanner.number(maxDigits: 2) else { return nil }
        civil.day = Int(day)
        let separator = scanner.peek
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else { return nil }
        scanner.advance()
        guard let monthWord = scanner.word(), let month = monthNumber(monthWord) else { return nil }
        civil.month = month
        guard scanner.consume(separator!) else { return nil }
        let yearStart = scanner.position
        guard var year = scanner.number(maxDigits: 4) else { return nil }
        if scanner.position - yearStart == 2 { year += year < 70 ? 2000 : 1900 }
        civil.year = year
        guard scanner.consume(UInt8(ascii: " ")) else { return nil }
        scanner.skipSpaces()
        guard readClock(&scanner, into: &civil, secondsOptional: true) else { return nil }
        scanner.skipFraction()
        guard let offset = readZone(&scanner), civil.isValid else { return nil }
        return UnixTime(seconds: civil.unixSeconds - offset)
    }

    private static func parseAsctime(_ scanner: inout Scanner, month: Int) -> UnixTime? {
        scanner.skipSpaces()
        guard let day = scanner.number(maxDigits: 2), scanner.consume(UInt8(ascii: " ")) else { return nil }
        scanner.skipSpaces()
        var civil = CivilTime(year: 0, month: month, day: Int(day), hour: 0, minute: 0, second: 0)
        guard readClock(&scanner, into: &civil, secondsOptional: false) else { return nil }
        scanner.skipSpaces()
        guard let year = scanner.number(exactDigits: 4) else { return nil }
        civil.year = year
        guard let offset = readZone(&scanner), civil.isValid else { return nil }
        return UnixTime(seconds: civil.unixSeconds - offset)
    }

    private static func readClock(_ scanner: inout Scanner, into civil: inout CivilTime, secondsOptional: Bool) -> Bool
    {
        guard let hour = scanner.number(exactDigits: 2), scanner.consume(UInt8(ascii: ":")),
            let minute = scanner.number(exactDigits: 2)
        else { return false }
        civil.hour = Int(hour)
        civil.minute = Int(minute)
        if scanner.consume(UInt8(ascii: ":")) {
            guard let second = scanner.number(exactDigits: 2) else { return false }
            civil.second = Int(second)
        } else if !secondsOptional {
            return false
        }
        return true
    }

    /// Reads an optional zone and returns its offset east of UTC in seconds (0 when absent).
    private static func readZone(_ scanner: inout Scanner) -> Int64? {
        scanner.skipSpaces()
        guard let next = scanner.peek else { return 0 }
        switch next {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            scanner.advance()
            return 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            scanner.advance()
            let sign: Int64 = next == UInt8(ascii: "-") ? -1 : 1
            guard let hours = scanner.number(exactDigits: 2) else { return nil }
            var minutes: Int64 = 0
            if scanner.consume(UInt8(ascii: ":")) {
                guard let value = scanner.number(exactDigits: 2) else { return nil }
                minutes = value
            } else if scanner.peekIsDigit {
                guard let value = scanner.number(exactDigits: 2) else { return nil }
                minutes = value
            }
            guard hours <= 14, minutes < 60 else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        default:
            guard let word = scanner.word() else { return nil }
            switch word.uppercased() {
            case "GMT", "UTC", "UT": return 0
            default: return nil
            }
        }
    }

    private static func monthNumber(_ word: String) -> Int? {
        let prefix = word.prefix(3).lowercased()
        guard word.count == 3 || fullMonths.contains(word.lowercased()) else { return nil }
        return DateHeaderFormat.months.firstIndex { $0.lowercased() == prefix }.map { $0 + 1 }
    }

    private static func isWeekday(_ word: String) -> Bool {
        let lower = word.lowercased()
        return weekdays.contains { lower == $0 || lower == String($0.prefix(3)) }
    }

    private static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    private static let fullMonths: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// A cursor over the header's bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var isAtEnd: Bool { position >= bytes.count }
        var peek: UInt8? { isAtEnd ? nil : bytes[position] }
        var peekIsDigit: Bool { peek.map(Self.isDigit) ?? false }

        func lookahead(_ distance: Int) -> UInt8? {
            position + distance < bytes.count ? bytes[position + distance] : nil
        }

        mutating func advance() { position += 1 }

        mutating func consume(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            position += 1
            return true
        }

        mutating func skipSpaces() {
            while peek == UInt8(ascii: " ") || peek == UInt8(ascii: "\t") { position += 1 }
        }

        mutating func skipFraction() {
            guard peek == UInt8(ascii: "."), let next = lookahead(1), Self.isDigit(next) else { return }
            position += 1
            while peekIsDigit { position += 1 }
        }

        mutating func number(exactDigits: Int) -> Int64? {
            let start = position
            guard let value = number(maxDigits: exactDigits), position - start == exactDigits else {
                position = start
                return nil
            }
            return value
        }

        mutating func number(maxDigits: Int) -> Int64? {
            var value: Int64 = 0
            var digits = 0
            while digits < maxDigits, let byte = peek, Self.isDigit(byte) {
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
                digits += 1
                position += 1
            }
            return digits == 0 ? nil : value
        }

        mutating func word() -> String? {
            let start = position
            while let byte = peek, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") {
                position += 1
            }
            return position == start ? nil : String(decoding: bytes[start..<position], as: UTF8.self)
        }

        static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    }
}
