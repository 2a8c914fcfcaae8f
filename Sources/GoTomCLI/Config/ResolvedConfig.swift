import Foundation
import GoTomAPI
import GoTomAuth

/// Settings after applying precedence: command-line value > `GOTOM_*` environment > profile file > default.
///
/// ArgumentParser cannot express "flag, else environment, else file", so every command resolves here.
package struct ResolvedConfig {
    var profile: String
    var configPath: String
    var baseURL: String?
    var user: String?
    var secret: String?
    var provider: String
    var caCertificatePath: String?
    var environment: [String: String]
    /// Where each setting came from, by config key (`base_url`, `user`, `secret`, …); for `gotom doctor`.
    var sources: [String: String] = [:]

    /// Resolves everything except the secret, which is only read when needed (it may run a command).
    static func resolve(
        profileFlag: String?,
        baseURLFlag: String?,
        providerFlag: String?,
        caCertificateFlag: String?,
        positionalUser: String?,
        positionalSecret: String?,
        environment: [String: String] = ProcessEnvironment.current()
    ) throws -> ResolvedConfig {
        let profile = profileName(flag: profileFlag, environment: environment)
        let path = ConfigFile.defaultPath(environment: environment)
        let file = try ConfigFile.load(path: path)
        var config = ResolvedConfig(
            profile: profile,
            configPath: path,
            baseURL: baseURLFlag ?? environment["GOTOM_BASE_URL"].nonEmpty ?? file.value("base_url", profile: profile),
            user: nil,
            secret: nil,
            provider: providerFlag ?? environment["GOTOM_PROVIDER"].nonEmpty ?? file.value("provider", profile: profile)
                ?? Credentials.defaultProvider,
            caCertificatePath: caCertificateFlag ?? environment["GOTOM_CACERT"].nonEmpty
                ?? file.value("cacert", profile: profile),
            environment: environment
        )
        let inProfile = "profile '\(profile)' in \(path)"
        func source(flag: String, _ flagValue: String?, env: String, key: String, default fallback: String) -> String {
            if flagValue != nil { return "flag \(flag)" }
            if environment[env].nonEmpty != nil { return "environment \(env)" }
            if file.value(key, profile: profile) != nil { return inProfile }
            return fallback
        }
        config.sources = [
            "profile": profileFlag != nil ? "flag --profile"
                : environment["GOTOM_PROFILE"].nonEmpty != nil ? "environment GOTOM_PROFILE" : "default",
            "base_url": source(flag: "--base-url", baseURLFlag, env: "GOTOM_BASE_URL", key: "base_url",
                default: "not set"),
            "provider": source(flag: "--provider", providerFlag, env: "GOTOM_PROVIDER", key: "provider",
                default: "default"),
            "cacert": source(flag: "--cacert", caCertificateFlag, env: "GOTOM_CACERT", key: "cacert",
                default: "not set (system trust store only)"),
            "user": "not set", "secret": "not set",
        ]
        if let positionalUser, let positionalSecret {
            config.sources["user"] = "command line"
            config.sources["secret"] = "command line"
            config.user = positionalUser
            config.secret = positionalSecret
            StandardStreams.diagnostic(
                "warning: a secret given on the command line is visible to other local users (ps, shell history); "
                    + "prefer GOTOM_SECRET or a profile")
        } else if positionalUser != nil {
            throw CLIError.usage("give both USER and SECRET after the URL, or neither")
        } else if let user = environment["GOTOM_USER"].nonEmpty, let secret = environment["GOTOM_SECRET"].nonEmpty {
            config.sources["user"] = "environment GOTOM_USER"
            config.sources["secret"] = "environment GOTOM_SECRET"
            config.user = user
            config.secret = secret
        } else if let user = file.value("user", profile: profile) {
            config.sources["user"] = inProfile
            config.user = user
            if let secret = file.value("secret", profile: profile) {
                config.sources["secret"] = inProfile
                guard file.isPrivate() else {
                    throw CLIError(
                        "refusing to read the secret from \(path): other users can read it; run: chmod 600 \(path)")
                }
                config.secret = secret
            } else if let command = file.value("secret_command", profile: profile) {
                config.sources["secret"] = "secret_command of \(inProfile)"
                config.secret = try runSecretCommand(command, profile: profile)
            }
        }
        return config
    }

    /// The profile in use: `--profile`, else `$GOTOM_PROFILE`, else `default`.
    package static func profileName(
        flag: String?, environment: [String: String] = ProcessEnvironment.current()
    ) -> String {
        flag ?? environment["GOTOM_PROFILE"].nonEmpty ?? "default"
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
            let server = try baseServer(missing:
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

    private static func runSecretCommand(_ command: String, profile: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CLIError("cannot run secret_command of profile '\(profile)'")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIError("secret_command of profile '\(profile)' failed with exit status \(process.terminationStatus)")
        }
        let secret = String(decoding: data, as: UTF8.self).droppingTrailingLineBreaks
        guard !secret.isEmpty else { throw CLIError("secret_command of profile '\(profile)' printed nothing") }
        return secret
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

extension Optional where Wrapped == String {
    /// The value unless it is `nil` or empty.
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
