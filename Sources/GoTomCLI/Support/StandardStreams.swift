import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing to stdout and stderr without buffering surprises, and terminal detection.
package enum StandardStreams {
    static func writeOut(_ text: String) {
        writeOut(Array(text.utf8))
    }

    static func writeOut(_ bytes: some Collection<UInt8>) {
        write(fd: STDOUT_FILENO, bytes)
    }

    static func writeError(_ text: String) {
        write(fd: STDERR_FILENO, Array(text.utf8))
    }

    /// Prints one diagnostic line on stderr, prefixed with `gotom: `.
    package static func diagnostic(_ line: String) {
        writeError("gotom: \(line)\n")
    }

    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Whether stdout is a pipe or socket whose reading end is closed, checked without writing (for output that
    /// is held back, such as a table, so that no further pages are fetched for nobody).
    static var stdoutReaderGone: Bool {
        var descriptor = pollfd(fd: STDOUT_FILENO, events: 0, revents: 0)
        guard poll(&descriptor, 1, 0) == 1 else { return false }
        return descriptor.revents & Int16(POLLERR | POLLHUP) != 0
    }

    /// Writes all of `buffer` to a descriptor.
    ///
    /// When the reader has gone (EPIPE, as with `gotom … | head`; SIGPIPE is ignored process-wide by NIO) the
    /// process ends with 141, like one killed by SIGPIPE — except on stderr, where nothing is left to tell.
    ///
    /// - Throws: ``CLIError`` when the write fails otherwise, e.g. a full disk behind `> file`.
    package static func write(_ buffer: UnsafeRawBufferPointer, to fd: Int32) throws {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE && fd != STDERR_FILENO { exit(ExitStatus.outputClosed.rawValue) }
                throw CLIError("cannot write the output: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    private static func write(fd: Int32, _ bytes: some Collection<UInt8>) {
        // Contiguous bytes (arrays, a ByteBuffer's view) are written in place; only others are copied first.
        let wrote: Void? = bytes.withContiguousStorageIfAvailable { try? write(UnsafeRawBufferPointer($0), to: fd) }
        if wrote == nil { Array(bytes).withUnsafeBytes { buffer in try? write(buffer, to: fd) } }
    }

    /// Reads all of stdin, failing beyond `limit` bytes with a message that ends in `hint`.
    static func readStdin(limit: Int, hint: String = "pass it as a file instead") throws -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CLIError("cannot read the body from stdin")
            }
            if count == 0 { return result }
            guard result.count + count <= limit else {
                throw CLIError("the input on stdin is larger than \(limit / 1024 / 1024) MiB; \(hint)")
            }
            result.append(contentsOf: buffer[0..<count])
        }
    }
}
