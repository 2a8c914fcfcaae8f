import Foundation
import GoTomAuth
import GoTomModels
import GoTomSandbox
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// Test credentials; never real ones.
let testCredentials = Credentials(user: "tester", secret: "s3cr3t-sandbox-test")

/// A HummingbirdTesting client that signs every request like goTom's clients do.
struct SandboxTestClient: Sendable {
    let client: any TestClientProtocol
    var credentials = testCredentials
    var clock: any WallClock = SystemWallClock()

    /// Sends a signed request; `json` is the exact body text that is hashed and sent.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method,
        _ uri: String,
        json: String? = nil,
        contentType: String = "application/json",
        extraHeaders: [(HTTPField.Name, String)] = []
    ) async throws -> TestResponse {
        let body = json ?? ""
        let signer = RequestSigner(credentials: credentials, clock: clock)
        let signed = signer.sign(
            method: method.rawValue, requestURI: uri, contentType: contentType, bodyDigest: BodyDigest(utf8: body)
        )
        var headers = HTTPFields()
        for (name, value) in signed.fields {
            headers.append(HTTPField(name: HTTPField.Name(name)!, value: value))
        }
        for (name, value) in extraHeaders { headers.append(HTTPField(name: name, value: value)) }
        return try await client.executeRequest(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }
        )
    }

    /// Sends an unsigned request with exactly the given headers.
    func raw(
        _ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields, body: String? = nil
    ) async throws -> TestResponse {
        try await client.executeRequest(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    func get(_ uri: String) async throws -> TestResponse { try await send(.get, uri) }
    func post(_ uri: String, _ json: String) async throws -> TestResponse { try await send(.post, uri, json: json) }
    func patch(_ uri: String, _ json: String) async throws -> TestResponse { try await send(.patch, uri, json: json) }
    func delete(_ uri: String) async throws -> TestResponse { try await send(.delete, uri) }
}

extension TestResponse {
    /// The body as UTF-8 text.
    var text: String { String(buffer: body) }

    /// The body as JSON.
    var json: JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(body.readableBytesView))) ?? .null
    }

    /// The body decoded as a model type.
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try JSONDecoder().decode(Value.self, from: Data(body.readableBytesView))
    }

    /// The `(code, propertyPath)` pairs of a `ConstraintViolationResponse` body.
    var violations: [Violation] {
        (json["errors"]?.arrayValue ?? []).map {
            Violation(code: $0["code"]?.stringValue ?? "", path: $0["propertyPath"]?.stringValue ?? "")
        }
    }
}

/// One violation as tests compare it.
struct Violation: Hashable, Sendable, CustomStringConvertible {
    var code: String
    var path: String

    init(code: String, path: String) {
        self.code = code
        self.path = path
    }

    init(_ code: ViolationCode, _ path: String) {
        self.code = code.rawValue
        self.path = path
    }

    var description: String { "\(code)@\(path)" }
}

/// Builds an in-memory sandbox and runs `body` against it with HummingbirdTesting's router framework.
func withSandbox(
    fixtures: SandboxFixtures? = nil,
    clock: any WallClock = SystemWallClock(),
    maxBodySize: Int = 10 * 1024 * 1024,
    largeReportSize: Int = 64 * 1024,
    _ body: @escaping @Sendable (SandboxTestClient) async throws -> Void
) async throws {
    let fixturesPath = try fixtures.map(writeFixtures)
    defer { if let fixturesPath { try? FileManager.default.removeItem(atPath: fixturesPath) } }
    let configuration = SandboxConfiguration(
        storage: .inMemory, user: testCredentials.user, secret: testCredentials.secret, maxBodySize: maxBodySize,
        largeReportSize: largeReportSize, clock: clock, fixturesPath: fixturesPath
    )
    let app = try await buildSandbox(configuration: configuration)
    try await app.test(.router) { client in
        try await body(SandboxTestClient(client: client))
    }
}

/// Writes fixtures to a temporary file and returns its path.
func writeFixtures(_ fixtures: SandboxFixtures) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("fixtures-\(UUID().uuidString).json").path
    try JSONEncoder().encode(fixtures).write(to: URL(fileURLWithPath: path))
    return path
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("gotom-sandbox-test-\(UUID().uuidString)")
        .path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
