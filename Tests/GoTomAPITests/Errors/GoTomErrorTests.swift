import GoTomAPI
import GoTomAuth
import GoTomModels
import GoTomTesting
import Testing

@Suite("How responses become GoTomError values")
struct GoTomErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var reply: FaultServer.Reply
        var expected: GoTomError
        var message: String?

        var testDescription: String { name }
    }

    static let json = [("Content-Type", "application/json")]

    static let cases: [Case] = [
        Case(
            name: "401 with goTom's JSON string",
            reply: .init(status: 401, headers: json, body: #""Timestamp not valid""#),
            expected: .unauthorized, message: "Timestamp not valid"),
        Case(
            name: "404 problem JSON",
            reply: .init(
                status: 404, headers: json, body: #"{"title":"An error occurred","status":404,"detail":"Not Found"}"#),
            expected: .notFound, message: "Not Found"),
        Case(
            name: "501 violations (sum-up strategy)",
            reply: .init(
                status: 501, headers: json, body: #"{"errors":[{"code":"4c396abe-92c8-45ae-a3af-9baa4b76bbda"}]}"#),
            expected: .constraintViolations, message: nil),
        Case(
            name: "500 with message",
            reply: .init(status: 500, headers: json, body: #"{"message":"Internal Server Error"}"#),
            expected: .serverError, message: "Internal Server Error"),
        Case(
            name: "422 error.msg",
            reply: .init(status: 422, headers: json, body: #"{"error":{"msg":"not a valid entity"}}"#),
            expected: .rejected, message: "not a valid entity"),
        Case(
            name: "302 redirect", reply: .init(status: 302, headers: [("Location", "/login")]),
            expected: .unexpectedResponse, message: nil),
        Case(
            name: "200 that is not JSON", reply: .init(status: 200, body: "<html>maintenance</html>"),
            expected: .unexpectedResponse, message: nil),
    ]

    @Test("status and body map to the documented codes", arguments: cases)
    func classification(_ testCase: Case) async throws {
        var caught: GoTomError?
        try await RetryTests.withServer([], fallback: .reply(testCase.reply)) { _, setup in
            caught = try await expectGoTomError { () async throws in
                try await setup.client.campaigns.get("c")
            }
        }
        let error = try #require(caught)
        #expect(error == testCase.expected, "\(error)")
        #expect(error.status == testCase.reply.status)
        #expect(error.serverMessage == testCase.message)
        #expect(error.request == "GET /app-api/campaign/c")
        #expect(error.operation == "campaigns.get")
        if testCase.reply.status == 401 { #expect(error.verificationError == .timestampNotValid) }
        if testCase.reply.status == 501 { #expect(error.hasViolation(.sumUpStrategyNotSupported)) }
        if testCase.reply.status == 200 { #expect(error.bodyExcerpt == "<html>maintenance</html>") }
    }

    @Test("the body excerpt is capped at 1 KiB; the description stays bounded")
    func excerpt() async throws {
        let body = String(repeating: "x", count: 5000)
        var caught: GoTomError?
        try await RetryTests.withServer([], fallback: .reply(.init(status: 418, body: body))) { _, setup in
            caught = try await expectGoTomError { () async throws in
                try await setup.client.campaigns.get("c")
            }
        }
        let error = try #require(caught)
        #expect(error == .rejected)
        #expect(error.bodyExcerpt?.utf8.count == 1024)
        #expect(error.shortDescription.count < 250)
        #expect(error.description.count < 1500)
    }

    @Test("errors compare by code only and name it")
    func equality() {
        #expect(GoTomError.notFound == .notFound)
        #expect(GoTomError.notFound != .rejected)
        #expect(GoTomError.externalIdAlreadyInUse.name == "externalIdAlreadyInUse")
        #expect(GoTomError.cancelled.shortDescription == "cancelled")
        let violation = ConstraintViolation(
            ConstraintViolationItem(propertyPath: "externalId", message: "used", code: .externalIdAlreadyUsed))
        #expect(violation.description == "externalId: used (1f06b2d7-49b4-4b8b-aa66-5172aeb01e97)")
    }
}
