import Foundation
import GoTomTestSupport

/// A `gotom sandbox` child process that has printed the URL it listens on.
///
/// The one way the end-to-end tests start the sandbox binary: its standard output is read as it arrives and the
/// start waits for the "listening on" line and the rest of the banner, failing at once with the sandbox's error
/// output if it exits first.
struct SandboxLaunch: Sendable {
    /// The running process.
    let process: ExternalTool.Background
    /// The base URL from the "gotom sandbox listening on …" line.
    let baseURL: String
    /// The local CA's PEM file from the `export GOTOM_CACERT=…` line, for a `--tls` sandbox.
    let caPath: String?
    /// Standard output, also copied to the `stdoutPath` the sandbox was started with.
    let stdout: OutputLines

    static let listeningPrefix = "gotom sandbox listening on "

    /// Starts `gotom ARGUMENTS` and waits until it listens.
    ///
    /// - Parameters:
    ///   - arguments: `sandbox` and its options.
    ///   - directory: The working directory.
    ///   - environment: Extra environment variables.
    ///   - stdoutPath: Where a copy of standard output goes.
    ///   - stderrPath: Where standard error goes (when `stderr` is nil, or a copy of it).
    ///   - stderr: Read standard error line by line too, e.g. to await requests in the sandbox's log.
    /// - Returns: The running sandbox.
    /// - Throws: When it cannot start, exits, or prints no URL; the process is stopped then.
    static func start(
        _ arguments: [String], directory: URL, environment: [String: String?] = [:], stdoutPath: String,
        stderrPath: String, stderr: OutputLines? = nil
    ) async throws -> SandboxLaunch {
        let stdout = OutputLines(copyTo: stdoutPath)
        let process = try ExternalTool.start(
            CLIHarness.binary, arguments, environment: environment, directory: directory, stdout: stdout,
            stderr: stderr, stderrPath: stderrPath)
        do {
            let line = try await stdout.firstLine { $0.hasPrefix(listeningPrefix) }
            // The banner ends with this line; everything it says (credentials, CA) has arrived then.
            try await stdout.firstLine { $0 == "Stop with Ctrl-C." }
            let caPath = stdout.received.first { $0.contains("export GOTOM_CACERT=") }
                .map { String($0.split(separator: "=", maxSplits: 1)[1]) }
            return SandboxLaunch(
                process: process, baseURL: String(line.dropFirst(listeningPrefix.count)), caPath: caPath,
                stdout: stdout)
        } catch {
            await process.stop()
            let log = (try? String(contentsOfFile: stderr?.copyPath ?? stderrPath, encoding: .utf8)) ?? ""
            throw NotListening(description: "gotom sandbox did not report its URL: \(error)\n\(log)")
        }
    }

    struct NotListening: Error, CustomStringConvertible {
        let description: String
    }
}
