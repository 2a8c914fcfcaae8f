import Foundation
import GoTomCLI
import Logging
import MCP

/// MCP over stdin/stdout, one JSON-RPC message per line, read by a thread that blocks in `read(2)`.
///
/// The MCP SDK's `StdioTransport` switches both descriptors to non-blocking mode and, whenever stdin has nothing,
/// sleeps 10 ms before it looks again: every request then waits up to 10 ms before the server sees it, and the
/// non-blocking flag leaks to whatever else shares the descriptors. Blocking reads on a thread of their own hand
/// each line on as soon as it is complete. A client that closes stdin ends the stream; requests that arrived before
/// are still answered (``drained()``), so `printf … | gotom mcp` gets its replies.
actor LineStdioTransport: Transport {
    nonisolated let logger: Logger
    private let stream: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private var started = false
    private let pending = PendingRequests()

    init() {
        logger = Logger(label: "gotom.mcp.stdio") { _ in SwiftLogNoOpLogHandler() }
        (stream, continuation) = AsyncThrowingStream.makeStream()
    }

    func connect() async throws {
        guard !started else { return }
        started = true
        let continuation = self.continuation
        let requests = self.pending
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
                    if end > start {
                        let message = Data(pending[start..<end])
                        requests.add(PendingRequests.requests(in: message))
                        continuation.yield(message)
                    }
                    start = newline + 1
                }
                pending.removeFirst(start)
            }
            if !pending.isEmpty {
                requests.add(PendingRequests.requests(in: Data(pending)))
                continuation.yield(Data(pending))
            }
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
        pending.add(-PendingRequests.responses(in: data))
    }

    /// Returns once every request received so far has been answered.
    func drained() async {
        await pending.waitUntilNone()
    }

    func receive() -> AsyncThrowingStream<Data, any Error> {
        stream
    }
}

/// How many received requests still wait for their response; requests and responses are told apart by their
/// members (`id` with `method`, `id` without `method`).
final class PendingRequests: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func add(_ delta: Int) {
        guard delta != 0 else { return }
        let ready: [CheckedContinuation<Void, Never>] = lock.withLock {
            count += delta
            guard count <= 0 else { return [] }
            defer { waiters = [] }
            return waiters
        }
        for waiter in ready { waiter.resume() }
    }

    func waitUntilNone() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = lock.withLock {
                if count <= 0 { return true }
                waiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    static func requests(in message: Data) -> Int {
        objects(in: message).filter { $0["id"] != nil && $0["method"] != nil }.count
    }

    static func responses(in message: Data) -> Int {
        objects(in: message).filter { $0["id"] != nil && $0["method"] == nil }.count
    }

    private static func objects(in message: Data) -> [[String: Any]] {
        switch try? JSONSerialization.jsonObject(with: message) {
        case let object as [String: Any]: return [object]
        case let array as [Any]: return array.compactMap { $0 as? [String: Any] }
        default: return []
        }
    }
}
