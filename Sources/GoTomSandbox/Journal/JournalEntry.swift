import GoTomAuth

/// One request as the sandbox's journal records it: what came in, how it was answered, and why.
public struct JournalEntry: Sendable, Hashable, Codable {
    /// How the sandbox judged a request.
    public enum Verdict: String, Sendable, Hashable, Codable {
        /// The signature was valid and the operation ran (whatever status it answered).
        case accepted
        /// Authentication failed: 401 with goTom's message.
        case rejected
        /// Authenticated, but the user may not call this API group: 403.
        case forbidden
        /// Authenticated, but no operation has this path or method: 404 or 405.
        case unrouted
        /// The body was too large or unreadable, before authentication.
        case invalid
        /// A fault rule answered instead of the sandbox.
        case fault
    }

    /// The six parts the sandbox signed, as ``CanonicalMessage`` holds them; never the secret.
    public struct CanonicalParts: Sendable, Hashable, Codable {
        /// The method, upper-cased.
        public var method: String
        /// The hex MD5 of the body as received.
        public var bodyMD5: String
        /// The content type, lower-cased.
        public var contentType: String
        /// The `Date` header as received.
        public var date: String
        /// The custom-header block (usually empty).
        public var customHeaders: String
        /// The request URI as received.
        public var uri: String
        /// The six parts joined by newlines: the string the client should have signed.
        public var stringToSign: String

        /// The parts as a ``CanonicalMessage`` again, e.g. for its `explanation`; `nil` when the body MD5 is not
        /// hexadecimal (a journal read from elsewhere).
        public var message: CanonicalMessage? {
            guard let digest = BodyDigest(hex: bodyMD5) else { return nil }
            var message = CanonicalMessage(
                method: method, bodyDigest: digest, contentType: contentType, date: date, requestURI: uri)
            message.customHeaders = customHeaders
            return message
        }

        init(_ message: CanonicalMessage) {
            method = message.method
            bodyMD5 = message.bodyDigest.hex
            contentType = message.contentType
            date = message.date
            customHeaders = message.customHeaders
            uri = message.requestURI
            stringToSign = message.stringToSign
        }
    }

    /// Increases by one per recorded request, also across resets.
    public var id: Int
    /// When the request arrived by the sandbox clock, in seconds since the Unix epoch.
    public var time: Int64
    /// The method.
    public var method: String
    /// The request target as received (path and query).
    public var target: String
    /// The answered status; 0 when the connection was dropped before a response head.
    public var status: Int
    /// How long answering took, in milliseconds.
    public var durationMs: Double
    /// The user named in the `Authorization` header, if one could be read.
    public var user: String?
    /// The verdict.
    public var verdict: Verdict
    /// For a rejected request, the check that failed: goTom's message, such as `Signature not valid`.
    public var check: String?
    /// For a signature mismatch, the parts the sandbox computed.
    public var canonical: CanonicalParts?
    /// For a fault, what the rule did, such as `status 503` or `drop before head`.
    public var fault: String?
    /// The request body as text (bounded), only when the sandbox keeps bodies.
    public var body: String?
}
