import Foundation
import GoTomModels
import Testing

@Suite("Error bodies and violation codes")
struct ErrorBodyTests {
    /// The 404 body from goTom's example-client page, read from the seed when it is available.
    static func seedProblemBody() -> String {
        let fallback = #"""
            {"type": "https://tools.ietf.org/html/rfc2616#section-10", "title": "An error occurred",
             "status": 404, "detail": "Not Found"}
            """#
        // ../shared/reference/seed beside the package root.
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/reference/seed", isDirectory: true)
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path),
            let name = files.sorted().first(where: { $0.hasSuffix(".txt") }),
            let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8),
            let marker = text.range(of: "Response body"),
            let open = text[marker.upperBound...].firstIndex(of: "{"),
            let close = text[open...].firstIndex(of: "}")
        else {
            print("Seed page not available; using the documented 404 body instead.")
            return fallback
        }
        return String(text[open...close])
    }

    @Test("The seed's 404 problem body decodes and round-trips")
    func problemDetails() throws {
        let text = Self.seedProblemBody()
        let problem = try TestJSON.decode(ProblemDetails.self, text)
        #expect(problem.status == 404)
        #expect(problem.detail == "Not Found")
        #expect(problem.title == "An error occurred")
        #expect(problem.type == "https://tools.ietf.org/html/rfc2616#section-10")
        #expect(try TestJSON.json(problem) == TestJSON.parse(text))
    }

    @Test("A violation response with known and unknown codes")
    func violations() throws {
        let text = #"""
            {"errors": [
              {"propertyPath": "externalId", "message": "in use", "invalidValue": "c-1", "cause": null,
               "code": "1f06b2d7-49b4-4b8b-aa66-5172aeb01e97"},
              {"propertyPath": "", "message": "new rule", "invalidValue": {"a": [1, 2]},
               "code": "00000000-0000-4000-8000-000000000000"}]}
            """#
        let response = try TestJSON.decode(ConstraintViolationResponse.self, text)
        let codes = try #require(response.errors?.map(\.code))
        #expect(codes[0] == .externalIdAlreadyUsed)
        #expect(codes[1]?.isKnown == false)
        #expect(response.errors?[1].invalidValue == ["a": [1, 2]])
        #expect(try TestJSON.json(response) == TestJSON.parse(text))
    }

    @Test("Violation constants carry the documented codes")
    func violationConstants() {
        #expect(ViolationCode.externalIdAlreadyUsed.rawValue == "1f06b2d7-49b4-4b8b-aa66-5172aeb01e97")
        #expect(ViolationCode.referencedIdNotFound.rawValue == "5658b9ca-ce50-4a98-a0da-97d9361845e3")
        #expect(ViolationCode.sumUpStrategyNotSupported.rawValue == "4c396abe-92c8-45ae-a3af-9baa4b76bbda")
        #expect(ViolationCode.flightDiscountAmountsBothSet.rawValue == "5268ee13-0ad7-4393-a4be-6e17fbeb9569")
    }

    @Test("Other error bodies")
    func otherBodies() throws {
        let invalid = try TestJSON.decode(
            InvalidEntityResponse.self, #"{"error": {"msg": "'x' is not a valid entity."}}"#)
        #expect(invalid.error?.msg == "'x' is not a valid entity.")
        #expect(
            try TestJSON.decode(InternalServerErrorResponse.self, #"{"message": "Internal Server Error"}"#).message
                == "Internal Server Error")
    }

    @Test("Model errors compare by kind and describe themselves briefly")
    func modelError() {
        do {
            _ = try CalendarDate(parsing: "2024-02-30")
        } catch {
            #expect(error == .invalidCalendarDate)
            #expect(error != .invalidBase64)
            #expect(error.shortDescription == "invalidCalendarDate")
            #expect(error.description.hasPrefix("invalidCalendarDate: "))
        }
    }
}
