import GoTomAuth

/// Reads a `Retry-After` header: delay seconds or an HTTP date.
package enum RetryAfter {
    /// The wait a `Retry-After` value asks for.
    ///
    /// A date is compared with the response's own `Date` header when there is one, so a skewed local clock
    /// does not distort the wait; otherwise with `now`.
    ///
    /// - Parameters:
    ///   - value: The header value, e.g. `3` or `Fri, 07 Nov 2025 10:21:15 GMT`.
    ///   - responseDate: The response's `Date` header, if any.
    ///   - now: The current time, corrected for measured clock skew.
    /// - Returns: The wait (zero for a date in the past), or `nil` when the value cannot be read.
    package static func delay(_ value: String, responseDate: String?, now: UnixTime) -> Duration? {
        let trimmed = value.trimmingSpaces()
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            guard let seconds = Int64(trimmed) else { return nil }
            return .seconds(seconds)
        }
        guard let date = DateHeaderParser.parse(trimmed) else { return nil }
        let reference = responseDate.flatMap(DateHeaderParser.parse) ?? now
        return .seconds(max(0, date.seconds - reference.seconds))
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
