// Every way a user may catch the errors of GoTomAPI, GoTomAuth and GoTomModels, built in a package of its own
// (debug and release) and run against a sandbox by Scripts/check-snippets.sh. Each pattern records the branch it took; the run fails unless every
// pattern took the expected one.
import Foundation
import GoTomAPI
import GoTomAuth
import GoTomModels

let environment = ProcessInfo.processInfo.environment
let client = try GoTomClient(
    configuration: .init(
        baseURL: environment["GOTOM_BASE_URL"] ?? "",
        credentials: Credentials(user: environment["GOTOM_USER"] ?? "", secret: environment["GOTOM_SECRET"] ?? ""),
        additionalCACertificatePath: environment["GOTOM_CACERT"]
    )
)
var taken: [String: String] = [:]

let campaign = CampaignCreate(
    externalId: "error-patterns-\(UInt32.random(in: 0...UInt32.max))", name: "Patterns", status: .booking,
    bookingDate: try CalendarDate(parsing: "2025-03-01"), customer: ContactRef(entityExternalCrmId: "CRM-1001")
)
try await client.campaigns.create(campaign)

// 1. The form that crashed the compiler while operations used typed throws: `catch let e … where <test of e>` with
//    `e` used in the body, in an async function; then the same returning what it saw.
func attempt(_ client: GoTomClient, _ c: CampaignCreate) async throws {
    do {
        try await client.campaigns.create(c)
    } catch let e as GoTomError where e.status == 400 {
        print(e.status ?? 0)
    }
}
try await attempt(client, campaign)

func attemptAndReport(_ client: GoTomClient, _ c: CampaignCreate) async throws -> String {
    do {
        try await client.campaigns.create(c)
        return "created"
    } catch let e as GoTomError where e.status == 400 {
        return "\(e.status ?? 0)"
    }
}
taken["where-status"] = try await attemptAndReport(client, campaign)

// 2. At top level: `hasViolation` on any Error, and the README's cast.
do {
    try await client.campaigns.create(campaign)
} catch let error where error.hasViolation(.externalIdAlreadyUsed) {
    taken["where-any-violation"] = "\((error as? GoTomError)?.status ?? 0)"
}
do {
    try await client.campaigns.create(campaign)
} catch let error as GoTomError where error.hasViolation(.externalIdAlreadyUsed) {
    taken["where-violation"] = "\(error.violations.count) violation, \(error.status ?? 0)"
}

// 3. `as GoTomError where` after calls into another library (the caught error is `any Error`).
func fetchAndEncode(_ id: String) async -> String {
    do {
        let read = try await client.campaigns.get(id)
        _ = try JSONEncoder().encode(read)
        return "found"
    } catch let error as GoTomError where error == .notFound {
        return "\(error.status ?? 0)"
    } catch {
        return "other: \(error)"
    }
}
taken["as-where"] = await fetchAndEncode("no-such-campaign")

// 4. One catch and a switch over the kinds.
func classify(_ id: String) async -> String {
    do {
        _ = try await client.campaigns.get(id)
        return "found"
    } catch {
        switch error {
        case let error as GoTomError where error == .notFound && error.status == 404:
            return "notFound \(error.operation ?? "")"
        case GoTomError.unauthorized: return "unauthorized"
        default: return "\(error)"
        }
    }
}
taken["switch"] = await classify("no-such-campaign")

// 5. Static members as patterns.
do {
    _ = try await client.campaigns.get("no-such-campaign")
} catch GoTomError.notFound {
    taken["catch-member"] = "notFound"
} catch {
    taken["catch-member"] = "other: \(error)"
}
do {
    _ = try await client.campaigns.get("no-such-campaign")
    _ = try JSONSerialization.data(withJSONObject: [:])
} catch GoTomError.notFound {
    taken["catch-qualified-member"] = "notFound"
} catch {
    taken["catch-qualified-member"] = "other: \(error)"
}

// 6. The other public error types, caught the same way.
do {
    _ = try CalendarDate(parsing: "2025-13-45")
} catch let error as GoTomModelsError where error == .invalidCalendarDate {
    taken["models-error"] = error.shortDescription
}
do {
    _ = try ServerAddress(baseURL: "ftp://example.invalid")
} catch let error as GoTomTransportError where !error.isNetworkFailure {
    taken["transport-error"] = error.description.isEmpty ? "empty" : "invalidURL"
}
do {
    let request = IncomingRequest(
        method: "GET", requestURI: "/app-api/campaign/1", authorization: nil, date: nil, contentType: nil,
        bodyDigest: .empty
    )
    _ = try RequestVerifier().verify(request) { _ in nil }
} catch let error as VerificationError where error == .authorizationHeaderRequired {
    taken["verification-error"] = error.message
}
try await client.shutdown()

let expected: [String: String] = [
    "where-status": "400",
    "where-any-violation": "400",
    "where-violation": "1 violation, 400",
    "as-where": "404",
    "switch": "notFound campaigns.get",
    "catch-member": "notFound",
    "catch-qualified-member": "notFound",
    "models-error": "invalidCalendarDate",
    "transport-error": "invalidURL",
    "verification-error": "Authorization header required",
]
var failed = false
for (pattern, value) in expected.sorted(by: { $0.key < $1.key }) {
    let actual = taken[pattern] ?? "(no branch taken)"
    print("\(actual == value ? "ok  " : "FAIL") \(pattern): \(actual)")
    if actual != value { failed = true }
}
exit(failed ? 1 : 0)
