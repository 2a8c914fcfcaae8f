/// How the signer writes the `Date` header.
///
/// The server accepts any date PHP's `strtotime` understands, and signs the header text exactly as sent,
/// so the choice only has to be stable between signing and sending.
public enum DateHeaderFormat: Sendable, Hashable {
    /// ISO 8601 in UTC without fractional seconds, `2024-11-07T10:21:15Z`, as the Node example client sends.
    case iso8601UTC
    /// ISO 8601 with a numeric offset, `2024-11-07T11:21:15+01:00`, as the PHP and Bash clients send.
    case iso8601(offsetMinutes: Int)
    /// The HTTP date of RFC 1123, `Thu, 07 Nov 2024 10:21:15 GMT`.
    case rfc1123

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Writes `time` in this format.
    ///
    /// - Parameter time: The instant to format.
    /// - Returns: The header value.
    public func format(_ time: UnixTime) -> String {
        switch self {
        case .iso8601UTC:
            let civil = CivilTime(time)
            guard (0...9999).contains(civil.year) else { return Self.isoDateTime(civil) + "Z" }
            // The signing hot path: write the 20 bytes directly instead of concatenating small strings.
            return String(unsafeUninitializedCapacity: 20) { buffer in
                func put(_ value: Int, _ digits: Int, at offset: Int) {
                    var value = value
                    for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                        buffer[index] = UInt8(ascii: "0") + UInt8(value % 10)
                        value /= 10
                    }
                }
                put(Int(civil.year), 4, at: 0)
                buffer[4] = UInt8(ascii: "-")
                put(civil.month, 2, at: 5)
                buffer[7] = UInt8(ascii: "-")
                put(civil.day, 2, at: 8)
                buffer[10] = UInt8(ascii: "T")
                put(civil.hour, 2, at: 11)
                buffer[13] = UInt8(ascii: ":")
                put(civil.minute, 2, at: 14)
                buffer[16] = UInt8(ascii: ":")
                put(civil.second, 2, at: 17)
                buffer[19] = UInt8(ascii: "Z")
                return 20
            }
        case .iso8601(let offsetMinutes):
            let civil = CivilTime(time.adding(seconds: Int64(offsetMinutes) * 60))
            let sign = offsetMinutes < 0 ? "-" : "+"
            let magnitude = abs(offsetMinutes)
            return Self.isoDateTime(civil) + sign + Self.twoDigits(magnitude / 60) + ":"
                + Self.twoDigits(magnitude % 60)
        case .rfc1123:
            let civil = CivilTime(time)
            return Self.weekdays[civil.weekday] + ", " + Self.twoDigits(civil.day) + " " + Self.months[civil.month - 1]
                + " " + Self.fourDigits(civil.year) + " " + Self.isoClock(civil) + " GMT"
        }
    }

    private static func isoDateTime(_ civil: CivilTime) -> String {
        fourDigits(civil.year) + "-" + twoDigits(civil.month) + "-" + twoDigits(civil.day) + "T" + isoClock(civil)
    }

    private static func isoClock(_ civil: CivilTime) -> String {
        twoDigits(civil.hour) + ":" + twoDigits(civil.minute) + ":" + twoDigits(civil.second)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }

    private static func fourDigits(_ value: Int64) -> String {
        let text = String(value)
        return text.count >= 4 ? text : String(repeating: "0", count: 4 - text.count) + text
    }
}
