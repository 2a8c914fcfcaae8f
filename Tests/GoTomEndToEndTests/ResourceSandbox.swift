import Foundation
import GoTomTestSupport
import Testing

/// A `gotom sandbox --tls --in-memory --port 0` child process for end-to-end tests of the resource commands:
/// the real sandbox binary over 127.0.0.1, with its own throw-away CA and fixed test credentials.
///
/// ```swift
/// try await withResourceSandbox { sandbox, cli in
///     let result = try await cli.run(["campaign", "get", "P-1"], environment: sandbox.environment)
///     #expect(result.status == 0)
/// }
/// ```
///
/// Everything the process writes (its request log, the fixtures file, the CA in its temporary directory) lives
/// in ``dataDir``, which ``stop()`` removes.
final class ResourceSandbox: Sendable {
    static let user = "resource_user"
    static let secret = "resource-secret-not-real"

    /// The sandbox's base URL, e.g. `https://127.0.0.1:49152`.
    let baseURL: String
    /// The PEM file of the sandbox's local CA.
    let caPath: String
    /// A private temporary directory for this sandbox's files; removed by ``stop()``.
    let dataDir: URL
    private let process: ExternalTool.Background

    private init(baseURL: String, caPath: String, dataDir: URL, process: ExternalTool.Background) {
        self.baseURL = baseURL
        self.caPath = caPath
        self.dataDir = dataDir
        self.process = process
    }

    /// `GOTOM_BASE_URL`, `GOTOM_USER`, `GOTOM_SECRET` and `GOTOM_CACERT` for ``CLIHarness/run(_:stdin:environment:credentials:)``.
    var environment: [String: String?] {
        ["GOTOM_BASE_URL": baseURL, "GOTOM_USER": Self.user, "GOTOM_SECRET": Self.secret, "GOTOM_CACERT": caPath]
    }

    /// Starts the sandbox and waits until it listens.
    ///
    /// - Parameters:
    ///   - fixtures: The JSON text of a fixtures file (see `SandboxFixtures`), or nil for the demo data.
    ///   - extraArguments: More `gotom sandbox` options, e.g. `["--clock-offset", "3600"]`.
    static func start(fixtures: String? = nil, extraArguments: [String] = []) async throws -> ResourceSandbox {
        let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gotom-resource-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dataDir, withIntermediateDirectories: true)
        var arguments =
            [
                "sandbox", "--tls", "--in-memory", "--port", "0", "--user", user, "--secret", secret,
                "--large-report-size", "65536",
            ] + extraArguments
        if let fixtures {
            let path = dataDir.appendingPathComponent("fixtures.json")
            try Data(fixtures.utf8).write(to: path)
            arguments += ["--fixtures", path.path]
        }
        let stdoutPath = dataDir.appendingPathComponent("sandbox.out").path
        do {
            let launch = try await SandboxLaunch.start(
                arguments, directory: dataDir,
                environment: ["TMPDIR": dataDir.path, "NO_COLOR": "1"], stdoutPath: stdoutPath,
                stderrPath: dataDir.appendingPathComponent("sandbox.log").path)
            return ResourceSandbox(
                baseURL: launch.baseURL, caPath: launch.caPath ?? "", dataDir: dataDir,
                process: launch.process)
        } catch {
            try? FileManager.default.removeItem(at: dataDir)
            throw error
        }
    }

    /// The sandbox's request log so far (its stderr): one line per request it answered.
    var requestLog: String {
        (try? String(contentsOf: dataDir.appendingPathComponent("sandbox.log"), encoding: .utf8)) ?? ""
    }

    /// The requests the sandbox has answered so far, e.g. `GET /app-api/campaign/P-1 200`, in order.
    ///
    /// The sandbox logs a request before it sends the response, so every request a finished `gotom` run saw
    /// answered is already listed.
    var requests: [String] {
        requestLog.split(separator: "\n").compactMap { line -> String? in
            func field(_ name: String) -> String? {
                guard let range = line.range(of: "gotom.\(name)=") else { return nil }
                return String(line[range.upperBound...].prefix { $0 != " " })
            }
            guard let method = field("method"), let uri = field("uri"), let status = field("status") else { return nil }
            return "\(method) \(uri) \(status)"
        }
    }

    /// Stops the process (SIGTERM) and removes ``dataDir``.
    func stop() async {
        await process.stop()
        try? FileManager.default.removeItem(at: dataDir)
    }
}

extension CLIHarness {
    /// Runs `gotom` against `sandbox`, with its base URL, credentials and CA in the environment.
    func run(
        _ arguments: [String], on sandbox: ResourceSandbox, stdin: Data? = nil, environment: [String: String?] = [:]
    ) async throws -> ExternalTool.Output {
        try await run(arguments, stdin: stdin, environment: sandbox.environment.merging(environment) { _, new in new })
    }
}

/// Starts a ``ResourceSandbox`` and a ``CLIHarness`` for the duration of `body`, and cleans both up.
func withResourceSandbox<T>(
    fixtures: String? = nil, extraArguments: [String] = [], _ body: (ResourceSandbox, CLIHarness) async throws -> T
) async throws -> T {
    let sandbox = try await ResourceSandbox.start(fixtures: fixtures, extraArguments: extraArguments)
    let cli: CLIHarness
    do {
        cli = try CLIHarness()
    } catch {
        await sandbox.stop()
        throw error
    }
    do {
        let result = try await body(sandbox, cli)
        await sandbox.stop()
        cli.cleanUp()
        return result
    } catch {
        await sandbox.stop()
        cli.cleanUp()
        throw error
    }
}
