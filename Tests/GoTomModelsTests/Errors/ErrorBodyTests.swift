import Foundation
import GoTomModels
import GoTomTestSupport
import Testing

@Suite("Error bodies and violation codes")
struct ErrorBodyTests {
    /// The 404 body as goTom documents it (the example in the Campaign API spec and on the example-code page).
    static let documentedProblemBody = #"""
        {"type": "https://tools.ietf.org/html/rfc2616#section-10", "title": "An error occurred",
         "status": 404, "detail": "Not Found"}
        """#

    /// The 404 body shown on goTom's example-code page, cut after its "Response body" heading.
    static func seedProblemBody() throws -> String {
        try Prerequisite.seedPage.require()
        let text = try String(contentsOf: SeedClients.seedPath, encoding: .utf8)
        let marker = try #require(text.range(of: "Response body"), "the seed page has no 'Response body'")
        let open = try #require(text[marker.upperBound...].firstIndex(of: "{"))
        let close = try #require(text[open...].firstIndex(of: "}"))
        return String(text[open...close])
    }

    static func checkProblemBody(_ text: String) throws {
        let problem = try TestJSON.decode(ProblemDetails.self, text)
        #expect(problem.status == 404)
        #expect(problem.detail == "Not Found")
        #expect(problem.title == "An error occurred")
        #expect(problem.type == "https://tools.ietf.org/html/rfc2616#section-10")
        #expect(try TestJSON.json(problem) == TestJSON.parse(text))
    }

    @Test("The documented 404 problem body decodes and round-trips")
    func problemDetails() throws {
        try Self.checkProblemBody(Self.documentedProblemBody)
    }

    @Test("The 404 problem body on goTom's example-code page decodes and round-trips", .requires(.seedPage))
    func seedProblemDetails() throws {
        try Self.checkProblemBody(Self.seedProblemBody())
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
        let error = #expect(throws: GoTomModelsError.self) { try CalendarDate(parsing: "2024-02-30") }
        #expect(error == .invalidCalendarDate)
        #expect(error != .invalidBase64)
        #expect(error?.shortDescription == "invalidCalendarDate")
        #expect(error?.description.hasPrefix("invalidCalendarDate: ") == true)
    }
}
