import Foundation
import Logging
import MCP

/// MCP over stdin/stdout, one JSON-RPC message per line, read by a thread that blocks in `read(2)`.
///
/// The MCP SDK's `StdioTransport` switches both descriptors to non-blocking mode and, whenever stdin has nothing,
/// sleeps 10 ms before it looks again: every request then waits up to 10 ms before the server sees it, and the
/// non-blocking flag leaks to whatever else shares the descriptors. Blocking reads on a thread of their own hand
/// each line on as soon as it is complete. A client that closes stdin ends the stream, and the server with it.
actor LineStdioTransport: Transport {
    nonisolated let logger: Logger
    private let stream: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private var started = false

    init() {
        logger = Logger(label: "gotom.mcp.stdio") { _ in SwiftLogNoOpLogHandler() }
        (stream, continuation) = AsyncThrowingStream.makeStream()
    }

    func connect() async throws {
        guard !started else { return }
        started = true
        let continuation = self.continuation
        let reader = Thread {
            var pending: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { Foundation.read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                pending.append(contentsOf: buffer[..<count])
                var start = 0
                while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    var end = newline
                    if end > start && pending[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    if end > start { continuation.yield(Data(pending[start..<end])) }
                    start = newline + 1
                }
                pending.removeFirst(start)
            }
            if !pending.isEmpty { continuation.yield(Data(pending)) }
            continuation.finish()
        }
        reader.name = "gotom-mcp-stdin"
        reader.start()
    }

    func disconnect() async {
        continuation.finish()
    }

    /// Writes one message and its newline; the whole line goes out before the next message.
    func send(_ data: Data) async throws {
        var line = data
        line.append(UInt8(ascii: "\n"))
        try line.withUnsafeBytes { try StandardStreams.write($0, to: STDOUT_FILENO) }
    }

    func receive() -> AsyncThrowingStream<Data, any Error> {
        stream
    }
}
