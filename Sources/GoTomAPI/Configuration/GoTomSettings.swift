import Foundation
import GoTomAuth

/// Where to connect and as whom, resolved by the rule `gotom` follows: explicit values, then the `GOTOM_*`
/// environment, then a profile of the profiles file (``ProfileFile``), then defaults.
///
/// A service reads the same profiles and variables as the CLI:
///
/// ```swift
/// let settings = try GoTomSettings.resolve()                 // GOTOM_PROFILE, GOTOM_BASE_URL, …
/// let client = try GoTomClient(configuration: settings.configuration(), httpClient: .shared)
/// ```
///
/// Variables: `GOTOM_PROFILE`, `GOTOM_BASE_URL`, `GOTOM_USER` with `GOTOM_SECRET`, `GOTOM_PROVIDER`, `GOTOM_CACERT`,
/// and per API group `GOTOM_CUSTOMER_USER` with `GOTOM_CUSTOMER_SECRET` (likewise `REPORT` and `CAMPAIGN`). Profile
/// keys: `base_url`, `user` with `secret` or `secret_command`, `provider`, `cacert`, and per group `customer.user`
/// with `customer.secret` or `customer.secret_command`. A user and its secret always come from the same source.
/// The proxy comes from `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` (see ``ProxySettings``).
///
/// swift-configuration is not used for this: its file providers read JSON, YAML and property lists, not the INI
/// profiles `gotom` has always written; it needs macOS 15 where this package supports macOS 14; and `gotom doctor`
/// reports where each value came from, which ``sources`` records.
public struct GoTomSettings: Sendable {
    /// Values that win over the environment and the file, e.g. from a service's own configuration or CLI flags.
    public struct Overrides: Sendable {
        /// The profile to read; else `GOTOM_PROFILE`, else `default`.
        public var profile: String?
        /// The base URL.
        public var baseURL: String?
        /// The default user and secret; they are signed with the resolved provider.
        public var credentials: Credentials?
        /// A user and secret per API group; they are signed with the resolved provider.
        public var groupCredentials: [APIGroup: Credentials] = [:]
        /// The provider in the `Authorization` header.
        public var provider: String?
        /// An extra CA file (PEM).
        public var caCertificatePath: String?

        /// Creates overrides; every value is optional.
        ///
        /// - Parameters:
        ///   - profile: The profile name.
        ///   - baseURL: The base URL.
        ///   - credentials: The default credentials.
        ///   - groupCredentials: Credentials per API group.
        ///   - provider: The provider.
        ///   - caCertificatePath: An extra CA file.
        public init(
            profile: String? = nil, baseURL: String? = nil, credentials: Credentials? = nil,
            groupCredentials: [APIGroup: Credentials] = [:], provider: String? = nil, caCertificatePath: String? = nil
        ) {
            self.profile = profile
            self.baseURL = baseURL
            self.credentials = credentials
            self.groupCredentials = groupCredentials
            self.provider = provider
            self.caCertificatePath = caCertificatePath
        }
    }

    /// The profile that was read.
    public var profile: String
    /// The profiles file that was read (it need not exist).
    public var configPath: String
    /// The base URL, if any source set one.
    public var baseURL: String?
    /// The default user and secret, if a source had both.
    public var credentials: Credentials?
    /// Credentials per API group, for the groups a source named.
    public var groupCredentials: [APIGroup: Credentials]
    /// The provider in the `Authorization` header.
    public var provider: String
    /// An extra CA file (PEM) to trust.
    public var caCertificatePath: String?
    /// The environment the settings were read from; the proxy is resolved from it.
    public var environment: [String: String]
    /// Where each value came from, by profile key (`base_url`, `user`, `secret`, `customer.user`, …), e.g.
    /// `environment GOTOM_BASE_URL` or `profile 'default' in /home/me/.config/gotom/config`. Never a value.
    public var sources: [String: String]
    /// The profile's default user when the profile names no secret for it (so ``credentials`` is `nil`); a report
    /// such as `gotom doctor` still shows who would sign.
    package var userWithoutSecret: String?

    /// Resolves the settings.
    ///
    /// - Parameters:
    ///   - overrides: Values that win over everything else.
    ///   - environment: The process environment.
    ///   - configPath: The profiles file; by default ``ProfileFile/defaultPath(environment:)``.
    /// - Returns: The settings.
    /// - Throws: ``GoTomError/invalidConfiguration`` when the file cannot be read, holds a secret but others may read
    ///   it, or a `secret_command` fails.
    public static func resolve(
        _ overrides: Overrides = Overrides(),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        configPath: String? = nil
    ) throws -> GoTomSettings {
        let profile = profileName(overrides.profile, environment: environment)
        let path = configPath ?? ProfileFile.defaultPath(environment: environment)
        let file = try ProfileFile.load(path: path)
        let inProfile = "profile '\(profile)' in \(path)"
        var sources: [String: String] = [
            "profile": overrides.profile != nil
                ? "explicit"
                : environment["GOTOM_PROFILE"].nonEmpty != nil ? "environment GOTOM_PROFILE" : "default"
        ]
        /// The first of explicit value, variable and profile key, noting where it came from.
        func pick(_ explicit: String?, _ variable: String, _ key: String) -> String? {
            if let explicit {
                sources[key] = "explicit"
                return explicit
            }
            if let value = environment[variable].nonEmpty {
                sources[key] = "environment \(variable)"
                return value
            }
            if let value = file.value(key, profile: profile) {
                sources[key] = inProfile
                return value
            }
            return nil
        }
        let baseURL = pick(overrides.baseURL, "GOTOM_BASE_URL", "base_url")
        let provider = pick(overrides.provider, "GOTOM_PROVIDER", "provider") ?? Credentials.defaultProvider
        let caCertificatePath = pick(overrides.caCertificatePath, "GOTOM_CACERT", "cacert")
        var settings = GoTomSettings(
            profile: profile, configPath: path, baseURL: baseURL, credentials: nil, groupCredentials: [:],
            provider: provider, caCertificatePath: caCertificatePath, environment: environment, sources: sources)
        settings.credentials = try settings.credentials(
            explicit: overrides.credentials, prefix: "", variablePrefix: "GOTOM_", file: file)
        for group in APIGroup.allCases {
            settings.groupCredentials[group] = try settings.credentials(
                explicit: overrides.groupCredentials[group], prefix: "\(group).",
                variablePrefix: "GOTOM_\(group.rawValue.uppercased())_", file: file)
        }
        return settings
    }

    /// The profile name: the explicit one, else `GOTOM_PROFILE`, else `default`.
    ///
    /// - Parameters:
    ///   - explicit: A name given by the caller.
    ///   - environment: The process environment.
    /// - Returns: The name.
    public static func profileName(_ explicit: String?, environment: [String: String]) -> String {
        explicit ?? environment["GOTOM_PROFILE"].nonEmpty ?? "default"
    }

    /// A user and secret from one source: explicit, then `<variablePrefix>USER`/`SECRET`, then the profile's
    /// `<prefix>user` with `<prefix>secret` or `<prefix>secret_command`.
    private mutating func credentials(
        explicit: Credentials?, prefix: String, variablePrefix: String, file: ProfileFile
    ) throws -> Credentials? {
        let userKey = prefix + "user"
        let secretKey = prefix + "secret"
        if let explicit {
            sources[userKey] = "explicit"
            sources[secretKey] = "explicit"
            return Credentials(user: explicit.user, secret: explicit.secret, provider: provider)
        }
        if let user = environment[variablePrefix + "USER"].nonEmpty,
            let secret = environment[variablePrefix + "SECRET"].nonEmpty
        {
            sources[userKey] = "environment \(variablePrefix)USER"
            sources[secretKey] = "environment \(variablePrefix)SECRET"
            return Credentials(user: user, secret: secret, provider: provider)
        }
        guard let user = file.value(userKey, profile: profile) else { return nil }
        let inProfile = "profile '\(profile)' in \(configPath)"
        sources[userKey] = inProfile
        if let secret = file.value(secretKey, profile: profile) {
            sources[secretKey] = inProfile
            guard file.isPrivate() else {
                throw GoTomError.make(
                    .invalidConfiguration,
                    detail: "refusing to read the secret from \(configPath): other users can read it; "
                        + "run: chmod 600 \(configPath)")
            }
            return Credentials(user: user, secret: secret, provider: provider)
        }
        if let command = file.value(prefix + "secret_command", profile: profile) {
            sources[secretKey] = "\(prefix)secret_command of \(inProfile)"
            let secret = try SecretCommand.run(command, name: "\(prefix)secret_command of profile '\(profile)'")
            return Credentials(user: user, secret: secret, provider: provider)
        }
        // A user without a secret: no credentials, but the user is reported.
        if prefix.isEmpty { userWithoutSecret = user }
        return nil
    }

}

extension Optional where Wrapped == String {
    /// The value unless it is `nil` or empty.
    package var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
