/// The parts of a received request that authentication looks at.
public struct IncomingRequest: Sendable {
    /// The HTTP method as received.
    public var method: String
    /// The raw request target as received (path and query, not decoded).
    public var requestURI: String
    /// The `Authorization` header, or `nil` when absent.
    public var authorization: String?
    /// The `Date` header, or `nil` when absent.
    public var date: String?
    /// The `Content-Type` header, or `nil` when absent.
    public var contentType: String?
    /// Values of the custom headers the verifier opts into, by name; missing ones are skipped.
    public var customHeaders: [(name: String, value: String)]
    /// The MD5 of the body bytes as received.
    public var bodyDigest: BodyDigest

    /// Creates the request view.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - requestURI: The raw request target.
    ///   - authorization: The `Authorization` header.
    ///   - date: The `Date` header.
    ///   - contentType: The `Content-Type` header.
    ///   - customHeaders: Opted-in custom headers present on the request.
    ///   - bodyDigest: The body's MD5.
    public init(
        method: String,
        requestURI: String,
        authorization: String?,
        date: String?,
        contentType: String?,
        customHeaders: [(name: String, value: String)] = [],
        bodyDigest: BodyDigest
    ) {
        self.method = method
        self.requestURI = requestURI
        self.authorization = authorization
        self.date = date
        self.contentType = contentType
        self.customHeaders = customHeaders
        self.bodyDigest = bodyDigest
    }
}

extension IncomingRequest {
    /// The message the server rebuilds from this request to check its signature.
    ///
    /// The verifier and the sandbox's signature diagnosis both build it here, so a diagnosis shows exactly the
    /// parts that were signed.
    ///
    /// - Parameters:
    ///   - contentType: The `Content-Type` to use (the verifier requires one; a diagnosis may show an empty one).
    ///   - date: The `Date` header value.
    /// - Returns: The canonical message.
    package func canonicalMessage(contentType: String, date: String) -> CanonicalMessage {
        CanonicalMessage(
            method: method,
            bodyDigest: bodyDigest,
            contentType: contentType,
            date: date,
            customHeaders: customHeaders,
            requestURI: requestURI
        )
    }
}

/// A request that passed authentication.
public struct VerifiedRequest: Sendable, Hashable {
    /// The user id from the `Authorization` header, unescaped.
    public var user: String
    /// The instant the `Date` header names.
    public var date: UnixTime
    /// The message whose signature matched.
    public var message: CanonicalMessage
}

/// Checks requests the way goTom's server does, for servers such as the sandbox and for tests.
///
/// The checks and their order follow gotom-io/IbrowsHmacBundle (`RequestSigner`, `HmacAuthenticator`,
/// `Signature::compareTimestamp`): header syntax, the date and its window, the user, the content type, and
/// finally the signature. Unlike the original, signatures are compared in constant time.
public struct RequestVerifier: Sendable {
    /// The provider expected at the start of the `Authorization` header.
    public var provider: String
    /// How far, in seconds, the `Date` may lie in the past or the future; 30 minutes by default.
    public var allowedSkewSeconds: Int64
    /// The clock that "now" is read from.
    public var clock: any WallClock

    /// Creates a verifier.
    ///
    /// - Parameters:
    ///   - provider: The expected provider, `gotom_app_api` by default.
    ///   - allowedSkewSeconds: The accepted distance between `Date` and now, in seconds.
    ///   - clock: The time source; the system clock by default.
    public init(
        provider: String = Credentials.defaultProvider,
        allowedSkewSeconds: Int64 = 30 * 60,
        clock: any WallClock = SystemWallClock()
    ) {
        self.provider = provider
        self.allowedSkewSeconds = allowedSkewSeconds
        self.clock = clock
    }

    /// Verifies a request.
    ///
    /// - Parameters:
    ///   - request: The received request.
    ///   - secretForUser: Looks up the secret of a user id; returns `nil` for unknown users.
    /// - Returns: The authenticated user and the verified message.
    /// - Throws: ``VerificationError`` naming the first check that failed.
    public func verify(
        _ request: IncomingRequest,
        secretForUser: (String) -> String?
    ) throws -> VerifiedRequest {
        try verification(of: request, secretForUser: secretForUser)
    }

    /// ``verify(_:secretForUser:)`` with its error type spelled out, for the sandbox's hot path.
    package func verification(
        of request: IncomingRequest,
        secretForUser: (String) -> String?
    ) throws(VerificationError) -> VerifiedRequest {
        let header = try AuthorizationHeader.parsed(request.authorization, provider: provider)
        guard let date = request.date, !date.isEmpty else { throw VerificationError.dateHeaderRequired }
        guard let timestamp = DateHeaderParser.parse(date) else { throw VerificationError.timestampNotValid }
        let now = clock.now()
        if now.seconds > timestamp.seconds + allowedSkewSeconds { throw VerificationError.requestTooOld }
        if timestamp.seconds > now.seconds + allowedSkewSeconds { throw VerificationError.requestInFuture }
        guard !header.user.isEmpty else { throw VerificationError.missingUserId }
        guard let secret = secretForUser(header.user) else { throw VerificationError.unknownUser }
        guard let contentType = request.contentType else { throw VerificationError.contentTypeRequired }
        let message = request.canonicalMessage(contentType: contentType, date: date)
        let signer = RequestSigner(credentials: Credentials(user: header.user, secret: secret, provider: provider))
        guard ConstantTime.equals(signer.signature(for: message), header.signature) else {
            throw VerificationError.signatureMismatch
        }
        return VerifiedRequest(user: header.user, date: timestamp, message: message)
    }
}
