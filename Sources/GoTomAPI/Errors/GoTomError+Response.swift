import Foundation
import GoTomAuth
import GoTomModels

extension GoTomError {
    /// The most bytes of an error body kept in ``bodyExcerpt``.
    static let excerptLimit = 1024

    /// Interprets a response whose status the operation does not expect.
    ///
    /// - Parameters:
    ///   - response: The status and headers.
    ///   - body: The body, read up to the error-body limit.
    ///   - request: The request that was answered.
    ///   - resent: Whether an earlier attempt may already have reached goTom.
    ///   - attempts: How many times the request was sent.
    /// - Returns: The error to throw.
    static func from(
        status: Int,
        headers: [(name: String, value: String)],
        body: [UInt8],
        request: APIRequest,
        resent: Bool,
        attempts: Int
    ) -> GoTomError {
        let json = try? JSONDecoder().decode(JSONValue.self, from: Data(body))
        let problem = json.flatMap(Self.problemDetails)
        var error: GoTomError
        switch status {
        case 401:
            error = .unauthorized
            error.serverMessage = Self.message(in: json)
            error.verificationError = error.serverMessage.flatMap(VerificationError.init(serverMessage:))
        case 404:
            error = .notFound
            error.problem = problem
            error.serverMessage = Self.message(in: json)
        case 400 where request.isCRMSync:
            error = .crmDataError
            let decoded = try? JSONDecoder().decode(UpdateCustomerErrorResponse.self, from: Data(body))
            error.jobId = decoded?.jobId
            error.crmReason = decoded?.reason
            error.serverMessage = decoded?.errorLogs?.apiError ?? decoded?.error?.msg ?? Self.message(in: json)
        case _ where !Self.violations(in: json).isEmpty:
            let violations = Self.violations(in: json)
            let duplicate = resent && violations.contains { request.duplicateCodes.contains($0.code) }
            error = duplicate ? .externalIdAlreadyInUse : .constraintViolations
            error.violations = violations
        case 500...599:
            error = .serverError
            error.problem = problem
            error.serverMessage = Self.message(in: json)
        case 400...499:
            error = .rejected
            error.problem = problem
            error.serverMessage = Self.message(in: json)
        default:
            error = .unexpectedResponse
            error.serverMessage = Self.message(in: json)
            error.detail = "unexpected HTTP status \(status)"
        }
        error.status = status
        error.operation = request.operation
        error.request = request.summary
        error.attempts = attempts
        error.dateHeader = RawResponse.header("Date", in: headers)
        error.requestId = RawResponse.header("X-Request-Id", in: headers)
        error.bodyExcerpt = body.isEmpty ? nil : Self.excerpt(body)
        return error
    }

    /// The start of a body as text, at most ``excerptLimit`` bytes.
    static func excerpt(_ body: [UInt8]) -> String {
        String(decoding: body.prefix(excerptLimit), as: UTF8.self)
    }

    /// The violations of a `ConstraintViolationResponse`-shaped body.
    private static func violations(in json: JSONValue?) -> [ConstraintViolation] {
        guard let items = json?["errors"]?.arrayValue, !items.isEmpty else { return [] }
        return items.compactMap { item -> ConstraintViolation? in
            guard item.objectValue != nil else { return nil }
            return ConstraintViolation(
                code: ViolationCode(rawValue: item["code"]?.stringValue ?? ""),
                propertyPath: item["propertyPath"]?.stringValue ?? "",
                message: item["message"]?.stringValue ?? "",
                invalidValue: item["invalidValue"]
            )
        }
    }

    /// goTom's message in any of the shapes it uses: a JSON string (401), `detail` (problem JSON),
    /// `message` (500, customer 404), `error.msg` (422, CRM sync) or `jobStatus` (CRM job 404).
    private static func message(in json: JSONValue?) -> String? {
        guard let json else { return nil }
        if let text = json.stringValue { return text }
        if let detail = json["detail"]?.stringValue { return detail }
        if let message = json["message"]?.stringValue { return message }
        if let message = json["error"]?["msg"]?.stringValue { return message }
        if let message = json["error"]?.stringValue { return message }
        if let status = json["jobStatus"]?.stringValue { return status }
        return nil
    }

    private static func problemDetails(_ json: JSONValue) -> ProblemDetails? {
        guard json.objectValue != nil, json["title"] != nil || json["detail"] != nil || json["type"] != nil else {
            return nil
        }
        return ProblemDetails(
            type: json["type"]?.stringValue,
            title: json["title"]?.stringValue,
            status: json["status"]?.intValue,
            detail: json["detail"]?.stringValue
        )
    }
}
