import Foundation
import GoTomAuth
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Answers every request the way goTom's server does: body limit, HMAC authentication over the raw request
/// target and body, routing, then the operation; always with a `Date` header from the sandbox clock.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let handlers: SandboxHandlers
    let verifier: RequestVerifier
    let credentials: Credentials
    let clock: any WallClock
    let maxBodySize: Int
    let scheme: String
    let fallbackAuthority: String
    let logger: Logger

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let (reply, user) = await process(request)
        let response = makeResponse(reply)
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let status = reply.status.code
        // The message and metadata are autoclosures: a quiet sandbox (level above info) builds neither.
        logger.info(
            "\(request.method.rawValue) \(request.uri.string) \(status) \(milliseconds)ms user=\(user ?? "-")",
            metadata: [
                "gotom.method": "\(request.method.rawValue)",
                "gotom.uri": "\(request.uri.string)",
                "gotom.status": "\(reply.status.code)",
                "gotom.duration_ms": "\(milliseconds)",
                "gotom.user": "\(user ?? "-")",
            ]
        )
        return response
    }

    /// Runs the pipeline; returns the reply and the authenticated user, if any.
    func process(_ request: Request) async -> (SandboxReply, String?) {
        // The size limit comes first, as nginx's `client_max_body_size` does in front of goTom.
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodySize {
            return (tooLarge, nil)
        }
        var body = ByteBuffer()
        var digester = BodyDigester()
        do {
            for try await chunk in request.body {
                guard body.readableBytes + chunk.readableBytes <= maxBodySize else { return (tooLarge, nil) }
                digester.update(chunk.readableBytesView)
                body.writeImmutableBuffer(chunk)
            }
        } catch {
            return (.problem(.badRequest, detail: "Bad Request: the request body could not be read."), nil)
        }
        let incoming = IncomingRequest(
            method: request.method.rawValue,
            requestURI: request.uri.string,
            authorization: request.headers[.authorization],
            date: request.headers[.date],
            contentType: request.headers[.contentType],
            bodyDigest: digester.finalize()
        )
        let verified: VerifiedRequest
        do {
            verified = try verifier.verification(of: incoming) { $0 == credentials.user ? credentials.secret : nil }
        } catch {
            return (.unauthorized(error.message), nil)
        }
        switch RouteTable.resolve(method: request.method, rawPath: request.uri.path) {
        case .notFound:
            return (.notFound, verified.user)
        case .methodNotAllowed(let allowed):
            var reply = SandboxReply.problem(.methodNotAllowed)
            reply.extraHeaders.append((.allow, allowed.map(\.rawValue).joined(separator: ", ")))
            return (reply, verified.user)
        case .operation(let operation, let parameters):
            let authority = request.head.authority ?? fallbackAuthority
            let sandboxRequest = SandboxRequest(
                operation: operation,
                parameters: parameters,
                query: QueryParameters(rawQuery: request.uri.query),
                body: Data(body.readableBytesView),
                baseURL: "\(scheme)://\(authority)",
                rawPath: request.uri.path,
                user: verified.user
            )
            return (await handlers.handle(sandboxRequest), verified.user)
        }
    }

    private var tooLarge: SandboxReply {
        .problem(.contentTooLarge, detail: "Payload Too Large: the body exceeds \(maxBodySize) bytes.")
    }

    /// Adds the headers every answer carries and turns the reply into a Hummingbird response.
    func makeResponse(_ reply: SandboxReply) -> Response {
        var headers = HTTPFields()
        headers[.date] = DateHeaderFormat.rfc1123.format(clock.now())
        headers[.cacheControl] = "no-cache, private"
        if let contentType = reply.contentType { headers[.contentType] = contentType }
        for (name, value) in reply.extraHeaders { headers.append(HTTPField(name: name, value: value)) }
        switch reply.body {
        case .empty:
            return Response(status: reply.status, headers: headers, body: ResponseBody())
        case .bytes(let bytes):
            return Response(
                status: reply.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case .stream(let length, let write):
            return Response(status: reply.status, headers: headers, body: ResponseBody(contentLength: length, write))
        }
    }
}
