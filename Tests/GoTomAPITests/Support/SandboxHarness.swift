import Foundation
import GoTomAPI
import GoTomAuth
import GoTomSandbox
import GoTomTesting
import Logging

/// Test credentials; never real ones.
let sandboxCredentials = Credentials(user: "sdk-tester", secret: "s3cr3t-sdk-test-only")

/// A running TLS sandbox and a client that trusts its CA, with both sides' logs.
struct SandboxHarness: Sendable {
    let sandbox: TestSandbox
    let clientLog: LogCapture
    let sandboxLog: LogCapture

    var client: GoTomClient { sandbox.client }
}

/// Starts an in-memory TLS sandbox on port 0 through GoTomTesting's ``withTestSandbox``, runs `body` with a client
/// that trusts it and logs to a capture, and stops both.
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
    let sandboxLog = LogCapture()
    let clientLog = LogCapture()
    try await withTestSandbox(
        credentials: sandboxCredentials, fixtures: fixtures, clock: clock,
        configureSandbox: {
            $0.largeReportSize = largeReportSize
            $0.logger = sandboxLog.logger
        },
        configureClient: {
            // The timeout only bounds a hanging run: under a sanitizer on a busy machine, answers took over 20 s.
            $0.requestTimeout = .seconds(120)
            $0.logger = clientLog.logger
            configure(&$0)
        }
    ) { sandbox in
        try await body(SandboxHarness(sandbox: sandbox, clientLog: clientLog, sandboxLog: sandboxLog))
    }
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
