import Foundation
import GoTomModels
import Testing

@testable import GoTomAPI
@testable import GoTomCLI

/// The JSON error object scripts read: the same keys for every kind, the kind's name and its exit code.
@Suite("JSON error object for every error kind")
struct ErrorDocumentTests {
    static let keys: Set<String> = [
        "kind", "status", "operation", "message", "violations", "requestId", "attempts", "summary", "exitCode",
    ]

    @Test(
        "each kind names itself and maps to its documented exit code",
        arguments: [
            (GoTomError.unauthorized, "unauthorized", Int32(4)),
            (.notFound, "notFound", 4),
            (.constraintViolations, "constraintViolations", 4),
            (.externalIdAlreadyInUse, "externalIdAlreadyInUse", 4),
            (.crmJobPending, "crmJobPending", 4),
            (.crmDataError, "crmDataError", 4),
            (.rejected, "rejected", 4),
            (.serverError, "serverError", 5),
            (.transport, "transport", 6),
            (.unexpectedResponse, "unexpectedResponse", 1),
            (.invalidRequest, "invalidRequest", 64),
            (.fileSystem, "fileSystem", 1),
            (.cancelled, "cancelled", 130),
        ])
    func kind(_ base: GoTomError, name: String, exitCode: Int32) throws {
        let error = GoTomError.make(base, detail: "local detail", operation: "campaigns.create")
        let status = ErrorReport.exitStatus(for: error)
        #expect(status.rawValue == exitCode)
        let text = try JSONOutput.encode(ErrorDocument(error, exitStatus: status), pretty: false)
        #expect(!text.contains("\n"), "one line: \(text)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Self.keys, "\(text)")
        #expect(object["kind"] as? String == name)
        #expect(object["operation"] as? String == "campaigns.create")
        #expect(object["message"] as? String == "local detail")
        #expect(object["exitCode"] as? Int == Int(exitCode))
        #expect(object["status"] is NSNull && object["requestId"] is NSNull && object["attempts"] is NSNull)
        #expect((object["summary"] as? String)?.isEmpty == false)
    }

    @Test("a re-sent create whose externalId is taken lists goTom's violation with its code")
    func externalIdAlreadyInUse() throws {
        var error = GoTomError.make(.externalIdAlreadyInUse, detail: nil, operation: "campaigns.create")
        error.status = 400
        error.attempts = 2
        error.violations = [
            ConstraintViolation(code: .externalIdAlreadyUsed, propertyPath: "externalId", message: "already used")
        ]
        let status = ErrorReport.exitStatus(for: error)
        let text = try JSONOutput.encode(ErrorDocument(error, exitStatus: status), pretty: false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "externalIdAlreadyInUse")
        #expect(object["status"] as? Int == 400)
        #expect(object["attempts"] as? Int == 2)
        #expect(object["exitCode"] as? Int == 4)
        let violations = try #require(object["violations"] as? [[String: String]])
        #expect(
            violations == [
                [
                    "code": ViolationCode.externalIdAlreadyUsed.rawValue, "propertyPath": "externalId",
                    "message": "already used",
                ]
            ])
    }
}
