import GoTomAuth
import Testing

@Suite("Date header")
struct DateHeaderTests {
    static let instant: Int64 = 1_730_974_875  // 2024-11-07T10:21:15Z

    @Test(
        "every accepted format reads as the same instant",
        arguments: [
            "2024-11-07T10:21:15Z",
            "2024-11-07T10:21:15z",
            "2024-11-07T10:21:15.123Z",
            "2024-11-07T10:21:15.123456Z",
            "2024-11-07T11:21:15+01:00",
            "2024-11-07T11:21:15.5+01:00",
            "2024-11-07T11:21:15+0100",
            "2024-11-07T11:21:15+01",
            "2024-11-07T05:21:15-05:00",
            "2024-11-07 10:21:15",
            "2024-11-07T10:21:15",
            "2024-11-07T10:21:15 UTC",
            "Thu, 07 Nov 2024 10:21:15 GMT",
            "Thu, 7 Nov 2024 10:21:15 GMT",
            "Thu, 07 Nov 2024 11:21:15 +0100",
            "07 Nov 2024 10:21:15 GMT",
            "Thursday, 07-Nov-24 10:21:15 GMT",
            "Thu Nov  7 10:21:15 2024",
            "@1730974875",
        ]
    )
    func accepted(_ text: String) {
        #expect(DateHeaderParser.parse(text)?.seconds == Self.instant)
    }

    @Test(
        "rejected text",
        arguments: [
            "", "yesterday at noon", "2024-13-07T10:21:15Z", "2024-02-30T10:21:15Z", "2024-11-07T25:21:15Z",
            "2024-11-07T10:21:15+25:00", "Thu, 07 Foo 2024 10:21:15 GMT", "2024-11-07T10:21:15Zjunk",
            "Thu, 07 Nov 2024 10:21:15 CEST",
        ]
    )
    func rejected(_ text: String) {
        #expect(DateHeaderParser.parse(text) == nil)
    }

    @Test("formats round-trip through the parser")
    func formats() {
        let time = UnixTime(seconds: Self.instant)
        #expect(DateHeaderFormat.iso8601UTC.format(time) == "2024-11-07T10:21:15Z")
        #expect(DateHeaderFormat.iso8601(offsetMinutes: 60).format(time) == "2024-11-07T11:21:15+01:00")
        #expect(DateHeaderFormat.iso8601(offsetMinutes: -330).format(time) == "2024-11-07T04:51:15-05:30")
        #expect(DateHeaderFormat.rfc1123.format(time) == "Thu, 07 Nov 2024 10:21:15 GMT")
        #expect(DateHeaderFormat.rfc1123.format(UnixTime(seconds: 385_344_004)) == "Fri, 19 Mar 1982 00:00:04 GMT")
        for seconds in stride(from: Int64(-2_000_000_000), through: 4_000_000_000, by: 86_399 * 97) {
            let time = UnixTime(seconds: seconds)
            for format in [DateHeaderFormat.iso8601UTC, .iso8601(offsetMinutes: 120), .rfc1123] {
                #expect(DateHeaderParser.parse(format.format(time)) == time)
            }
        }
    }
}
