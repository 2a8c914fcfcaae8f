import Foundation
import GoTomModels
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    static let sample = #"""
        {"a": null, "b": true, "c": 2571139747, "d": 33.33, "e": "text", "f": [1, "x", false, null, {"g": []}],
         "h": {"i": -0.5, "j": {}}}
        """#

    @Test("Round-trips arbitrary JSON like JSONSerialization does")
    func roundTripMatchesJSONSerialization() throws {
        let value = try TestJSON.parse(Self.sample)
        let reencoded = try JSONEncoder().encode(value)
        let original = try JSONSerialization.jsonObject(with: Data(Self.sample.utf8)) as? NSDictionary
        let roundTripped = try JSONSerialization.jsonObject(with: reencoded) as? NSDictionary
        #expect(original != nil)
        #expect(original == roundTripped)
    }

    @Test("Keeps numbers exact")
    func exactNumbers() throws {
        let value = try TestJSON.parse(Self.sample)
        #expect(value["c"]?.intValue == 2_571_139_747)
        #expect(value["d"] == .number(Decimal(string: "33.33")!))
        #expect(value["d"]?.intValue == nil)
        #expect(value["d"]?.doubleValue == 33.33)
        #expect(String(decoding: try JSONEncoder().encode(value["d"]), as: UTF8.self) == "33.33")
    }

    @Test("Literals build the same values as decoding")
    func literals() throws {
        let literal: JSONValue = [
            "a": .null, "b": true, "c": 2_571_139_747, "d": 33.33, "e": "text",
            "f": [1, "x", false, .null, ["g": []]], "h": ["i": -0.5, "j": [:]],
        ]
        #expect(literal == (try TestJSON.parse(Self.sample)))
    }

    @Test("A violation item keeps an explicit null apart from a missing value")
    func violationItemNulls() throws {
        let item = try TestJSON.decode(
            ConstraintViolationItem.self,
            #"{"propertyPath": "customer", "invalidValue": null, "code": "ad32d13f-c3d4-423b-909a-857b961eb720"}"#
        )
        #expect(item.invalidValue == .null)
        #expect(item.cause == nil)
        #expect(item.code == .nullValue)
        #expect(try TestJSON.json(item)["invalidValue"] == .null)
        #expect(try TestJSON.json(item)["cause"] == nil)
    }
}
