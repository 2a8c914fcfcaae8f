import Foundation
import GoTomModels
import Testing

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test("Parses and formats yyyy-MM-dd")
    func parseAndFormat() throws {
        let date = try CalendarDate(parsing: "2024-02-29")
        #expect(date.year == 2024 && date.month == 2 && date.day == 29)
        #expect(date.iso8601 == "2024-02-29")
        #expect(try CalendarDate(year: 987, month: 1, day: 5).description == "0987-01-05")
        #expect(CalendarDate("2025-12-31") == (try CalendarDate(year: 2025, month: 12, day: 31)))
    }

    @Test(
        "Rejects text that is not a real yyyy-MM-dd day",
        arguments: [
            "2023-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "0000-01-01",
            "2024-1-01", "24-01-01", " 2024-01-01", "2024-01-01T00:00:00Z", "2024/01/01", "2024-01-0a", "",
            "２０２４-01-01",
        ]
    )
    func rejectsInvalid(text: String) {
        #expect(throws: GoTomModelsError.invalidCalendarDate) { try CalendarDate(parsing: text) }
        #expect(CalendarDate(text) == nil)
    }

    @Test("Leap years follow the Gregorian rules")
    func leapYears() throws {
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("1900-02-29") == nil)
        #expect(CalendarDate("2100-02-29") == nil)
        #expect(CalendarDate("2028-02-29") != nil)
    }

    @Test("Orders dates chronologically")
    func ordering() throws {
        let dates = try ["2024-03-01", "2023-12-31", "2024-02-29", "2024-02-01"].map { try CalendarDate(parsing: $0) }
        #expect(dates.sorted().map(\.description) == ["2023-12-31", "2024-02-01", "2024-02-29", "2024-03-01"])
        #expect(try CalendarDate(parsing: "2024-01-02") > CalendarDate(parsing: "2024-01-01"))
    }

    @Test("Codable as a plain string")
    func codable() throws {
        struct Holder: Codable, Equatable { var day: CalendarDate }
        let holder = try TestJSON.decode(Holder.self, #"{"day":"2024-11-07"}"#)
        #expect(holder.day == (try CalendarDate(year: 2024, month: 11, day: 7)))
        #expect(String(decoding: try JSONEncoder().encode(holder), as: UTF8.self) == #"{"day":"2024-11-07"}"#)
    }

    @Test("Decoding an impossible date fails with a clear, typed error")
    func decodingError() throws {
        struct Holder: Decodable { var day: CalendarDate }
        do {
            _ = try TestJSON.decode(Holder.self, #"{"day":"2024-02-30"}"#)
            Issue.record("decoding should have failed")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.codingPath.map(\.stringValue) == ["day"])
            #expect(context.debugDescription.contains("day 30 does not exist in 2024-02"))
            #expect(context.underlyingError as? GoTomModelsError == .invalidCalendarDate)
        }
        #expect(throws: DecodingError.self) { try TestJSON.decode(Holder.self, #"{"day":20240230}"#) }
    }

    @Test("Converts to and from instants in a given time zone")
    func foundationConversion() throws {
        let zurich = try #require(TimeZone(identifier: "Europe/Zurich"))
        let instant = try #require(ISO8601DateFormatter().date(from: "2024-03-31T22:30:00Z"))
        #expect(CalendarDate(instant, in: zurich)?.description == "2024-04-01")
        #expect(CalendarDate(instant, in: TimeZone(identifier: "UTC")!)?.description == "2024-03-31")
        let start = try #require(try CalendarDate(parsing: "2024-04-01").startOfDay(in: zurich))
        #expect(start == ISO8601DateFormatter().date(from: "2024-03-31T22:00:00Z"))
    }
}
