import Foundation
import GoTomAuth
import GoTomModels
import GoTomSandbox
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// Builds an in-memory sandbox with the test user and `configure`'s changes, and runs `body` against it with
/// HummingbirdTesting's router framework.
func withConfiguredSandbox(
    _ configure: (inout SandboxConfiguration) -> Void,
    _ body: @escaping @Sendable (SandboxTestClient, SandboxApplication) async throws -> Void
) async throws {
    var configuration = SandboxConfiguration(
        storage: .inMemory, user: testCredentials.user, secret: testCredentials.secret, largeReportSize: 64 * 1024)
    configure(&configuration)
    let app = try await buildSandbox(configuration: configuration)
    try await app.test(.router) { client in
        try await body(SandboxTestClient(client: client), app)
    }
}

extension SandboxTestClient {
    /// An unsigned control-plane request, with a bearer token when given.
    func control(
        _ method: HTTPRequest.Method, _ path: String, json: String? = nil, token: String? = nil
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await raw(method, "/_sandbox" + path, headers: headers, body: json)
    }

    /// The journal's entries after `since`.
    func journal(since: Int = 0) async throws -> [JSONValue] {
        try await control(.get, "/requests?since=\(since)").json["entries"]?.arrayValue ?? []
    }
}
