import GoTomAuth
import HTTPTypes
import Hummingbird

extension IncomingRequest {
    /// What the verifier checks of a request as Hummingbird received it: method, raw request target, and the
    /// `Authorization`, `Date` and `Content-Type` headers, with the digest of the body that arrived.
    ///
    /// - Parameters:
    ///   - request: The request as received.
    ///   - bodyDigest: The MD5 of its body.
    package init(_ request: Request, bodyDigest: BodyDigest) {
        self.init(
            method: request.method.rawValue,
            requestURI: request.uri.string,
            authorization: request.headers[.authorization],
            date: request.headers[.date],
            contentType: request.headers[.contentType],
            bodyDigest: bodyDigest
        )
    }
}
