/// A goTom API user and its shared secret.
///
/// The secret is deliberately left out of `description`, `debugDescription` and reflection, so printing or
/// logging a `Credentials` value by mistake never reveals it.
public struct Credentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The provider name at the start of the `Authorization` header; goTom uses `gotom_app_api`.
    public var provider: String
    /// The user id issued by goTom.
    public var user: String
    /// The shared secret used as the HMAC key. Never printed.
    public var secret: String

    /// The provider goTom's App API expects.
    public static let defaultProvider = "gotom_app_api"

    /// Creates credentials.
    ///
    /// - Parameters:
    ///   - user: The user id issued by goTom.
    ///   - secret: The shared secret.
    ///   - provider: The provider name, `gotom_app_api` unless goTom says otherwise.
    public init(user: String, secret: String, provider: String = Credentials.defaultProvider) {
        self.user = user
        self.secret = secret
        self.provider = provider
    }

    /// `provider user (secret hidden)`.
    public var description: String { "\(provider) \(user) (secret hidden)" }
    /// Same as `description`: the secret stays hidden in debug output too.
    public var debugDescription: String { description }
    /// A mirror without the secret, so `dump` and string interpolation of containers stay safe.
    public var customMirror: Mirror {
        Mirror(self, children: ["provider": provider, "user": user, "secret": "(hidden)"])
    }
}
