import Foundation
import GoTomAuth
import GoTomSandbox
import Hummingbird
import Logging
import NIOCore

/// A loopback HTTP server for end-to-end tests: it authenticates every request with GoTomAuth's verifier over
/// the raw request target it received, and answers with a JSON description of what arrived.
///
/// - `401` with the server's message as a JSON string when verification fails (and a `Date` header from its
///   own, possibly skewed, clock);
/// - `/status/NNN…` answers status NNN after authentication;
/// - anything else answers `200` with `{"method", "uri", "user", "contentType", "date", "bodyMD5", "bodyLength", "body"}`.
public struct EchoServer: Sendable {
    /// What the server saw, as returned in its JSON answer.
    public struct Echo: Codable, Sendable, Equatable {
        /// The method as received.
        public var method: String
        /// The raw request target as received.
        public var uri: String
        /// The authenticated user.
        public var user: String
        /// The `Content-Type` header.
        public var contentType: String
        /// The `Date` header.
        public var date: String
        /// The MD5 of the received body.
        public var bodyMD5: String
        /// The number of body bytes received.
        public var bodyLength: Int
        /// The body as UTF-8 text.
        public var body: String
        /// The received headers whose names start with `X-`, by lowercased name (what `gotom request -H` adds).
        public var extraHeaders: [String: String]? = nil
    }

    /// The port it listens on, on 127.0.0.1.
    public let port: Int
    private let task: Task<Void, any Error>

    /// The base URL, `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts a server on a free port.
    ///
    /// - Parameters:
    ///   - users: User ids and their secrets.
    ///   - clockOffsetSeconds: How far the server's clock runs ahead of the system clock (negative: behind).
    /// - Returns: The running server.
    /// - Throws: When it cannot listen.
    public static func start(users: [String: String], clockOffsetSeconds: Int64 = 0) async throws -> EchoServer {
        let clock = OffsetWallClock(offsetSeconds: clockOffsetSeconds)
        let verifier = RequestVerifier(clock: clock)
        let responder = CallbackResponder<BasicRequestContext> { request, context in
            try await respond(request, verifier: verifier, users: users, clock: clock)
        }
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "gotom-echo"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: Logger(label: "echo", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw CancellationError()
        }
        return EchoServer(port: port, task: task)
    }

    /// Stops the server.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }

    private static func respond(
        _ request: Request, verifier: RequestVerifier, users: [String: String], clock: OffsetWallClock
    ) async throws -> Response {
        let body = try await request.body.collect(upTo: 512 * 1024 * 1024)
        var digester = BodyDigester()
        digester.update(body.readableBytesView)
        let incoming = IncomingRequest(request, bodyDigest: digester.finalize())
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.date] = DateHeaderFormat.rfc1123.format(clock.now())
        let verified: VerifiedRequest
        do {
            verified = try verifier.verification(of: incoming) { users[$0] }
        } catch {
            let message = try JSONEncoder().encode(error.message)
            return Response(
                status: .unauthorized, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: message)))
        }
        if request.uri.path.hasPrefix("/status/"),
            let code = Int(request.uri.path.dropFirst("/status/".count).prefix(3))
        {
            return Response(
                status: .init(code: code), headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: "{\"status\":\(code)}")))
        }
        var echo = Echo(
            method: request.method.rawValue, uri: request.uri.string, user: verified.user,
            contentType: incoming.contentType ?? "", date: incoming.date ?? "", bodyMD5: incoming.bodyDigest.hex,
            bodyLength: body.readableBytes, body: body.readableBytes <= 64 * 1024 ? String(buffer: body) : ""
        )
        var extra: [String: String] = [:]
        for field in request.headers where field.name.canonicalName.hasPrefix("x-") {
            extra[field.name.canonicalName] = field.value
        }
        echo.extraHeaders = extra
        let json = try JSONEncoder().encode(echo)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }
}
