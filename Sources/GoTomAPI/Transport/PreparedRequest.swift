import GoTomAuth

/// A request that has been encoded and signed, and is ready for ``HTTPTransport/send(_:logger:)``.
///
/// The body is hashed and the URI encoded exactly once, here; the transport sends those same values, so the
/// signature always matches what goes on the wire. `gotom sign` prints these headers and `gotom request`
/// sends them, which keeps one path from arguments to bytes.
public struct PreparedRequest: Sendable {
    /// The request as it will be sent: the three authentication headers, then `User-Agent: GoTomKit/<version>`.
    public var outgoing: OutgoingRequest
    /// The authentication headers and the message they sign.
    public var signed: SignedHeaders

    /// Encodes and signs a request.
    ///
    /// - Parameters:
    ///   - server: The server it goes to.
    ///   - method: The HTTP method.
    ///   - requestURI: The encoded request target (see ``GoTomAuth/RequestURI``).
    ///   - contentType: The `Content-Type` to send.
    ///   - body: The body.
    ///   - signer: The signer with credentials and clock.
    ///   - date: A fixed `Date` header value, or `nil` for the signer's clock.
    /// - Returns: The prepared request.
    /// - Throws: ``GoTomTransportError/localInput(_:)`` when a file body cannot be read.
    public static func make(
        server: ServerAddress,
        method: String,
        requestURI: String,
        contentType: String,
        body: RequestBody,
        signer: RequestSigner,
        date: String? = nil
    ) async throws -> PreparedRequest {
        try await prepare(
            server: server, method: method, requestURI: requestURI, contentType: contentType, body: body,
            signer: signer, date: date
        )
    }

    /// ``make(server:method:requestURI:contentType:body:signer:date:)`` with its error type spelled out, for the
    /// client's request pipeline.
    package static func prepare(
        server: ServerAddress,
        method: String,
        requestURI: String,
        contentType: String,
        body: RequestBody,
        signer: RequestSigner,
        date: String? = nil
    ) async throws(GoTomTransportError) -> PreparedRequest {
        let digest = try await body.computedDigest()
        let signed = signer.sign(
            method: method, requestURI: requestURI, contentType: contentType, bodyDigest: digest, date: date
        )
        // The User-Agent is not signed (goTom signs no custom headers), but it is set here with the others so
        // that no header is added after signing.
        let outgoing = OutgoingRequest(
            server: server, method: method.uppercased(), requestURI: requestURI,
            headers: signed.fields + [(name: "User-Agent", value: GoTomKitVersion.userAgent)], body: body
        )
        return PreparedRequest(outgoing: outgoing, signed: signed)
    }
}
