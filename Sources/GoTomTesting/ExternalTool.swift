import Foundation

/// Finds and runs command-line tools that interop tests depend on (node, php, openssl, bash, curl).
public enum ExternalTool {
    /// The absolute path of `name` on `PATH`, or `nil` when it is not installed.
    ///
    /// - Parameter name: The program name.
    /// - Returns: Its path, if found.
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The result of running a program.
    public struct Output: Sendable {
        /// The exit status.
        public var status: Int32
        /// Everything written to standard output.
        public var stdout: Data
        /// Everything written to standard error.
        public var stderr: Data

        /// Standard output as UTF-8 text.
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard error as UTF-8 text.
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs a program to completion, feeding `stdin` and collecting both output streams.
    ///
    /// - Parameters:
    ///   - executable: The absolute path of the program.
    ///   - arguments: Its arguments.
    ///   - stdin: Bytes for standard input, or `nil` to leave it closed (`/dev/null`).
    ///   - environment: Extra environment variables, merged over the current ones; a `nil` value removes one.
    ///   - directory: The working directory.
    /// - Returns: Exit status and output.
    /// - Throws: When the program cannot be started.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        stdin: Data? = nil,
        environment: [String: String?] = [:],
        directory: URL? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        if let directory { process.currentDirectoryURL = directory }
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        let inPipe = Pipe()
        if stdin != nil {
            process.standardInput = inPipe
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        if let stdin {
            inPipe.fileHandleForWriting.write(stdin)
            try inPipe.fileHandleForWriting.close()
        }
        let collector = OutputCollector()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            collector.setErr(errPipe.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: out, stderr: collector.err)
    }

    private final class OutputCollector: @unchecked Sendable {
        private let lock = NSLock()
        private var _err = Data()
        var err: Data { lock.withLock { _err } }
        func setErr(_ data: Data) { lock.withLock { _err = data } }
    }
}
