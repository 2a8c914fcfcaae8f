import Foundation
import GoTomAPI
import GoTomAuth

/// Settings after applying precedence: command-line value > `GOTOM_*` environment > profile file > default.
///
/// ArgumentParser cannot express "flag, else environment, else file"; the rule itself is the SDK's
/// (``GoTomSettings``), so a service reading the same profiles gets the same answer.
package struct ResolvedConfig {
    var profile: String
    var configPath: String
    var baseURL: String?
    var user: String?
    var secret: String?
    var provider: String
    var caCertificatePath: String?
    var environment: [String: String]
    /// Credentials per API group (`customer.user` in a profile, `GOTOM_CUSTOMER_USER` in the environment, …).
    var groupCredentials: [APIGroup: Credentials] = [:]
    /// Where each setting came from, by config key (`base_url`, `user`, `secret`, …); for `gotom doctor`.
    var sources: [String: String] = [:]

    /// Resolves every setting; a `secret_command` runs here.
    static func resolve(
        profileFlag: String?,
        baseURLFlag: String?,
        providerFlag: String?,
        caCertificateFlag: String?,
        positionalUser: String?,
        positionalSecret: String?,
        environment: [String: String] = ProcessEnvironment.current()
    ) throws -> ResolvedConfig {
        if positionalUser != nil, positionalSecret == nil {
            throw CLIError.usage("give both USER and SECRET after the URL, or neither")
        }
        let positional = positionalUser.flatMap { user in positionalSecret.map { Credentials(user: user, secret: $0) } }
        let settings: GoTomSettings
        do {
            settings = try GoTomSettings.resolve(
                GoTomSettings.Overrides(
                    profile: profileFlag, baseURL: baseURLFlag, credentials: positional, provider: providerFlag,
                    caCertificatePath: caCertificateFlag),
                environment: environment)
        } catch let error as GoTomError where error == .invalidConfiguration {
            throw CLIError(error.detail ?? error.shortDescription)
        }
        if positional != nil {
            StandardStreams.diagnostic(
                "warning: a secret given on the command line is visible to other local users (ps, shell history); "
                    + "prefer GOTOM_SECRET or a profile")
        }
        // The SDK says "explicit" for a value the caller passed; here that is a flag or a positional argument.
        let flags = [
            "profile": "flag --profile", "base_url": "flag --base-url", "provider": "flag --provider",
            "cacert": "flag --cacert", "user": "command line", "secret": "command line",
        ]
        var sources = settings.sources.reduce(into: [String: String]()) { sources, entry in
            sources[entry.key] = entry.value == "explicit" ? flags[entry.key] ?? entry.value : entry.value
        }
        for (key, fallback) in [
            ("base_url", "not set"), ("provider", "default"), ("cacert", "not set (system trust store only)"),
            ("user", "not set"), ("secret", "not set"),
        ] where sources[key] == nil {
            sources[key] = fallback
        }
        // A user without a secret is shown by `gotom doctor` and reported missing by `credentials()`.
        let user = settings.credentials?.user ?? settings.userWithoutSecret
        return ResolvedConfig(
            profile: settings.profile, configPath: settings.configPath, baseURL: settings.baseURL, user: user,
            secret: settings.credentials?.secret, provider: settings.provider,
            caCertificatePath: settings.caCertificatePath, environment: environment,
            groupCredentials: settings.groupCredentials, sources: sources)
    }

    /// The profile in use: `--profile`, else `$GOTOM_PROFILE`, else `default`.
    package static func profileName(
        flag: String?, environment: [String: String] = ProcessEnvironment.current()
    ) -> String {
        GoTomSettings.profileName(flag, environment: environment)
    }

    /// The credentials for a raw request to `target`: the API group's own (e.g. the CRM-sync user for
    /// `/app-api/customer…`), else the default ones. Positional USER SECRET always win.
    func credentials(forTarget target: String) throws -> Credentials {
        if sources["user"] != "command line", let own = groupCredentials[APIGroup(requestTarget: target)] {
            return own
        }
        return try credentials()
    }

    /// The credentials, or a usage error naming all three ways to provide them.
    func credentials() throws -> Credentials {
        guard let user, let secret else {
            throw CLIError(
                "no credentials: pass USER SECRET after the URL, set GOTOM_USER and GOTOM_SECRET, or configure "
                    + "profile '\(profile)' (gotom config set user NAME; gotom config set secret) in \(configPath)",
                exitCode: .usage)
        }
        return Credentials(user: user, secret: secret, provider: provider)
    }

    /// The configured base URL as a server address; a usage error with `missing` when none is configured.
    func baseServer(missing: @autoclosure () -> String) throws -> ServerAddress {
        guard let baseURL else { throw CLIError(missing(), exitCode: .usage) }
        do {
            return try ServerAddress(baseURL: baseURL)
        } catch {
            throw CLIError("invalid base URL \(baseURL): \(error)", exitCode: .usage)
        }
    }

    /// Splits a URL argument into server and encoded request target, resolving a `/path` against the base URL.
    func target(for urlArgument: String) throws -> (ServerAddress, String) {
        if urlArgument.hasPrefix("/") {
            let server = try baseServer(
                missing:
                    "\(urlArgument) is a path but no base URL is configured: give an absolute URL, set GOTOM_BASE_URL, "
                    + "or run gotom config set base_url https://YOUR-INSTANCE.gotom.io")
            return (server, RequestURI.normalizeTarget(urlArgument))
        }
        do {
            let (server, target) = try ServerAddress.split(absoluteURL: urlArgument)
            return (server, RequestURI.normalizeTarget(target))
        } catch {
            throw CLIError("\(error)", exitCode: .usage)
        }
    }
}

extension String {
    /// The text without the line breaks at its end (as a command or a pasted secret leaves them).
    var droppingTrailingLineBreaks: String {
        var text = self
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
