import GoTomAuth

/// Properties of `DateHeaderParser` (see ``FuzzHarness/dateHeader``).
enum DateHeaderHarness {
    /// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years a four-digit date can write.
    private static let writable: ClosedRange<Int64> = -62_167_219_200...253_402_300_799
    private static let day: Int64 = 86_400

    static func check(_ bytes: [UInt8]) throws(PropertyViolation) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let instant = DateHeaderParser.parse(text) else { return }
        guard DateHeaderParser.parse(text) == instant else {
            throw PropertyViolation("parsing \(quoted(text)) twice gives different instants")
        }
        // Offsets up to ±14 h move the local date by less than a day either way.
        guard instant.seconds >= writable.lowerBound + day, instant.seconds <= writable.upperBound - day else { return }
        let offsetMinutes = (Int(bytes.count % 57) - 28) * 30
        let formats: [DateHeaderFormat] = [.rfc1123, .iso8601UTC, .iso8601(offsetMinutes: offsetMinutes)]
        for format in formats {
            let written = format.format(instant)
            guard let reread = DateHeaderParser.parse(written) else {
                throw PropertyViolation(
                    "\(quoted(text)) parses to \(instant.seconds), written \(format) as "
                        + "\(quoted(written)), which does not parse")
            }
            guard reread == instant else {
                throw PropertyViolation(
                    "\(quoted(text)) parses to \(instant.seconds), written \(format) as "
                        + "\(quoted(written)), which parses to \(reread.seconds)")
            }
        }
    }
}

/// Text in quotes with control characters and non-ASCII escaped, for messages.
func quoted(_ text: String) -> String {
    "\"" + text.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : $0.escaped(asASCII: true) }.joined()
        + "\""
}
