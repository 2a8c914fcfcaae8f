import Foundation
import GoTomModels
import Testing

@Suite("IntegerOrString")
struct IntegerOrStringTests {
    @Test("Keeps integers and strings apart, including numeric-looking strings")
    func decoding() throws {
        #expect(try TestJSON.decode([IntegerOrString].self, #"[42, "gam-1", "42"]"#) == [42, "gam-1", .string("42")])
    }

    @Test("Encodes back to the same JSON type")
    func encoding() throws {
        #expect(try TestJSON.json([IntegerOrString.integer(7), .string("7")]) == [7, "7"])
    }

    @Test("Rejects other JSON values", arguments: ["4.5", "true", "null", "[]", "{}"])
    func rejectsOthers(text: String) {
        #expect(throws: DecodingError.self) { try TestJSON.decode(IntegerOrString.self, text) }
    }

    @Test("Primary keys with integer and string ids")
    func primaryKeys() throws {
        let page = try TestJSON.decode(
            PrimaryKeysRead.self,
            #"""
            {"pagination": {"totalItems": 2, "perPage": 1000, "currentPage": 1, "lastPage": 1, "nextPageUrl": null},
             "items": [{"id": 12, "name": "Desktop"}, {"id": "xandr1", "name": "Xandr", "isDefault": false}]}
            """#
        )
        #expect(page.items?.map(\.id) == [.integer(12), .string("xandr1")])
        #expect(page.items?.first?.id.integerValue == 12)
        #expect(page.items?.last?.id.stringValue == "xandr1")
        #expect(page.pagination?.nextPageUrl == nil)
        #expect(try TestJSON.json(page)["pagination"]?["nextPageUrl"] == .null)
    }
}
