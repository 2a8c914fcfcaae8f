import Foundation
import GoTomAPI
import GoTomAuth
import GoTomSandbox
import Logging

/// Test credentials; never real ones.
let sandboxCredentials = Credentials(user: "sdk-tester", secret: "s3cr3t-sdk-test-only")

/// A running TLS sandbox and a client that trusts its CA.
struct SandboxHarness: Sendable {
    let sandbox: SandboxServer
    let client: GoTomClient
    let clientLog: LogCapture
    let sandboxLog: LogCapture
}

/// Starts an in-memory TLS sandbox on port 0, runs `body` with a client that trusts it, and stops both.
///
/// - Parameters:
///   - fixtures: Fixtures to load, if any.
///   - clock: The sandbox's clock.
///   - largeReportSize: The size of the generated report 9000.
///   - configure: Changes to the client configuration.
///   - body: The test.
func withSandbox(
    fixtures: SandboxFixtures? = nil,
    clock: any WallClock = SystemWallClock(),
    largeReportSize: Int = 256 * 1024,
    configure: (inout GoTomClient.Configuration) -> Void = { _ in },
    _ body: (SandboxHarness) async throws -> Void
) async throws {
    var fixturesPath: String?
    if let fixtures {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("gotom-sdk-fixtures-\(UUID().uuidString).json").path
        try JSONEncoder().encode(fixtures).write(to: URL(fileURLWithPath: path))
        fixturesPath = path
    }
    defer { if let fixturesPath { try? FileManager.default.removeItem(atPath: fixturesPath) } }
    let sandboxLog = LogCapture()
    let sandbox = try await SandboxServer.start(
        configuration: SandboxConfiguration(
            port: 0, storage: .inMemory, tls: true, user: sandboxCredentials.user, secret: sandboxCredentials.secret,
            largeReportSize: largeReportSize, clock: clock, fixturesPath: fixturesPath, logger: sandboxLog.logger
        )
    )
    let clientLog = LogCapture()
    // The timeout only bounds a hanging run: under a sanitizer on a busy machine, answers took over 20 s.
    var configuration = GoTomClient.Configuration(
        baseURL: sandbox.baseURL, credentials: sandbox.credentials, requestTimeout: .seconds(120),
        additionalCACertificatePath: sandbox.caCertificatePath, logger: clientLog.logger,
        sleeper: RetrySleeper { _ in }
    )
    configure(&configuration)
    let client: GoTomClient
    do {
        client = try GoTomClient(configuration: configuration)
    } catch {
        try await sandbox.stop()
        throw error
    }
    let harness = SandboxHarness(sandbox: sandbox, client: client, clientLog: clientLog, sandboxLog: sandboxLog)
    do {
        try await body(harness)
    } catch {
        try? await client.shutdown()
        try? await sandbox.stop()
        throw error
    }
    try await client.shutdown()
    try await sandbox.stop()
}

/// Runs `operation` and returns the ``GoTomError`` it throws; fails the test when it succeeds.
func expectGoTomError<Value>(
    _ operation: () async throws -> Value
) async throws -> GoTomError {
    let value: Value
    do {
        value = try await operation()
    } catch let error as GoTomError {
        return error
    }
    throw UnexpectedSuccess(description: "expected a GoTomError, got \(value)")
}

/// Thrown when an operation that should fail succeeds.
struct UnexpectedSuccess: Error, CustomStringConvertible {
    var description: String
}
