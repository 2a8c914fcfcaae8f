import GoTomModels

/// Customers and the CRM sync, addressed by `externalCrmId`: `client.customers`.
///
/// These operations are signed with the credentials for ``APIGroup/customer``.
public struct Customers: Sendable {
    let client: GoTomClient

    /// Reads a customer.
    ///
    /// `GET /app-api/customer/{customerCrmExternalId}`
    ///
    /// - Parameter externalCrmId: The customer's CRM id.
    /// - Returns: The customer.
    /// - Throws: ``GoTomError/notFound`` (with goTom's message) when there is no such customer.
    public func get(_ externalCrmId: String) async throws -> CustomerRead {
        try await client.fetch(
            CustomerFoundResponse.self,
            APIRequest(
                operation: "customers.get", group: .customer, method: "GET",
                requestURI: "/app-api/customer/\(Path.segment(externalCrmId))", repeatability: .idempotent
            )
        ).customer
    }

    /// Reads one page of customers, ordered by goTom's id.
    ///
    /// `GET /app-api/customer?page=N` (goTom honours `page` although the spec does not declare it).
    ///
    /// - Parameter page: The page number, starting at 1.
    /// - Returns: The page.
    /// - Throws: ``GoTomError``.
    public func list(page: Int = 1) async throws -> CustomerList {
        try await client.fetch(CustomerList.self, Self.listRequest(Path.paged("/app-api/customer", page: page)))
    }

    /// All customers, page by page, following `nextPageUrl`.
    ///
    /// - Returns: A sequence of pages; use `.items` for the customers one by one.
    public func all() -> PageSequence<CustomerRead> {
        PageSequence(firstRequestURI: "/app-api/customer") { [client] requestURI throws(GoTomError) in
            let list = try await client.fetch(CustomerList.self, Self.listRequest(requestURI))
            return Page(items: list.items, pagination: list.pagination)
        }
    }

    /// Creates or updates a customer by its `externalCrmId` (goTom must have switched the CRM sync on).
    ///
    /// `POST /app-api/crm-sync-import-external-crm-id/update-customer`. Retried like any request that sets
    /// absolute values: addresses and contacts merge by their `externalCrmId`, so a repeat changes nothing.
    ///
    /// - Parameter customer: The customer in the CRM-sync write shape.
    /// - Returns: The finished job with its warnings (e.g. ignored unknown keys).
    /// - Throws: ``GoTomError/crmJobPending`` (202) with the ``GoTomError/jobId`` to poll with
    ///   ``errorLogs(jobId:)``; ``GoTomError/crmDataError`` (400) with ``GoTomError/crmReason`` and goTom's
    ///   message; ``GoTomError/notFound`` when the CRM sync is off.
    @discardableResult
    public func upsert(_ customer: CustomerWrite) async throws -> UpdateCustomerResponse {
        try await upsert(body: try client.encode(Customer(customer: customer), operation: Self.upsertOperation))
    }

    /// Creates or updates a customer from its CRM-sync JSON, encoded beforehand.
    ///
    /// The same request as ``upsert(_:)``, for callers that keep customers encoded (a sync journal): the JSON
    /// goes out unchanged as the body's `customer` member instead of being decoded and encoded again for every
    /// request. goTom checks it like any upsert.
    ///
    /// - Parameter customerJSON: One JSON object in the shape of ``CustomerWrite``, such as `JSONEncoder` writes
    ///   for one.
    /// - Returns: The finished job with its warnings (e.g. ignored unknown keys).
    /// - Throws: As ``upsert(_:)``; ``GoTomError/invalidRequest``, before anything is sent, when `customerJSON` is
    ///   not one JSON object with nothing after it (so it cannot add members beside `customer`);
    ///   ``GoTomError/crmDataError`` when goTom cannot read the customer.
    @discardableResult
    public func upsert(customerJSON: String) async throws -> UpdateCustomerResponse {
        guard Self.isOneObject(customerJSON.utf8) else {
            throw GoTomError.make(
                .invalidRequest, detail: "the customer is not one JSON object", operation: Self.upsertOperation)
        }
        var body: [UInt8] = []
        body.reserveCapacity(customerJSON.utf8.count + 13)
        body += #"{"customer":"#.utf8
        body += customerJSON.utf8
        body.append(UInt8(ascii: "}"))
        return try await upsert(body: body)
    }

    private static let upsertOperation = "customers.upsert"

    /// Whether `text` is one JSON object, brackets matched outside strings, with only whitespace around it.
    ///
    /// A structural check, not a full parse: it keeps the text from closing the object early and adding members
    /// beside `customer` in the request body; goTom judges the values.
    static func isOneObject(_ text: String.UTF8View) -> Bool {
        var closers: [UInt8] = []
        var inString = false
        var escaped = false
        var closed = false
        for byte in text {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
            // Before the object only `{` may come, after it nothing.
            if closed || (closers.isEmpty && byte != UInt8(ascii: "{")) { return false }
            switch byte {
            case UInt8(ascii: "{"): closers.append(UInt8(ascii: "}"))
            case UInt8(ascii: "["): closers.append(UInt8(ascii: "]"))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard closers.popLast() == byte else { return false }
                closed = closers.isEmpty
            case UInt8(ascii: "\""): inString = true
            default: break
            }
        }
        return closed
    }

    private func upsert(body: [UInt8]) async throws(GoTomError) -> UpdateCustomerResponse {
        let operation = Self.upsertOperation
        var request = APIRequest(
            operation: operation, group: .customer, method: "POST",
            requestURI: "/app-api/crm-sync-import-external-crm-id/update-customer", body: body,
            repeatability: .idempotent
        )
        request.isCRMSync = true
        let exchange = try await client.pipeline.send(request, accepting: [200, 202])
        guard exchange.response.statusCode == 202 else {
            return try await client.decode(UpdateCustomerResponse.self, from: exchange, request: request)
        }
        let accepted = try await client.decode(UpdateCustomerAcceptedResponse.self, from: exchange, request: request)
        var error = GoTomError.make(
            .crmJobPending, detail: "goTom queued the upsert; poll customers.errorLogs(jobId:)", operation: operation)
        error.request = request.summary
        error.attempts = exchange.attempts
        error.status = 202
        error.jobId = accepted.jobId
        error.crmReason = accepted.reason
        error.dateHeader = exchange.response.header("Date")
        error.requestId = exchange.response.header("X-Request-Id")
        throw error
    }

    /// Reads the state, errors and warnings of a CRM-sync job.
    ///
    /// `GET /app-api/crm-sync-import-external-crm-id/error-logs/{jobId}`
    ///
    /// - Parameter jobId: The job id from ``upsert(_:)`` or ``GoTomError/jobId``.
    /// - Returns: The job's status (`JOB_STATUS_WAITING`, `JOB_STATUS_FINISHED_OK`, …) and logs.
    /// - Throws: ``GoTomError/notFound`` (server message `NO_JOB_FOUND`) for an unknown job.
    public func errorLogs(jobId: Int) async throws -> CustomerErrorLogResponse {
        try await client.fetch(
            CustomerErrorLogResponse.self,
            APIRequest(
                operation: "customers.errorLogs", group: .customer, method: "GET",
                requestURI: "/app-api/crm-sync-import-external-crm-id/error-logs/\(jobId)", repeatability: .idempotent
            )
        )
    }

    private static func listRequest(_ requestURI: String) -> APIRequest {
        APIRequest(
            operation: "customers.list", group: .customer, method: "GET", requestURI: requestURI,
            repeatability: .idempotent
        )
    }
}
