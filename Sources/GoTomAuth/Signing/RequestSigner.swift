import Crypto

/// Signs requests for goTom's App API.
///
/// The signer turns a request's method, URI, content type, body digest and date into a ``CanonicalMessage``,
/// computes `base64(HMAC-SHA1(secret, message))` and returns the three headers to send. It does no I/O: the
/// caller sends exactly the URI, content type and body bytes it signed.
public struct RequestSigner: Sendable {
    /// The user, secret and provider to sign with.
    public var credentials: Credentials
    /// The clock that supplies the `Date` header when no date is given.
    public var clock: any WallClock
    /// How the `Date` header is written.
    public var dateFormat: DateHeaderFormat

    /// HMAC state with the key already absorbed; copied per signature so the key is not re-processed each time.
    private let keyedHMAC: HMAC<Insecure.SHA1>

    /// Creates a signer.
    ///
    /// - Parameters:
    ///   - credentials: The user, secret and provider.
    ///   - clock: The time source for the `Date` header; the system clock by default.
    ///   - dateFormat: The `Date` format; ISO 8601 UTC without fractions by default, like the Node client.
    public init(
        credentials: Credentials,
        clock: any WallClock = SystemWallClock(),
        dateFormat: DateHeaderFormat = .iso8601UTC
    ) {
        self.credentials = credentials
        self.clock = clock
        self.dateFormat = dateFormat
        self.keyedHMAC = HMAC<Insecure.SHA1>(key: SymmetricKey(data: Array(credentials.secret.utf8)))
    }

    /// Builds the message a request will be signed with.
    ///
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - requestURI: The request target exactly as it will be sent (path and query).
    ///   - contentType: The `Content-Type` header value as it will be sent.
    ///   - bodyDigest: The MD5 of the body bytes that will be sent.
    ///   - date: The `Date` header value; when `nil`, the clock's current time in ``dateFormat``.
    ///   - customHeaders: Headers opted into the signature, as sent.
    /// - Returns: The canonical message.
    public func canonicalMessage(
        method: String,
        requestURI: String,
        contentType: String,
        bodyDigest: BodyDigest = .empty,
        date: String? = nil,
        customHeaders: [(name: String, value: String)] = []
    ) -> CanonicalMessage {
        CanonicalMessage(
            method: method,
            bodyDigest: bodyDigest,
            contentType: contentType,
            date: date ?? dateFormat.format(clock.now()),
            customHeaders: customHeaders,
            requestURI: requestURI
        )
    }

    /// Computes the base64 HMAC-SHA1 signature of a message with this signer's secret.
    ///
    /// - Parameter message: The canonical message.
    /// - Returns: The signature as base64 with padding.
    public func signature(for message: CanonicalMessage) -> String {
        var hmac = keyedHMAC
        var text = message.stringToSign
        text.withUTF8 { hmac.update(data: UnsafeRawBufferPointer($0)) }
        return hmac.finalize().withUnsafeBytes { Base64.encode($0) }
    }

    /// Signs a request and returns the headers to send with it.
    ///
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - requestURI: The request target exactly as it will be sent (path and query).
    ///   - contentType: The `Content-Type` header value as it will be sent.
    ///   - bodyDigest: The MD5 of the body bytes that will be sent.
    ///   - date: The `Date` header value; when `nil`, the clock's current time.
    ///   - customHeaders: Headers opted into the signature; send them unchanged.
    /// - Returns: The `Date`, `Content-Type` and `Authorization` headers and the message that was signed.
    public func sign(
        method: String,
        requestURI: String,
        contentType: String = "application/json",
        bodyDigest: BodyDigest = .empty,
        date: String? = nil,
        customHeaders: [(name: String, value: String)] = []
    ) -> SignedHeaders {
        let message = canonicalMessage(
            method: method, requestURI: requestURI, contentType: contentType, bodyDigest: bodyDigest, date: date,
            customHeaders: customHeaders
        )
        return sign(message, contentType: contentType)
    }

    /// Signs an already-built message.
    ///
    /// - Parameters:
    ///   - message: The canonical message.
    ///   - contentType: The `Content-Type` value as it will be sent (the message holds it lower-cased).
    /// - Returns: The headers to send.
    public func sign(_ message: CanonicalMessage, contentType: String) -> SignedHeaders {
        let authorization = AuthorizationHeader(
            provider: credentials.provider, user: credentials.user, signature: signature(for: message)
        )
        return SignedHeaders(
            date: message.date, contentType: contentType, authorization: authorization, message: message)
    }
}

/// The three headers that authenticate a request, and the message they were computed from.
public struct SignedHeaders: Sendable, Hashable {
    /// The `Date` header value.
    public var date: String
    /// The `Content-Type` header value, as the caller gave it.
    public var contentType: String
    /// The parsed `Authorization` header.
    public var authorization: AuthorizationHeader
    /// The message that was signed, for `explain` output.
    public var message: CanonicalMessage

    /// Creates the header set.
    ///
    /// - Parameters:
    ///   - date: The `Date` value.
    ///   - contentType: The `Content-Type` value.
    ///   - authorization: The `Authorization` header.
    ///   - message: The signed message.
    public init(date: String, contentType: String, authorization: AuthorizationHeader, message: CanonicalMessage) {
        self.date = date
        self.contentType = contentType
        self.authorization = authorization
        self.message = message
    }

    /// The headers as name/value pairs in the order the example clients send them.
    public var fields: [(name: String, value: String)] {
        [("Authorization", authorization.value), ("Content-Type", contentType), ("Date", date)]
    }
}
