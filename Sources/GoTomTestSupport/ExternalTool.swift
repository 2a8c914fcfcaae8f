import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// The absolute path of `name` on `PATH`.
    ///
    /// Tests that need a program declare it with a trait (see ``Prerequisite``); this is how they then fail
    /// clearly when `CI` made them run without it.
    ///
    /// - Parameter name: The program name.
    /// - Returns: Its path.
    /// - Throws: ``MissingPrerequisite`` when it is not installed.
    public static func require(_ name: String) throws -> String {
        guard let path = find(name) else { throw MissingPrerequisite(missing: [.tool(name)]) }
        return path
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
    /// Nothing blocks a thread while the program runs: completion arrives through the process's termination
    /// handler, so in-process servers keep answering while many tests run programs in parallel.
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
    ) async throws -> Output {
        // Files, not pipes: a pipe's write end can leak into a long-running server that another test spawns at
        // the same moment, and then reading to end-of-file would never finish.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gotom-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: stdin ?? Data())

        // Small inputs go through a socket pair that is already filled and closed, so the program sees its whole input
        // at once, as with `echo … | program` (goTom's Node example stops reading stdin after 100 ms).
        var stdinPipe: Int32?
        if let stdin, stdin.count <= 60_000 {
            var fds: [Int32] = [0, 0]
            // Created close-on-exec, so no process spawned at the same moment by another test inherits it.
            let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
            guard socketpair(AF_UNIX, type, 0, &fds) == 0 else { throw POSIXError(.EMFILE) }
            stdin.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(fds[1], buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(fds[1])
            stdinPipe = fds[0]
        }
        let pid: pid_t
        do {
            pid = try spawn(
                executable, arguments, environment: environment, directory: directory,
                stdin: stdin == nil ? "/dev/null" : inURL.path, stdinDescriptor: stdinPipe, stdout: outURL.path,
                stderr: errURL.path)
        } catch {
            if let stdinPipe { close(stdinPipe) }
            throw error
        }
        if let stdinPipe { close(stdinPipe) }
        let status = await waitForExit(pid)
        return Output(
            status: status,
            stdout: (try? Data(contentsOf: outURL)) ?? Data(),
            stderr: (try? Data(contentsOf: errURL)) ?? Data()
        )
    }

    /// A program running in the background, such as a server, stopped with ``stop()``.
    public final class Background: Sendable {
        private let pid: pid_t
        private let exit: Task<Int32, Never>

        fileprivate init(pid: pid_t) {
            self.pid = pid
            self.exit = Task { await ExternalTool.waitForExit(pid) }
        }

        /// Sends SIGTERM and waits until the program has exited.
        ///
        /// - Returns: The exit status (128 + signal number when a signal ended it).
        @discardableResult
        public func stop() async -> Int32 {
            await signal(SIGTERM)
        }

        /// Sends a signal and waits until the program has exited.
        ///
        /// - Parameter number: The signal, e.g. `SIGKILL`.
        /// - Returns: The exit status (128 + signal number when a signal ended it).
        @discardableResult
        public func signal(_ number: Int32) async -> Int32 {
            kill(pid, number)
            return await exit.value
        }
    }

    /// Starts a program in the background.
    ///
    /// - Parameters:
    ///   - executable: The absolute path of the program.
    ///   - arguments: Its arguments.
    ///   - environment: Extra environment variables.
    ///   - directory: The working directory.
    ///   - stdoutPath: A file that receives standard output; discarded by default.
    ///   - stderrPath: A file that receives standard error; discarded by default.
    /// - Returns: A handle to stop it.
    /// - Throws: When it cannot be started.
    public static func start(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String?] = [:],
        directory: URL? = nil,
        stdoutPath: String = "/dev/null",
        stderrPath: String = "/dev/null"
    ) throws -> Background {
        let pid = try spawn(
            executable, arguments, environment: environment, directory: directory,
            stdin: "/dev/null", stdout: stdoutPath, stderr: stderrPath)
        return Background(pid: pid)
    }

    /// Starts a program in the background with its output streams read line by line, for tests to await lines.
    ///
    /// - Parameters:
    ///   - executable: The absolute path of the program.
    ///   - arguments: Its arguments.
    ///   - environment: Extra environment variables.
    ///   - directory: The working directory.
    ///   - stdout: Receives standard output (and copies it to its file).
    ///   - stderr: Receives standard error; when `nil`, standard error goes to `stderrPath`.
    ///   - stderrPath: A file that receives standard error when `stderr` is `nil`; discarded by default.
    /// - Returns: A handle to stop it.
    /// - Throws: When it cannot be started.
    public static func start(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String?] = [:],
        directory: URL? = nil,
        stdout: OutputLines,
        stderr: OutputLines? = nil,
        stderrPath: String = "/dev/null"
    ) throws -> Background {
        // Socket pairs created close-on-exec (as for stdin above), so no process that another test spawns at the
        // same moment inherits a write end, which would keep the reader from ever seeing the end of the stream;
        // dup2 in the child clears the flag on its copy.
        func makePipe() throws -> (read: Int32, write: Int32) {
            var fds: [Int32] = [0, 0]
            let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
            guard socketpair(AF_UNIX, type, 0, &fds) == 0 else { throw POSIXError(.EMFILE) }
            return (fds[0], fds[1])
        }
        let out = try makePipe()
        let err: (read: Int32, write: Int32)?
        do {
            err = try stderr.map { _ in try makePipe() }
        } catch {
            close(out.read)
            close(out.write)
            throw error
        }
        let pid: pid_t
        do {
            pid = try spawn(
                executable, arguments, environment: environment, directory: directory,
                stdin: "/dev/null", stdout: "/dev/null", stderr: stderrPath, stdoutDescriptor: out.write,
                stderrDescriptor: err?.write)
        } catch {
            for descriptor in [out.read, out.write, err?.read, err?.write].compactMap({ $0 }) { close(descriptor) }
            throw error
        }
        close(out.write)
        stdout.startReading(out.read)
        if let err, let stderr {
            close(err.write)
            stderr.startReading(err.read)
        }
        return Background(pid: pid)
    }

    /// Starts a process with posix_spawn, its standard streams opened from files.
    ///
    /// Foundation's `Process` is avoided on purpose: on Linux its exit notifications were lost when many
    /// processes ran at once, which hung the suite.
    private static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String?], directory: URL?,
        stdin: String, stdinDescriptor: Int32? = nil, stdout: String, stderr: String,
        stdoutDescriptor: Int32? = nil, stderrDescriptor: Int32? = nil
    ) throws -> pid_t {
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdinDescriptor {
            posix_spawn_file_actions_adddup2(&actions, stdinDescriptor, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        }
        if let stdoutDescriptor {
            posix_spawn_file_actions_adddup2(&actions, stdoutDescriptor, 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        if let stderrDescriptor {
            posix_spawn_file_actions_adddup2(&actions, stderrDescriptor, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        // posix_spawn has no portable "change directory" action; a shell changes it and then execs the program.
        let program = directory == nil ? executable : "/bin/sh"
        let words =
            directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0.path, executable] + arguments }
            ?? [executable] + arguments
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        // Threads of the test runner block some signals; a child must start with none blocked and default
        // handlers, or it would ignore the SIGTERM that stops it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGPIPE, SIGCHLD, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .ENOENT) }
        return pid
    }

    /// Waits for a child on a thread of its own and returns its exit status.
    ///
    /// Neither a cooperative thread nor a dispatch worker: both pools are small, and a few long-running
    /// servers waited on there would starve every other test.
    fileprivate static func waitForExit(_ pid: pid_t) async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                let exited = status & 0x7F == 0
                continuation.resume(returning: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F))
            }
        }
    }
}
