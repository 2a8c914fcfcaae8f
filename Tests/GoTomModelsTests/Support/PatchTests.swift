import Foundation
import GoTomModels
import Testing

@Suite("Patch: absent, null and value")
struct PatchTests {
    @Test("An update sends only the keys that are set, and null only when asked")
    func encodingKeepsAbsentAndNullApart() throws {
        let update = CampaignUpdate(name: "Spring", agency: .null, note: .value("call back"))
        let json = try TestJSON.json(update)
        #expect(json == ["name": "Spring", "agency": .null, "note": "call back"])
        #expect(json.objectValue?.keys.sorted() == ["agency", "name", "note"])
        #expect(json["agency"] == .null)
        #expect(json["intermediator"] == nil)
    }

    @Test("An empty update encodes as an empty object")
    func emptyUpdate() throws {
        #expect(try TestJSON.json(CampaignUpdate()) == [:])
        #expect(try TestJSON.json(FlightUpdate()) == [:])
    }

    @Test("Decoding tells a missing key, null and a value apart")
    func decodingDistinguishesTheThreeStates() throws {
        let update = try TestJSON.decode(
            CampaignUpdate.self,
            #"{"agency": null, "intermediator": {"entityExternalCrmId": "crm-7"}, "name": "X"}"#
        )
        #expect(update.agency == .null)
        #expect(update.intermediator == .value(ContactRef(entityExternalCrmId: "crm-7")))
        #expect(update.customer == .absent)
        #expect(update.note.isAbsent)
        #expect(update.name == "X")
    }

    @Test("Flight tags: null and an empty array are both sent as given")
    func flightTagsClearing() throws {
        #expect(try TestJSON.json(FlightUpdate(flightTags: .null)) == ["flightTags": .null])
        #expect(try TestJSON.json(FlightUpdate(flightTags: .value([]))) == ["flightTags": []])
        #expect(try TestJSON.json(FlightUpdate(flightTags: .value([3, 5]))) == ["flightTags": [3, 5]])
        let decoded = try TestJSON.decode(FlightUpdate.self, #"{"flightPositionTypeName": null}"#)
        #expect(decoded.flightPositionTypeName == .null)
        #expect(decoded.flightTags == .absent)
    }

    @Test("A nullable pipeline status on a CRM contact keeps null")
    func customerWritePipelineStatus() throws {
        let contact = CustomerWrite.Contact(
            externalCrmId: "c-1",
            peopleGender: .female,
            peopleLastname: "Muster",
            peopleName: "Anna",
            pipelineStatus: .null
        )
        let json = try TestJSON.json(contact)
        #expect(json["pipelineStatus"] == .null)
        #expect(json["peoplePhone"] == nil)
        let back = try JSONDecoder().decode(CustomerWrite.Contact.self, from: JSONEncoder().encode(contact))
        #expect(back == contact)
    }

    @Test("A wrong type under a present key is still an error")
    func wrongTypeFails() {
        #expect(throws: DecodingError.self) {
            try TestJSON.decode(CampaignUpdate.self, #"{"note": 5}"#)
        }
    }

    @Test("Convenience members")
    func convenience() {
        #expect(Patch<Int>(nil) == .null)
        #expect(Patch(4) == .value(4))
        #expect(Patch.value(4).map { $0 * 2 } == .value(8))
        #expect(Patch<Int>.null.map { $0 * 2 } == .null)
        #expect(Patch<Int>.absent.value == nil)
        #expect(Patch<Int>.absent.isAbsent)
        #expect(!Patch<Int>.null.isAbsent)
    }

    @Test("Container helpers work for callers' own types")
    func containerHelpers() throws {
        struct Probe: Codable, Equatable {
            var field: Patch<String>
            var required: String?
            enum CodingKeys: String, CodingKey { case field, required }
            init(field: Patch<String>, required: String?) {
                self.field = field
                self.required = required
            }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                field = try container.decode(Patch<String>.self, forKey: .field)
                required = try container.decodeNullable(String.self, forKey: .required)
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(field, forKey: .field)
                try container.encodeNullable(required, forKey: .required)
            }
        }
        #expect(try TestJSON.json(Probe(field: .absent, required: nil)) == ["required": .null])
        #expect(try TestJSON.decode(Probe.self, #"{"required": null}"#) == Probe(field: .absent, required: nil))
        #expect(throws: DecodingError.self) { try TestJSON.decode(Probe.self, #"{"field": "x"}"#) }
    }
}
