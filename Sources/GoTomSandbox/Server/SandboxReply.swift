import Foundation
import GoTomModels
import HTTPTypes
import Hummingbird
import NIOCore

/// A response as a handler decides it, before the responder adds the common headers (`Date`, `Cache-Control`).
struct SandboxReply: Sendable {
    enum Body: Sendable {
        case empty
        case bytes([UInt8])
        case stream(length: Int, write: @Sendable (inout any ResponseBodyWriter) async throws -> Void)
    }

    var status: HTTPResponse.Status
    var contentType: String?
    var body: Body
    var extraHeaders: [(HTTPField.Name, String)] = []

    static let jsonContentType = "application/json"

    /// A JSON body from any encodable value.
    static func json(_ status: HTTPResponse.Status, _ value: some Encodable) -> SandboxReply {
        do {
            return SandboxReply(
                status: status, contentType: jsonContentType, body: .bytes(Array(try encoder.encode(value))))
        } catch {
            return internalError
        }
    }

    /// A status without a body (201 and 204 in goTom carry none).
    static func empty(_ status: HTTPResponse.Status) -> SandboxReply {
        SandboxReply(status: status, contentType: nil, body: .empty)
    }

    /// The Symfony problem document goTom sends for framework-level errors; `detail` is the reason phrase
    /// unless a more helpful explanation is given.
    static func problem(_ status: HTTPResponse.Status, detail: String? = nil) -> SandboxReply {
        let problem = ProblemDetails(
            type: "https://tools.ietf.org/html/rfc2616#section-10",
            title: "An error occurred",
            status: status.code,
            detail: detail ?? status.reasonPhrase
        )
        var reply = json(status, problem)
        reply.extraHeaders.append((.vary, "Accept"))
        return reply
    }

    /// 404 problem JSON, as in goTom's example page.
    static var notFound: SandboxReply { problem(.notFound) }

    /// A `ConstraintViolationResponse`, 400 by default (501 for the sum-up strategy).
    static func violations(_ items: [ConstraintViolationItem], status: HTTPResponse.Status = .badRequest)
        -> SandboxReply
    {
        json(status, ConstraintViolationResponse(errors: items))
    }

    /// A single violation.
    static func violation(
        _ code: ViolationCode, path: String, message: String, invalidValue: JSONValue? = .null,
        status: HTTPResponse.Status = .badRequest
    ) -> SandboxReply {
        violations(
            [ConstraintViolationItem(propertyPath: path, message: message, invalidValue: invalidValue, code: code)],
            status: status
        )
    }

    /// An HTML page, as the report endpoints answer errors.
    static func html(_ status: HTTPResponse.Status, contentType: String = "text/html", title: String, text: String)
        -> SandboxReply
    {
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="UTF-8">
                <title>\(title)</title>
            </head>
            <body>
                <h1>\(title)</h1>
                <p>\(text)</p>
            </body>
            </html>

            """
        return SandboxReply(status: status, contentType: contentType, body: .bytes(Array(page.utf8)))
    }

    /// The 401 body: the authenticator's message as a JSON string.
    static func unauthorized(_ message: String) -> SandboxReply {
        json(.unauthorized, message)
    }

    /// goTom's documented 500 body.
    static var internalError: SandboxReply {
        let body = Array(#"{"message":"Internal Server Error"}"#.utf8)
        return SandboxReply(status: .internalServerError, contentType: jsonContentType, body: .bytes(body))
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()
}
