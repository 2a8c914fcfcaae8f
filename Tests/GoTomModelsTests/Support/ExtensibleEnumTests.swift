import Foundation
import GoTomModels
import Testing

@Suite("Extensible enums")
struct ExtensibleEnumTests {
    @Test("An unknown string value decodes and encodes back unchanged")
    func unknownString() throws {
        let status = try TestJSON.decode([CampaignStatus].self, #"["booking", "cancelled"]"#)
        #expect(status == [.booking, CampaignStatus(rawValue: "cancelled")])
        #expect(status[0].isKnown && !status[1].isKnown)
        #expect(try TestJSON.json(status) == ["booking", "cancelled"])
        #expect(status[1].description == "cancelled")
    }

    @Test("An unknown integer value decodes and encodes back unchanged")
    func unknownInteger() throws {
        let body = try TestJSON.decode(CommissionStatus.self, #"{"commissionStatus": 1}"#)
        #expect(body.commissionStatus == CommissionSettlement(rawValue: 1))
        #expect(body.commissionStatus?.isKnown == false)
        #expect(try TestJSON.json(body) == ["commissionStatus": 1])
    }

    @Test("Unknown values inside a larger body survive a round trip")
    func nestedUnknowns() throws {
        let text = #"""
            {"adServerId": "x1", "keyValueSets": [{"set": [
              {"id": "1", "name": "age", "numericValue": "18", "comparisonOperator": "9"}]}],
             "outerOp": "XOR"}
            """#
        let result = try TestJSON.decode(KeyValueResultXandr.self, text)
        #expect(result.outerOp == XandrLogicalOperator(rawValue: "XOR"))
        #expect(try TestJSON.json(result) == TestJSON.parse(text))
    }

    @Test("Wrong JSON types are still rejected")
    func wrongType() {
        #expect(throws: DecodingError.self) { try TestJSON.decode(CampaignStatus.self, "1") }
        #expect(throws: DecodingError.self) { try TestJSON.decode(BillingType.self, #""1""#) }
    }

    @Test("Known values list each constant once")
    func knownValues() {
        #expect(CampaignStatus.knownValues == [.booking, .reservation])
        #expect(BillingType.knownValues.map(\.rawValue) == [0, 1, 2, 3])
        #expect(PrimaryKeyEntity.knownValues.count == 12)
        #expect(Set(ViolationCode.knownValues).count == ViolationCode.knownValues.count)
    }
}
