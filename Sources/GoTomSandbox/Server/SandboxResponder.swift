import Foundation
import GoTomAuth
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Answers every request the way goTom's server does: body limit, HMAC authentication over the raw request
/// target and body, routing, access to the API group, then the operation; always with a `Date` header from the
/// sandbox clock. In front of that sit the fault rules, and beside it the control plane under `/_sandbox/`.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let handlers: SandboxHandlers
    let verifier: RequestVerifier
    let users: [String: SandboxUser]
    let clock: any WallClock
    let maxBodySize: Int
    let scheme: String
    let fallbackAuthority: String
    let logger: Logger
    let journal: RequestJournal
    let faults: FaultTable
    /// The control plane, or `nil` when it is off (its paths are then goTom's 404s).
    let control: ControlPlane?

    /// How a request is answered: normally, or by a fault that cuts the connection.
    enum Outcome {
        case respond(Response)
        case dropBeforeHead
        case dropAfterHead(Response)
    }

    /// A dropped connection where no connection can be dropped (HummingbirdTesting's router client).
    struct ConnectionDropped: Error {}

    func respond(to request: Request, context: Context) async throws -> Response {
        switch await answer(request) {
        case .respond(let response): return response
        case .dropBeforeHead, .dropAfterHead: throw ConnectionDropped()
        }
    }

    /// What the journal learns from the pipeline besides the reply.
    struct Diagnosis {
        var user: String?
        var verdict: JournalEntry.Verdict
        var check: String?
        var canonical: JournalEntry.CanonicalParts?
        var body: String?
    }

    func answer(_ request: Request) async -> Outcome {
        let path = request.uri.path
        if let control, ControlPlane.owns(path) {
            return .respond(makeResponse(await controlReply(request, control)))
        }
        let started = ContinuousClock.now
        let arrived = clock.now().seconds
        var fault: FaultRule?
        if let rule = faults.fire(method: request.method.rawValue, path: path) {
            fault = rule
            if let latency = rule.latencyMs, latency > 0 { try? await Task.sleep(for: .milliseconds(latency)) }
            if rule.status != nil || rule.drop == .beforeHead {
                let reply = rule.status.map { Self.faultReply(status: $0, retryAfter: rule.retryAfter) }
                record(
                    request, arrived: arrived, started: started, status: reply?.status.code ?? 0,
                    diagnosis: Diagnosis(verdict: .fault), fault: rule)
                guard let reply else { return .dropBeforeHead }
                return .respond(makeResponse(reply))
            }
        }
        let (reply, diagnosis) = await process(request)
        let response = makeResponse(reply)
        record(
            request, arrived: arrived, started: started, status: reply.status.code, diagnosis: diagnosis, fault: fault)
        if fault?.drop == .afterHead { return .dropAfterHead(response) }
        return .respond(response)
    }

    private func record(
        _ request: Request, arrived: Int64, started: ContinuousClock.Instant, status: Int, diagnosis: Diagnosis,
        fault: FaultRule?
    ) {
        let elapsed = ContinuousClock.now - started
        let milliseconds =
            Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        journal.record(
            JournalEntry(
                id: 0, time: arrived, method: request.method.rawValue, target: request.uri.string, status: status,
                durationMs: (milliseconds * 1000).rounded() / 1000, user: diagnosis.user,
                verdict: fault != nil && diagnosis.verdict == .accepted ? .fault : diagnosis.verdict,
                check: diagnosis.check, canonical: diagnosis.canonical, fault: fault?.summary, body: diagnosis.body)
        )
        // The message and metadata are autoclosures: a quiet sandbox (level above info) builds neither.
        logger.info(
            Logger.Message(
                stringLiteral: "\(request.method.rawValue) \(request.uri.string) \(status) \(Int(milliseconds))ms "
                    + "user=\(diagnosis.user ?? "-")"),
            metadata: [
                "gotom.method": "\(request.method.rawValue)",
                "gotom.uri": "\(request.uri.string)",
                "gotom.status": "\(status)",
                "gotom.duration_ms": "\(Int(milliseconds))",
                "gotom.user": "\(diagnosis.user ?? "-")",
            ]
        )
    }

    /// Runs the pipeline; returns the reply and what the journal records about it.
    func process(_ request: Request) async -> (SandboxReply, Diagnosis) {
        // The size limit comes first, as nginx's `client_max_body_size` does in front of goTom.
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodySize {
            return (tooLarge, Diagnosis(verdict: .invalid))
        }
        var body = ByteBuffer()
        var digester = BodyDigester()
        do {
            for try await chunk in request.body {
                guard body.readableBytes + chunk.readableBytes <= maxBodySize else {
                    return (tooLarge, Diagnosis(verdict: .invalid))
                }
                digester.update(chunk.readableBytesView)
                body.writeImmutableBuffer(chunk)
            }
        } catch {
            return (
                .problem(.badRequest, detail: "Bad Request: the request body could not be read."),
                Diagnosis(verdict: .invalid)
            )
        }
        let kept =
            journal.bodyLimit > 0 && body.readableBytes > 0
            ? String(decoding: body.readableBytesView.prefix(journal.bodyLimit), as: UTF8.self) : nil
        let incoming = IncomingRequest(request, bodyDigest: digester.finalize())
        let verified: VerifiedRequest
        do {
            verified = try verifier.verification(of: incoming) { users[$0]?.secret }
        } catch {
            return (.unauthorized(error.message), rejection(error, of: incoming, body: kept))
        }
        var diagnosis = Diagnosis(user: verified.user, verdict: .accepted, body: kept)
        switch RouteTable.resolve(method: request.method, rawPath: request.uri.path) {
        case .notFound:
            diagnosis.verdict = .unrouted
            return (.notFound, diagnosis)
        case .methodNotAllowed(let allowed):
            var reply = SandboxReply.problem(.methodNotAllowed)
            reply.extraHeaders.append((.allow, allowed.map(\.rawValue).joined(separator: ", ")))
            diagnosis.verdict = .unrouted
            return (reply, diagnosis)
        case .operation(let operation, let parameters):
            // Symfony's access control runs after routing and authentication: an authenticated user without the
            // role for this part of the API gets the framework's 403 problem document.
            if let user = users[verified.user], !user.may(operation.group) {
                diagnosis.verdict = .forbidden
                diagnosis.check = "user '\(verified.user)' may not call the \(operation.group.rawValue) API"
                return (.problem(.forbidden), diagnosis)
            }
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
            return (await handlers.handle(sandboxRequest), diagnosis)
        }
    }

    /// The journal's view of a failed authentication: the failed check and, for a signature mismatch, the parts
    /// the sandbox signed.
    private func rejection(_ error: VerificationError, of incoming: IncomingRequest, body: String?) -> Diagnosis {
        let user = try? AuthorizationHeader.parsed(incoming.authorization, provider: verifier.provider).user
        var diagnosis = Diagnosis(user: user, verdict: .rejected, check: error.message, body: body)
        if error == .signatureMismatch, let contentType = incoming.contentType, let date = incoming.date {
            diagnosis.canonical = JournalEntry.CanonicalParts(
                incoming.canonicalMessage(contentType: contentType, date: date))
        }
        return diagnosis
    }

    private func controlReply(_ request: Request, _ control: ControlPlane) async -> SandboxReply {
        var body = ByteBuffer()
        do {
            for try await chunk in request.body {
                guard body.readableBytes + chunk.readableBytes <= ControlPlane.maxBodySize else {
                    return .problem(.contentTooLarge)
                }
                body.writeImmutableBuffer(chunk)
            }
        } catch {
            return .problem(.badRequest)
        }
        return await control.handle(
            method: request.method, path: request.uri.path, query: request.uri.query,
            authorization: request.headers[.authorization], body: Data(body.readableBytesView))
    }

    /// What a fault rule answers: goTom's 500 body, or the plain pages nginx in front of goTom sends for 429, 502
    /// and 503.
    static func faultReply(status code: Int, retryAfter: Int?) -> SandboxReply {
        let status = HTTPResponse.Status(code: code)
        var reply: SandboxReply
        if code == 500 {
            reply = .internalError
        } else {
            let title = "\(code) \(status.reasonPhrase)"
            let page =
                "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n"
                + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
            reply = SandboxReply(status: status, contentType: "text/html", body: .bytes(Array(page.utf8)))
        }
        if let seconds = retryAfter ?? (code == 429 ? 1 : nil) {
            reply.extraHeaders.append((.retryAfter, String(seconds)))
        }
        return reply
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
