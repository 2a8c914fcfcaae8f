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
        guard value.hasPrefix(provider + " ") else { throw VerificationError.invalidProvider }
        let credentials = value.dropFirst(provider.count + 1)
        let fields = splitAtUnescapedColons(credentials)
        guard fields.count >= 2 else { throw VerificationError.unparsableCredentials }
        // Like the server, the signature is the second field; anything after a further colon is ignored.
        let signature = fields[1]
        guard Base64.hasSignatureShape(signature) else { throw VerificationError.invalidSignatureFormat }
        return AuthorizationHeader(provider: provider, user: stripBackslashes(fields[0]), signature: String(signature))
    }

    static func escapeUser(_ user: String) -> String {
        guard user.contains(":") else { return user }
        return user.split(separator: ":", omittingEmptySubsequences: false).joined(separator: "\\:")
    }

    /// Splits at every colon that is not escaped by a backslash; a backslash escapes the byte that follows it.
    private static func splitAtUnescapedColons(_ text: Substring) -> [Substring] {
        var fields: [Substring] = []
        var fieldStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if character == ":" {
                fields.append(text[fieldStart..<index])
                fieldStart = text.index(after: index)
            }
            index = text.index(after: index)
        }
        fields.append(text[fieldStart..<text.endIndex])
        return fields
    }

    /// PHP's `stripslashes`: removes each backslash and keeps the character it escapes (`\\` becomes `\`).
    private static func stripBackslashes(_ text: Substring) -> String {
        guard text.contains("\\") else { return String(text) }
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                result.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
