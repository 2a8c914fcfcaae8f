import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lines a background program writes to one of its streams, as they arrive, for tests to await.
///
/// Pass it to ``ExternalTool/start(_:_:environment:directory:stdout:stderr:)``: the stream becomes a pipe that a
/// thread of its own reads, copying every byte to ``copyPath`` (so the whole output stays readable afterwards) and
/// waking the tests that wait for a line. A wait ends as soon as its line arrives, fails at once when the program
/// closes the stream (it exited) without writing it, and fails after a generous time limit otherwise.
///
/// ```swift
/// let output = OutputLines(copyTo: directory.appendingPathComponent("sandbox.out").path)
/// let server = try ExternalTool.start(binary, ["sandbox", "--port", "0"], stdout: output)
/// let banner = try await output.firstLine { $0.hasPrefix("gotom sandbox listening on ") }
/// ```
public final class OutputLines: @unchecked Sendable {
    /// The file that receives a copy of everything read.
    public let copyPath: String

    private struct Waiter {
        let check: ([String]) -> String?
        let continuation: CheckedContinuation<String, any Error>
    }

    private let lock = NSLock()
    // Guarded by `lock`.
    private var lines: [String] = []
    private var partial: [UInt8] = []
    private var ended = false
    private var waiters: [UUID: Waiter] = [:]

    /// A collector whose copy goes to `copyPath` (created or truncated when reading starts).
    ///
    /// - Parameter copyPath: The file for the copy.
    public init(copyTo copyPath: String) {
        self.copyPath = copyPath
    }

    /// The complete lines read so far.
    public var received: [String] {
        lock.withLock { lines }
    }

    /// Waits for the first line, already read or still to come, that satisfies `predicate`.
    ///
    /// - Parameters:
    ///   - timeout: An upper bound for a program that hangs; a wait normally ends with its line or with the stream.
    ///   - predicate: Which line.
    /// - Returns: The line.
    /// - Throws: ``OutputLines/Missing`` when the stream ends or the time runs out first.
    @discardableResult
    public func firstLine(
        timeout: Duration = .seconds(60), where predicate: @escaping @Sendable (String) -> Bool
    ) async throws -> String {
        try await wait(timeout: timeout) { lines in lines.first(where: predicate) }
    }

    /// Waits until `count` lines satisfying `predicate` have been read, and returns the last of them.
    ///
    /// - Parameters:
    ///   - count: How many matching lines.
    ///   - timeout: An upper bound for a program that hangs.
    ///   - predicate: Which lines count.
    /// - Returns: The `count`-th matching line.
    /// - Throws: ``OutputLines/Missing`` when the stream ends or the time runs out first.
    @discardableResult
    public func line(
        number count: Int, timeout: Duration = .seconds(120), where predicate: @escaping @Sendable (String) -> Bool
    ) async throws -> String {
        try await wait(timeout: timeout) { lines in
            var seen = 0
            for line in lines where predicate(line) {
                seen += 1
                if seen == count { return line }
            }
            return nil
        }
    }

    /// Why a wait ended without its line.
    public struct Missing: Error, CustomStringConvertible {
        /// What happened, with the last lines read.
        public let description: String
    }

    private func wait(timeout: Duration, _ check: @escaping ([String]) -> String?) async throws -> String {
        let id = UUID()
        let timer = Task { [weak self] in
            try await Task.sleep(for: timeout)
            self?.fail(id, reason: "no such line within \(timeout)")
        }
        defer { timer.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            if let line = check(lines) {
                lock.unlock()
                continuation.resume(returning: line)
            } else if ended {
                let tail = lines.suffix(5)
                lock.unlock()
                continuation.resume(throwing: Missing(description: "the stream ended without the line; last: \(tail)"))
            } else {
                waiters[id] = Waiter(check: check, continuation: continuation)
                lock.unlock()
            }
        }
    }

    private func fail(_ id: UUID, reason: String) {
        lock.lock()
        let waiter = waiters.removeValue(forKey: id)
        let tail = lines.suffix(5)
        lock.unlock()
        waiter?.continuation.resume(throwing: Missing(description: "\(reason); last lines: \(tail)"))
    }

    /// Reads `descriptor` to its end on a thread of its own, then closes it.
    func startReading(_ descriptor: Int32) {
        // Opened in place (created or truncated), never replaced: FileManager.createFile writes a temporary file
        // and renames it over the path, which turns a device such as /dev/null into a regular file.
        let fd = open(copyPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        let copy = fd >= 0 ? FileHandle(fileDescriptor: fd, closeOnDealloc: true) : nil
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                let chunk = Array(buffer[0..<count])
                copy?.write(Data(chunk))
                receive(chunk)
            }
            close(descriptor)
            try? copy?.close()
            finish()
        }
    }

    private func receive(_ chunk: [UInt8]) {
        var ready: [CheckedContinuation<String, any Error>] = []
        var results: [String] = []
        lock.lock()
        partial += chunk
        while let newline = partial.firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(String(decoding: partial[..<newline], as: UTF8.self))
            partial.removeSubrange(...newline)
        }
        for (id, waiter) in waiters {
            if let line = waiter.check(lines) {
                waiters[id] = nil
                ready.append(waiter.continuation)
                results.append(line)
            }
        }
        lock.unlock()
        for (continuation, line) in zip(ready, results) { continuation.resume(returning: line) }
    }

    private func finish() {
        lock.lock()
        if !partial.isEmpty {
            lines.append(String(decoding: partial, as: UTF8.self))
            partial = []
        }
        ended = true
        var ready: [(CheckedContinuation<String, any Error>, Result<String, Missing>)] = []
        for (_, waiter) in waiters {
            if let line = waiter.check(lines) {
                ready.append((waiter.continuation, .success(line)))
            } else {
                ready.append(
                    (
                        waiter.continuation,
                        .failure(
                            Missing(
                                description: "the stream ended without the line; last: "
                                    + "\(lines.suffix(5))"))
                    ))
            }
        }
        waiters = [:]
        lock.unlock()
        for (continuation, result) in ready { continuation.resume(with: result) }
    }
}
