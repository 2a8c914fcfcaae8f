import Foundation
import GoTomAPI
import GoTomAuth
import GoTomModels
import GoTomSandbox
import GoTomSync
import NIOConcurrencyHelpers

/// Test credentials; never real ones.
let syncCredentials = Credentials(user: "sync-tester", secret: "s3cr3t-sync-test-only")

/// A customer as a CRM would hand it over.
func customer(_ number: Int, prefix: String = "LIB", note: String? = nil, firm: String? = nil) -> CustomerWrite {
    let id = "\(prefix)-\(number)"
    var customer = CustomerWrite(
        externalCrmId: id, firm: firm ?? "Firma \(number)", status: .active, statusEc: .customer, language: .german,
        mainAddress: CustomerWrite.MainAddress(externalCrmId: "\(id)-A"))
    customer.addresses = [
        CustomerWrite.Address(
            externalCrmId: "\(id)-A", title: "Hauptsitz", firm: customer.firm, zip: "8000", place: "Zürich",
            country: "CH")
    ]
    customer.note = note ?? "Notiz \(number)"
    return customer
}

/// An async sequence of customers, as a service would stream them from its database.
func stream(_ customers: [CustomerWrite]) -> AsyncStream<CustomerWrite> {
    AsyncStream { continuation in
        for customer in customers { continuation.yield(customer) }
        continuation.finish()
    }
}

/// A folder of its own for one test, removed by `cleanUp()`.
struct ScratchFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("gotom-sync-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ text: String, to name: String) throws -> String {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
        return path(name)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// Counts the upserts that reached goTom and got an answer, by externalCrmId (read from the signed body).
final class UpsertCounter: GoTomMiddleware, Sendable {
    private let counts = NIOLockedValueBox<[String: Int]>([:])
    /// Called after each answered upsert with the number of answered upserts so far.
    private let afterAnswer: @Sendable (Int) -> Void
    private let answered = NIOLockedValueBox(0)

    init(afterAnswer: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.afterAnswer = afterAnswer
    }

    var byCustomer: [String: Int] { counts.withLockedValue { $0 } }

    func intercept(
        _ attempt: SignedAttempt, next: @Sendable () async throws -> RawResponse
    ) async throws -> RawResponse {
        guard attempt.operation == "customers.upsert" else { return try await next() }
        let response = try await next()
        if case .bytes(let bytes) = attempt.request.body,
            let object = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)),
            let id = object["customer"]?["externalCrmId"]?.stringValue
        {
            counts.withLockedValue { $0[id, default: 0] += 1 }
        }
        let number = answered.withLockedValue { value -> Int in
            value += 1
            return value
        }
        afterAnswer(number)
        return response
    }
}

/// Starts a plain-HTTP in-memory sandbox, runs `body` with it and a client factory, and stops both.
func withSyncSandbox(
    fixtures: SandboxFixtures? = nil,
    _ body: (SandboxServer, _ makeClient: ([any GoTomMiddleware]) throws -> GoTomClient) async throws -> Void
) async throws {
    var configuration = SandboxConfiguration(
        port: 0, storage: .inMemory, user: syncCredentials.user, secret: syncCredentials.secret)
    configuration.fixtures = fixtures
    let sandbox = try await SandboxServer.start(configuration: configuration)
    let clients = NIOLockedValueBox<[GoTomClient]>([])
    let makeClient = { (middlewares: [any GoTomMiddleware]) throws -> GoTomClient in
        var configuration = GoTomClient.Configuration(
            baseURL: sandbox.baseURL, credentials: syncCredentials, requestTimeout: .seconds(60),
            sleeper: RetrySleeper { _ in })
        configuration.middlewares = middlewares
        let client = try GoTomClient(configuration: configuration)
        clients.withLockedValue { $0.append(client) }
        return client
    }
    do {
        try await body(sandbox, makeClient)
    } catch {
        for client in clients.withLockedValue({ $0 }) { try? await client.shutdown() }
        try? await sandbox.stop()
        throw error
    }
    for client in clients.withLockedValue({ $0 }) { try await client.shutdown() }
    try await sandbox.stop()
}
