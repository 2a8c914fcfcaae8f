import Foundation
import NIOCore
import NIOPosix

/// A tiny HTTP/1.1 server on 127.0.0.1 for fault injection: it answers each request as scripted (a reply such as
/// 429 or 503 with `Retry-After`, a dropped or reset connection, no answer, a body cut short) and records every
/// request, so that a test can count attempts and check their signatures.
///
/// ```swift
/// let server = try await FaultServer.start([.reply(.init(status: 503, headers: [("Retry-After", "1")]))])
/// // point a client at server.baseURL, then look at server.received
/// try await server.stop()
/// ```
public final class FaultServer: @unchecked Sendable {
    /// A scripted answer.
    public struct Reply: Sendable {
        /// The status code.
        public var status: Int
        /// Header fields besides `Content-Length` and `Connection`.
        public var headers: [(String, String)]
        /// The body.
        public var body: String

        /// Creates a reply.
        ///
        /// - Parameters:
        ///   - status: The status code.
        ///   - headers: Header fields.
        ///   - body: The body.
        public init(status: Int, headers: [(String, String)] = [], body: String = "") {
            self.status = status
            self.headers = headers
            self.body = body
        }
    }

    /// What to do with one request.
    public enum Action: Sendable {
        /// Answer at once.
        case reply(Reply)
        /// Close the connection without answering.
        case drop
        /// Never answer: the connection stays open until the client gives up (or the server stops).
        case hang
        /// Reset the connection (RST) after the whole request arrived: it may have been acted on.
        case reset
        /// Reset the connection as soon as the request head arrived, before its body was read.
        case resetAfterHead
        /// Send the head of `reply` with the length of its body, then only `sentBytes` of it, then close.
        case truncate(Reply, sentBytes: Int)
    }

    /// A request as received.
    public struct Received: Sendable {
        /// The method.
        public var method: String
        /// The request target as received.
        public var uri: String
        /// Header fields by lower-cased name.
        public var headers: [String: String]
        /// The body (empty for ``Action/resetAfterHead``).
        public var body: [UInt8]

        /// A header's value.
        ///
        /// - Parameter name: The name, in any case.
        /// - Returns: The value, if present.
        public func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    private let lock = NSLock()
    /// Whether every connection is reset on its first bytes (before any HTTP, e.g. a TLS client hello).
    public let resetsOnFirstBytes: Bool
    private var script: [Action]
    private let fallback: Action
    private var stored: [Received] = []
    private var channel: (any Channel)?

    /// The bound port.
    public private(set) var port = 0

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far.
    public var received: [Received] { lock.withLock { stored } }

    private init(script: [Action], fallback: Action, resetsOnFirstBytes: Bool) {
        self.resetsOnFirstBytes = resetsOnFirstBytes
        self.script = script
        self.fallback = fallback
    }

    /// Starts a server on 127.0.0.1 that plays `script` in order, then `fallback` for every further request.
    ///
    /// - Parameters:
    ///   - script: The first answers, in order.
    ///   - fallback: The answer once the script is used up.
    ///   - resetsOnFirstBytes: Reset every connection when its first bytes arrive (a TLS handshake that fails).
    /// - Returns: The running server.
    /// - Throws: When it cannot bind.
    public static func start(
        _ script: [Action], fallback: Action = .reply(Reply(status: 200, body: "{}")), resetsOnFirstBytes: Bool = false
    ) async throws -> FaultServer {
        let server = FaultServer(script: script, fallback: fallback, resetsOnFirstBytes: resetsOnFirstBytes)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(FaultHandler(server: server))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        server.channel = channel
        server.port = channel.localAddress?.port ?? 0
        return server
    }

    /// Stops listening.
    ///
    /// - Throws: When the channel fails to close.
    public func stop() async throws {
        try await channel?.close()
    }

    /// Records a request and returns the action for it.
    fileprivate func next(for request: Received) -> Action {
        lock.withLock {
            stored.append(request)
            return script.isEmpty ? fallback : script.removeFirst()
        }
    }

    /// The action for the next request, without taking it.
    fileprivate func peek() -> Action {
        lock.withLock { script.first ?? fallback }
    }
}

/// Parses requests (head plus `Content-Length` body) and plays the server's script.
private final class FaultHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let server: FaultServer
    var pending = ByteBuffer()

    init(server: FaultServer) { self.server = server }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        let channel = context.channel
        if server.resetsOnFirstBytes {
            Self.reset(channel)
            return
        }
        pending.writeBuffer(&chunk)
        if case .resetAfterHead = server.peek(), let head = parseHead() {
            let received = FaultServer.Received(method: head.method, uri: head.uri, headers: head.headers, body: [])
            _ = server.next(for: received)
            Self.reset(channel)
            return
        }
        guard let request = parse() else { return }
        switch server.next(for: request) {
        case .reply(let reply):
            Self.send(reply, on: channel)
        case .drop:
            context.close(promise: nil)
        case .hang, .resetAfterHead:
            break
        case .reset:
            Self.reset(channel)
        case .truncate(let reply, let sentBytes):
            let buffer = ByteBuffer(
                string: Self.head(of: reply, closing: false) + String(reply.body.utf8.prefix(sentBytes))!)
            channel.writeAndFlush(buffer).whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// Closes with a TCP reset (linger 0) instead of an orderly FIN.
    private static func reset(_ channel: any Channel) {
        guard let provider = channel as? any SocketOptionProvider else {
            channel.close(promise: nil)
            return
        }
        provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in channel.close(promise: nil) }
    }

    /// The method, target and headers, and the head's length in bytes, once the whole head is in `pending`.
    private func parseHead() -> (method: String, uri: String, headers: [String: String], length: Int)? {
        let view = pending.readableBytesView
        guard let end = view.firstRange(of: [13, 10, 13, 10]) else { return nil }
        let lines = String(decoding: view[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }
        return (
            requestLine.first.map(String.init) ?? "", requestLine.count > 1 ? String(requestLine[1]) : "", headers,
            end.upperBound - view.startIndex
        )
    }

    private static func send(_ reply: FaultServer.Reply, on channel: any Channel) {
        let buffer = ByteBuffer(string: head(of: reply, closing: true) + reply.body)
        channel.writeAndFlush(buffer).whenComplete { _ in channel.close(promise: nil) }
    }

    /// The response head of `reply` with its blank line; `closing` announces `Connection: close`.
    private static func head(of reply: FaultServer.Reply, closing: Bool) -> String {
        var head = "HTTP/1.1 \(reply.status) Scripted\r\nContent-Length: \(reply.body.utf8.count)\r\n"
        if closing { head += "Connection: close\r\n" }
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        return head + "\r\n"
    }

    /// A complete request from `pending`, or `nil` while more bytes are needed.
    private func parse() -> FaultServer.Received? {
        guard let head = parseHead() else { return nil }
        let bodyLength = Int(head.headers["content-length"] ?? "0") ?? 0
        guard pending.readableBytes >= head.length + bodyLength else { return nil }
        pending.moveReaderIndex(forwardBy: head.length)
        let body = pending.readBytes(length: bodyLength) ?? []
        pending.discardReadBytes()
        return FaultServer.Received(method: head.method, uri: head.uri, headers: head.headers, body: body)
    }
}
