import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to stdout and stderr without buffering surprises, and terminal detection.
enum StandardStreams {
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
    static func diagnostic(_ line: String) {
        writeError("gotom: \(line)\n")
    }

    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    private static func write(fd: Int32, _ bytes: some Collection<UInt8>) {
        let array = Array(bytes)
        array.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    // The reader of stdout has gone (`gotom … | head`): stop like a process killed by SIGPIPE,
                    // which NIO ignores process-wide.
                    if errno == EPIPE && fd == STDOUT_FILENO { exit(141) }
                    return
                }
                offset += written
            }
        }
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
