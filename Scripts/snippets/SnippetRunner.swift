// Runs the documented programs built by check-snippets.sh, each against a fresh in-process sandbox: in memory,
// TLS with a throw-away CA, its address and credentials handed over as the GOTOM_* variables the programs read.
//
//   snippet-runner BIN_DIR TARGET[=ARG,ARG...] ...
import Foundation
import GoTomSandbox

let arguments = CommandLine.arguments.dropFirst()
guard let binDirectory = arguments.first, arguments.count > 1 else {
    FileHandle.standardError.write(Data("usage: snippet-runner BIN_DIR TARGET[=ARG,ARG...] ...\n".utf8))
    exit(64)
}

var failures: [String] = []

// The sandbox's own error, caught the way a user catches it.
do {
    _ = try await SandboxServer.start(configuration: SandboxConfiguration(port: -1, storage: .inMemory))
    failures.append("SandboxServer.start accepted port -1")
} catch let error as SandboxError where error == .invalidConfiguration {
    print("snippets: SandboxError caught by kind: \(error.detail)")
}

for item in arguments.dropFirst() {
    let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
    let target = parts[0]
    let programArguments = parts.count > 1 ? parts[1].split(separator: ",").map(String.init) : []
    let sandbox = try await SandboxServer.start(
        configuration: SandboxConfiguration(port: 0, storage: .inMemory, tls: true)
    )
    let workDirectory = FileManager.default.temporaryDirectory
        .appendingPathComponent("gotom-snippet-\(target)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)

    var environment = ProcessInfo.processInfo.environment
    environment["GOTOM_BASE_URL"] = sandbox.baseURL
    environment["GOTOM_USER"] = sandbox.credentials.user
    environment["GOTOM_SECRET"] = sandbox.credentials.secret
    environment["GOTOM_CACERT"] = sandbox.caCertificatePath
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binDirectory).appendingPathComponent(target)
    process.arguments = programArguments
    process.environment = environment
    process.currentDirectoryURL = workDirectory
    let started = Date()
    print("snippets: running \(target) \(programArguments.joined(separator: " "))")
    try process.run()
    process.waitUntilExit()
    let seconds = Date().timeIntervalSince(started)
    try await sandbox.stop()
    try? FileManager.default.removeItem(at: workDirectory)
    if process.terminationReason == .exit && process.terminationStatus == 0 {
        print("snippets: \(target) passed in \(String(format: "%.1f", seconds)) s")
    } else {
        print("snippets: \(target) FAILED (status \(process.terminationStatus))")
        failures.append(target)
    }
}
if !failures.isEmpty {
    print("snippets: failed: \(failures.joined(separator: ", "))")
    exit(1)
}
