import Foundation
import GoTomModels
import Testing

@Suite("Flight models")
struct FlightTests {
    static let readText = #"""
        {"externalId": "f-1", "adServerId": "gam", "runtime": {"start": {"date": "2024-05-01", "time": "00:00"},
         "end": {"date": "2024-05-31"}}, "tarifId": 1, "mediaId": 4, "platformId": 6, "channelId": 18,
         "advertisingId": 13, "priceTypeId": 1, "units": 100000, "bruttoPriceUnit": 25.5,
         "flightPositionTypeName": "Standard", "flightTags": [{"id": 3, "name": "Video"}]}
        """#

    @Test("A flight read has tag objects, not tag ids")
    func readTags() throws {
        let flight = try TestJSON.decode(FlightRead.self, Self.readText)
        #expect(flight.flightTags == [FlightTag(id: 3, name: "Video")])
        #expect(flight.runtime.start?.date == (try CalendarDate(parsing: "2024-05-01")))
        #expect(flight.bruttoPriceUnit == .amount(Decimal(string: "25.5")!))
        #expect(try TestJSON.json(flight) == TestJSON.parse(Self.readText))
    }

    @Test("A flight read needs its tags")
    func readNeedsTags() throws {
        let text = Self.readText.replacingOccurrences(of: #", "flightTags": [{"id": 3, "name": "Video"}]"#, with: "")
        #expect(throws: DecodingError.self) { try TestJSON.decode(FlightRead.self, text) }
    }

    @Test("The gross unit price is a number or a string such as loadFromRate")
    func bruttoPriceUnit() throws {
        #expect(try TestJSON.decode(BruttoPriceUnit.self, #""loadFromRate""#) == .loadFromRate)
        #expect(try TestJSON.decode(BruttoPriceUnit.self, "15.20") == .amount(Decimal(string: "15.2")!))
        #expect(try TestJSON.decode(BruttoPriceUnit.self, #""fromSomewhere""#) == .string("fromSomewhere"))
        #expect(try TestJSON.json(BruttoPriceUnit.loadFromRate) == "loadFromRate")
        #expect(BruttoPriceUnit.loadFromRate.amount == nil)
        #expect(throws: DecodingError.self) { try TestJSON.decode(BruttoPriceUnit.self, "true") }
    }

    @Test("A create body with the eleven required fields")
    func createBody() throws {
        let runtime = FlightRuntime(
            start: DateTimeComponents(date: try CalendarDate(parsing: "2024-05-01"), time: "08:00"),
            end: DateTimeComponents(date: try CalendarDate(parsing: "2024-05-31"))
        )
        let body = FlightCreate(
            externalId: "f-1", adServerId: "gam", runtime: runtime, tarifId: 1, mediaId: 4, platformId: 6,
            channelId: 18, advertisingId: 13, priceTypeId: 1, units: 1000, bruttoPriceUnit: .loadFromRate,
            flightTags: [3]
        )
        let json = try TestJSON.json(body)
        #expect(json.objectValue?.count == 12)
        #expect(json["runtime"]?["end"] == ["date": "2024-05-31"])
        #expect(json["flightTags"] == [3])
    }

    @Test("Xandr keys decode by shape: with values as string keys, otherwise numeric")
    func xandrEntries() throws {
        let set = try TestJSON.decode(
            KeyValueSetXandr.self,
            #"""
            {"set": [{"id": "39746", "name": "genre", "values": [{"id": "1", "name": "news"}], "not": true},
                     {"id": "2571139747", "name": "age", "numericValue": "18", "comparisonOperator": "2"}]}
            """#
        )
        guard case .string(let text) = set.set[0], case .numeric(let number) = set.set[1] else {
            Issue.record("unexpected cases \(set.set)")
            return
        }
        #expect(text.values == [KeyValueValueXandr(id: "1", name: "news")])
        #expect(text.not == true)
        #expect(number.comparisonOperator == .greaterThanOrEqual)
        #expect(number.numericValue == "18")
    }

    @Test("Commission and sublines keep decimal amounts exact")
    func decimals() throws {
        let commission = try TestJSON.decode(
            FlightCommission.self, #"{"bkPercent": 5.0, "vmkAmount": 500.1, "vmkType": "DBE"}"#)
        #expect(commission.vmkAmount == Decimal(string: "500.1"))
        #expect(commission.vmkType == .dbe)
        let sublines = FlightSublines(sublines: [FlightSubline(platformId: 2, percentage: Decimal(string: "42.5"))])
        #expect(try TestJSON.json(sublines) == ["sublines": [["platformId": 2, "percentage": 42.5]]])
    }
}
