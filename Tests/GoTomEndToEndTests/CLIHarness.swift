import Foundation
import GoTomAuth
import GoTomTestSupport
import Testing

/// Runs the built `gotom` binary in an isolated environment (own HOME and config folder, no proxies, no
/// GOTOM_* variables from the developer's shell).
struct CLIHarness {
    static let user = "e2e_user"
    static let secret = "e2e-secret-not-real"

    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("gotom-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: home) }

    static var binary: String {
        let candidates: [String?] = [
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("gotom").path,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gotom")
                .path,
            ReferencePaths.packageRoot.appendingPathComponent(".build/debug/gotom").path,
        ]
        let existing = candidates.compactMap { $0 }
        return existing.first { FileManager.default.isExecutableFile(atPath: $0) } ?? existing[existing.count - 1]
    }

    var configPath: String { home.appendingPathComponent("config/gotom/config").path }

    /// Runs `gotom` with `arguments`; `environment` adds to (or, with nil, removes from) the isolated environment.
    func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String?] = [:], credentials: Bool = true
    ) async throws -> ExternalTool.Output {
        var env: [String: String?] = [
            "HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "GOTOM_USER": nil, "GOTOM_SECRET": nil, "GOTOM_BASE_URL": nil, "GOTOM_PROVIDER": nil,
            "GOTOM_PROFILE": nil, "GOTOM_CACERT": nil,
            "HTTP_PROXY": nil, "HTTPS_PROXY": nil, "http_proxy": nil, "https_proxy": nil, "NO_PROXY": nil,
            "no_proxy": nil,
        ]
        if credentials {
            env["GOTOM_USER"] = Self.user
            env["GOTOM_SECRET"] = Self.secret
        }
        for (key, value) in environment { env[key] = value }
        return try await ExternalTool.run(Self.binary, arguments, stdin: stdin, environment: env, directory: home)
    }

    /// Splits `HTTP/1.1 200 OK\nheaders\n\nbody` output.
    static func split(_ output: String) -> (statusLine: String, headers: [String], body: String) {
        guard let separator = output.range(of: "\n\n") else { return (output, [], "") }
        let head = output[..<separator.lowerBound].split(separator: "\n").map(String.init)
        return (head.first ?? "", Array(head.dropFirst()), String(output[separator.upperBound...]))
    }

    static func echo(from output: String) throws -> EchoServer.Echo {
        try JSONDecoder().decode(EchoServer.Echo.self, from: Data(split(output).body.utf8))
    }
}

/// Starts an echo server for the duration of `body`.
func withEchoServer<T>(
    clockOffsetSeconds: Int64 = 0, _ body: (EchoServer, CLIHarness) async throws -> T
) async throws -> T {
    let server = try await EchoServer.start(
        users: [CLIHarness.user: CLIHarness.secret, "team:crm": "colon-secret"],
        clockOffsetSeconds: clockOffsetSeconds)
    let harness = try CLIHarness()
    do {
        let result = try await body(server, harness)
        await server.stop()
        harness.cleanUp()
        return result
    } catch {
        await server.stop()
        harness.cleanUp()
        throw error
    }
}
