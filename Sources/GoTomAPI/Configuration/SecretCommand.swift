import Foundation

/// Runs a profile's `secret_command` (e.g. `pass show gotom/demo`) and reads the secret from its output.
enum SecretCommand {
    /// Runs `command` with `/bin/sh -c`, stdin closed, and returns its output without trailing line breaks.
    ///
    /// The command's text is never put into an error: it may carry a token of its own.
    static func run(_ command: String, name: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw GoTomError.make(.invalidConfiguration, detail: "cannot run \(name)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GoTomError.make(
                .invalidConfiguration, detail: "\(name) failed with exit status \(process.terminationStatus)")
        }
        var secret = String(decoding: data, as: UTF8.self)
        while secret.hasSuffix("\n") || secret.hasSuffix("\r") { secret.removeLast() }
        guard !secret.isEmpty else { throw GoTomError.make(.invalidConfiguration, detail: "\(name) printed nothing") }
        return secret
    }
}
