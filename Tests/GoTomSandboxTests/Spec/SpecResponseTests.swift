import Foundation
import GoTomModels
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The facts-only extract of goTom's three specs, shared with GoTomModelsTests (its `Fixtures/openapi-facts/`, made
/// by `Scripts/extract-spec-facts.py`), so this test needs nothing outside the repository.
enum SpecFacts {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("GoTomModelsTests/Fixtures/openapi-facts")

    /// The `document` member of each extract.
    static func documents() throws -> [JSONValue] {
        try ["campaign-api-doc", "crm-sync-api-doc", "graph-report-api-doc"].map { name in
            let url = folder.appendingPathComponent(name + ".json")
            let facts = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
            return try #require(facts["document"], "\(url.path) has no document")
        }
    }
}

@Suite("Success responses against goTom's response schemas")
struct SpecResponseTests {
    /// One call of an operation's success path on the default data (demo data and goTom's example ids).
    struct Call: Sendable, CustomStringConvertible {
        var method: HTTPRequest.Method
        /// The path as the spec writes it.
        var template: String
        var uri: String
        var body: String?

        var description: String { "\(method) \(template)" }
    }

    static let calls: [Call] = {
        let campaign = "/app-api/campaign/{campaignExternalId}"
        let flight = campaign + "/flight/{flightExternalId}"
        let discount = campaign + "/campaign-discount/{cDiscountEID}"
        let flightDiscount = discount + "/flight-discount/{fDiscountEID}"
        let crm = "/app-api/crm-sync-import-external-crm-id"
        let example = "/app-api/campaign/example-campaign"
        return [
            Call(method: .get, template: "/app-api/primary-keys/{entity}", uri: "/app-api/primary-keys/platform"),
            Call(
                method: .post, template: "/app-api/campaign", uri: "/app-api/campaign",
                body: Bodies.campaign("spec-c")),
            Call(method: .get, template: campaign, uri: example),
            Call(
                method: .post, template: campaign, uri: "/app-api/campaign/12345",
                body: #"{"name":"new campaign name","status":"booking","bookingDate":"2021-06-23","note":"new note"}"#),
            Call(
                method: .post, template: campaign + "/flight", uri: example + "/flight", body: Bodies.flight("spec-f")),
            Call(
                method: .get, template: campaign + "/flight-lineitemid/{flightExternalId}",
                uri: example + "/flight-lineitemid/example-flight"),
            Call(method: .get, template: flight, uri: example + "/flight/example-flight"),
            Call(method: .post, template: flight, uri: example + "/flight/spec-f", body: #"{"units":2000}"#),
            Call(method: .get, template: campaign + "/campaign-discount", uri: example + "/campaign-discount"),
            Call(
                method: .post, template: campaign + "/campaign-discount", uri: example + "/campaign-discount",
                body: #"{"name":"Spec","externalId":"spec-cd"}"#),
            Call(
                method: .patch, template: discount, uri: example + "/campaign-discount/spec-cd",
                body: #"{"name":"Spec 2"}"#),
            Call(
                method: .post, template: discount + "/flight-discount",
                uri: example + "/campaign-discount/spec-cd/flight-discount",
                body: #"{"flightExternalId":"spec-f","externalId":"spec-fd","amountPercent":5,"amountSum":null}"#),
            Call(
                method: .get, template: flightDiscount,
                uri: example + "/campaign-discount/campaignDiscountExternalId1234/flight-discount/"
                    + "flightDiscountExternalId1234"),
            Call(
                method: .patch, template: flightDiscount,
                uri: example + "/campaign-discount/spec-cd/flight-discount/spec-fd", body: #"{"amountPercent":7}"#),
            Call(
                method: .delete, template: flightDiscount,
                uri: example + "/campaign-discount/spec-cd/flight-discount/spec-fd"),
            Call(method: .delete, template: discount, uri: example + "/campaign-discount/spec-cd"),
            Call(method: .get, template: flight + "/sublines", uri: example + "/flight/example-flight/sublines"),
            Call(
                method: .post, template: campaign + "/flight", uri: example + "/flight",
                body: Bodies.flight("spec-n", ["platformId": "9"])),
            Call(
                method: .post, template: flight + "/sublines", uri: example + "/flight/spec-n/sublines",
                body: #"{"sublines":[{"platformId":1,"percentage":40},{"platformId":2,"percentage":60}]}"#),
            Call(
                method: .post, template: campaign + "/document", uri: example + "/document",
                body: #"{"name":"offer.pdf","content":"SGVsbG8sIGdvVG9tIQ=="}"#),
            Call(
                method: .post, template: campaign + "/archive-status", uri: "/app-api/campaign/spec-c/archive-status",
                body: #"{"setIsArchived":true}"#),
            Call(
                method: .post, template: campaign + "/commission-status",
                uri: "/app-api/campaign/12345/commission-status", body: #"{"commissionStatus":4}"#),
            Call(method: .get, template: flight + "/commission", uri: example + "/flight/example-flight/commission"),
            Call(
                method: .post, template: flight + "/commission", uri: example + "/flight/example-flight/commission",
                body: #"{"bkPercent":3}"#),
            Call(method: .delete, template: flight, uri: example + "/flight/spec-f"),
            Call(method: .get, template: "/app-api/export/price/tarif/{tarifId}", uri: "/app-api/export/price/tarif/1"),
            Call(method: .get, template: "/app-api/customer", uri: "/app-api/customer"),
            Call(
                method: .get, template: "/app-api/customer/{customerCrmExternalId}",
                uri: "/app-api/customer/example-customer1234"),
            Call(
                method: .post, template: crm + "/update-customer", uri: crm + "/update-customer",
                body: CustomerTests.customer("spec-crm")),
            Call(method: .get, template: crm + "/error-logs/{jobId}", uri: crm + "/error-logs/1"),
            Call(
                method: .get, template: "/app-api/graph-export/download/{savedReportId}",
                uri: "/app-api/graph-export/download/46"),
            Call(
                method: .get, template: "/app-api/custom-report-export/download/{savedReportId}",
                uri: "/app-api/custom-report-export/download/47"),
        ]
    }()

    @Test("the calls cover each of the 31 operations of the three specs")
    func coverage() throws {
        var operations: Set<String> = []
        for document in try SpecFacts.documents() {
            for (path, item) in document["paths"]?.objectValue ?? [:] {
                for method in ["get", "post", "patch", "delete"] where item[method] != nil {
                    operations.insert("\(method.uppercased()) \(path)")
                }
            }
        }
        #expect(operations.count == 31)
        #expect(Set(Self.calls.map(\.description)) == operations)
    }

    @Test("each operation's success answer on a fresh sandbox conforms to the spec's response schema")
    func successResponses() async throws {
        let documents = try SpecFacts.documents()
        try await withSandbox { client throws in
            for call in Self.calls {
                let response = try await client.send(call.method, call.uri, json: call.body)
                let document = try #require(
                    documents.first { $0["paths"]?[call.template]?[call.method.rawValue.lowercased()] != nil },
                    "\(call) is not in the specs")
                let operation = try #require(document["paths"]?[call.template]?[call.method.rawValue.lowercased()])
                let declared = try #require(
                    operation["responses"]?[String(response.status.code)],
                    "\(call) answered \(response.status.code), which the spec does not declare: \(response.text)")
                #expect((200..<300).contains(response.status.code), "\(call): \(response.text)")
                let content = declared["content"]?.objectValue ?? [:]
                if response.status == .noContent || content.isEmpty {
                    #expect(response.body.readableBytes == 0, "\(call) answered a body the spec does not declare")
                    continue
                }
                let contentType = response.headers[.contentType] ?? ""
                let media = try #require(
                    content.first { contentType.hasPrefix($0.key) || $0.key.hasPrefix(contentType) },
                    "\(call) answered \(contentType); the spec declares \(content.keys.sorted())")
                guard media.key.contains("json"), let schema = media.value["schema"] else {
                    #expect(response.body.readableBytes > 0, "\(call) answered an empty \(media.key)")
                    continue
                }
                let validator = ResponseSchemaValidator(document: document)
                let problems = validator.problems(response.json, schema)
                #expect(problems.isEmpty, "\(call) → \(response.status.code): \(problems)\n\(response.text)")
            }
        }
    }

    @Test("error answers that broke the CRM schemas: integer sentJobId and jobId")
    func crmErrorIds() async throws {
        let documents = try SpecFacts.documents()
        let crm = documents[1]
        let validator = ResponseSchemaValidator(document: crm)
        let logs = "/app-api/crm-sync-import-external-crm-id/error-logs/{jobId}"
        let upsert = "/app-api/crm-sync-import-external-crm-id/update-customer"
        try await withSandbox { client throws in
            for id in ["abc", "4711"] {
                let missing = try await client.get("/app-api/crm-sync-import-external-crm-id/error-logs/\(id)")
                #expect(missing.status == .notFound)
                #expect(missing.json["sentJobId"] == (id == "abc" ? 0 : 4711))
                let schema = try #require(
                    crm["paths"]?[logs]?["get"]?["responses"]?["404"]?["content"]?[
                        "application/json"]?["schema"])
                #expect(validator.problems(missing.json, schema).isEmpty, "\(validator.problems(missing.json, schema))")
            }
            let unusable = try await client.post(upsert, "not json")
            #expect(unusable.status == .badRequest)
            #expect(unusable.json["jobId"] == 0)
            let schema = try #require(
                crm["paths"]?[upsert]?["post"]?["responses"]?["400"]?["content"]?[
                    "application/json"]?["schema"])
            #expect(validator.problems(unusable.json, schema).isEmpty, "\(validator.problems(unusable.json, schema))")
        }
    }
}
