/// The `Authorization` header: `<provider> <user>:<signature>`.
///
/// Colons in the user id are escaped as `\:` so the server can find the separator; the server splits at the
/// first colon not preceded by a backslash and then strips the backslashes (gotom-io/IbrowsHmacBundle
/// `RequestSigner::getSignature`).
public struct AuthorizationHeader: Sendable, Hashable {
    /// The provider name, e.g. `gotom_app_api`.
    public var provider: String
    /// The user id, unescaped.
    public var user: String
    /// The base64 signature.
    public var signature: String

    /// Creates a header value from its parts.
    ///
    /// - Parameters:
    ///   - provider: The provider name.
    ///   - user: The user id, unescaped.
    ///   - signature: The base64 signature.
    public init(provider: String, user: String, signature: String) {
        self.provider = provider
        self.user = user
        self.signature = signature
    }

    /// The header value as sent, with colons in the user escaped.
    public var value: String {
        "\(provider) \(Self.escapeUser(user)):\(signature)"
    }

    /// The header value with the signature masked, safe to log.
    public var redactedValue: String {
        "\(provider) \(Self.escapeUser(user)):\(Self.mask)"
    }

    /// What logs show in place of a signature.
    public static let mask = "********"

    /// Parses a header the way goTom's server does.
    ///
    /// - Parameters:
    ///   - value: The header value, or `nil` when the header is missing.
    ///   - provider: The provider the server expects.
    /// - Returns: The provider, unescaped user and signature.
    /// - Throws: ``VerificationError`` with the server's message for each malformed form.
    public static func parse(_ value: String?, provider: String) throws -> AuthorizationHeader {
        try parsed(value, provider: provider)
    }

    /// ``parse(_:provider:)`` with its error type spelled out, for the verifier.
    package static func parsed(_ value: String?, provider: String) throws(VerificationError) -> AuthorizationHeader {
        guard let value else { throw VerificationError.authorizationHeaderRequired }
        // Bytes, as the server reads them: a space, colon or backslash before a combining mark is one Character.
        let prefix = provider + " "
        guard value.utf8.starts(with: prefix.utf8) else { throw VerificationError.invalidProvider }
        let credentials = Substring(value.utf8.dropFirst(prefix.utf8.count))
        let fields = splitAtUnescapedColons(credentials)
        guard fields.count >= 2 else { throw VerificationError.unparsableCredentials }
        // Like the server, the signature is the second field; anything after a further colon is ignored.
        let signature = fields[1]
        guard Base64.hasSignatureShape(signature) else { throw VerificationError.invalidSignatureFormat }
        return AuthorizationHeader(provider: provider, user: stripBackslashes(fields[0]), signature: String(signature))
    }

    static func escapeUser(_ user: String) -> String {
        guard user.utf8.contains(UInt8(ascii: ":")) else { return user }
        var escaped: [UInt8] = []
        for byte in user.utf8 {
            if byte == UInt8(ascii: ":") { escaped.append(UInt8(ascii: "\\")) }
            escaped.append(byte)
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Splits at every colon that is not escaped by a backslash; a backslash escapes the byte that follows it.
    private static func splitAtUnescapedColons(_ text: Substring) -> [Substring] {
        let bytes = text.utf8
        var fields: [Substring] = []
        var fieldStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index = bytes.index(after: index)
                if index < bytes.endIndex { index = bytes.index(after: index) }
                continue
            }
            if byte == UInt8(ascii: ":") {
                // Fields end at an ASCII colon, so their bounds are always on character boundaries.
                fields.append(Substring(bytes[fieldStart..<index]))
                fieldStart = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        fields.append(Substring(bytes[fieldStart..<bytes.endIndex]))
        return fields
    }

    /// PHP's `stripslashes`: removes each backslash and keeps the byte it escapes (`\\` becomes `\`).
    private static func stripBackslashes(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return String(text) }
        var result: [UInt8] = []
        var escaping = false
        for byte in text.utf8 {
            if escaping {
                result.append(byte)
                escaping = false
            } else if byte == UInt8(ascii: "\\") {
                escaping = true
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
