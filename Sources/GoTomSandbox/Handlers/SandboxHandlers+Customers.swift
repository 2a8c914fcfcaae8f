import Foundation
import GoTomModels
import HTTPTypes

extension SandboxHandlers {
    /// R1 `GET /app-api/customer`: customers ordered by id, paginated (`?page=` is honoured though undeclared).
    func listCustomers(_ request: SandboxRequest) async throws(Rejection) -> SandboxReply {
        let page = try request.page()
        let perPage = settings.customerPageSize
        return await inspect { state throws(Rejection) in
            let (pagination, items) = request.paginate(state.customersInOrder, page: page, perPage: perPage)
            return .json(.ok, CustomerList(pagination: pagination, items: items.map(state.customerRead)))
        }
    }

    /// R2 `GET /app-api/customer/{externalCrmId}`: `{ok: true, customer}`, or 404 with
    /// `{ok: false, message, customer: null}`.
    func getCustomer(_ request: SandboxRequest) async -> SandboxReply {
        let externalCrmId = request.parameter(0)
        return await inspect { state throws(Rejection) in
            guard let customer = state.customer(externalCrmId) else {
                return .json(
                    .notFound,
                    NoCustomerFoundResponse(message: "Customer not found with externalCrmId \(externalCrmId)")
                )
            }
            return .json(.ok, CustomerFoundResponse(customer: state.customerRead(customer)))
        }
    }

    /// R3 `POST /app-api/crm-sync-import-external-crm-id/update-customer`: upsert, answered per the sync mode.
    func upsertCustomer(_ request: SandboxRequest) async -> SandboxReply {
        guard settings.crmSync else { return .notFound }
        guard !request.body.isEmpty else { return Self.crmBodyError("Request had no body") }
        // Straight from the bytes to the model: only text that is not JSON fails here.
        guard let body = try? JSONBody.decoder.decode(CrmSyncBody.self, from: request.body) else {
            return Self.crmBodyError("Request body is not valid JSON")
        }
        guard let customer = body.customer else {
            return Self.crmBodyError("Request body has no customer object")
        }
        let mode = settings.crmSyncMode
        return await change { state throws(Rejection) in
            let jobId = state.takeCrmJobId()
            if mode == .pending {
                state.record(CrmJob(id: jobId, status: .waiting))
                return Self.crmAccepted(jobId)
            }
            switch state.upsertCustomer(customer) {
            case .applied(let warnings):
                let logged = warnings.isEmpty ? nil : warnings
                state.record(CrmJob(id: jobId, status: .finishedOk, warnings: logged))
                if mode == .deferred { return Self.crmAccepted(jobId) }
                return .json(.ok, CrmUpsertFinished(jobId: jobId, warningLogs: logged))
            case .failed(let apiError, let warnings):
                let logged = warnings.isEmpty ? nil : warnings
                state.record(CrmJob(id: jobId, status: .finishedError, apiError: apiError, warnings: logged))
                if mode == .deferred { return Self.crmAccepted(jobId) }
                return .json(
                    .badRequest,
                    [
                        "jobId": .number(Decimal(jobId)), "jobAlreadyFinished": true,
                        "errorLogs": ["api_error": .string(apiError)], "warningLogs": Self.json(logged),
                        "reason": .string(CrmSyncReason.dataError.rawValue),
                    ] as JSONValue
                )
            }
        }
    }

    /// R4 `GET /app-api/crm-sync-import-external-crm-id/error-logs/{jobId}`.
    func getCrmJobLog(_ request: SandboxRequest) async -> SandboxReply {
        let jobId = Int(request.parameter(0))
        return await inspect { state throws(Rejection) in
            guard let jobId, let job = state.crmJobs[jobId] else {
                return .json(
                    .notFound,
                    [
                        "jobStatus": .string(CrmJobStatus.noJobFound.rawValue),
                        // `sentJobId` is an integer in goTom's schema; a job id that is not one is sent as 0,
                        // as PHP's integer conversion of such a path parameter gives.
                        "sentJobId": .number(Decimal(jobId ?? 0)), "errorLogs": .null,
                        "warningLogs": .null,
                    ] as JSONValue
                )
            }
            return .json(
                .ok,
                [
                    "jobStatus": .string(job.status.rawValue), "sentJobId": .number(Decimal(jobId)),
                    "errorLogs": job.apiError.map { ["api_error": .string($0)] } ?? .null,
                    "warningLogs": Self.json(job.warnings),
                ] as JSONValue
            )
        }
    }

    static func crmAccepted(_ jobId: Int) -> SandboxReply {
        .json(
            .accepted,
            [
                "jobId": .number(Decimal(jobId)), "jobAlreadyFinished": false,
                "reason": .string(CrmSyncReason.blockingTimeout.rawValue),
            ] as JSONValue
        )
    }

    static func crmBodyError(_ message: String) -> SandboxReply {
        .json(
            .badRequest,
            [
                // `jobId` is an integer in goTom's schema; no job was queued for an unusable body, hence 0.
                "jobId": 0, "jobAlreadyFinished": false, "errorLogs": .null, "warningLogs": .null,
                "error": ["msg": .string(message)], "reason": .string(CrmSyncReason.dataError.rawValue),
            ] as JSONValue
        )
    }

    static func json(_ strings: [String]?) -> JSONValue {
        strings.map { .array($0.map(JSONValue.string)) } ?? .null
    }
}

/// The 200 answer of an upsert that ran: the job, no errors and the warnings, with every null written out.
///
/// The most frequent answer of the sandbox gets a fixed shape rather than a `JSONValue` tree built and encoded
/// for each request.
private struct CrmUpsertFinished: Encodable {
    var jobId: Int
    var warningLogs: [String]?

    private enum CodingKeys: String, CodingKey {
        case jobId, jobAlreadyFinished, errorLogs, warningLogs
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jobId, forKey: .jobId)
        try container.encode(true, forKey: .jobAlreadyFinished)
        try container.encodeNil(forKey: .errorLogs)
        if let warningLogs {
            try container.encode(warningLogs, forKey: .warningLogs)
        } else {
            try container.encodeNil(forKey: .warningLogs)
        }
    }
}
