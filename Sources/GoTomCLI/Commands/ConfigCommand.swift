import ArgumentParser
import Foundation
import GoTomAPI

/// `gotom config set|get|unset|list|path`: manages profiles in the config file.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Manage profiles: base URL, user, provider and secret (or a command that prints it).",
        discussion: """
            The file lives at $XDG_CONFIG_HOME/gotom/config (else ~/.config/gotom/config) and is written with \
            mode 0600. Keys: \(ProfileFile.knownKeys.joined(separator: ", ")).

            Examples:
              gotom config set base_url https://test-demo.gotom.io
              gotom config set user api_user
              printf '%s' "$SECRET" | gotom config set secret
              gotom config set secret_command 'pass show gotom/demo' --profile prod
              gotom config list
            """,
        subcommands: [Set.self, Get.self, Unset.self, List.self, Path.self]
    )

    struct ProfileOption: ParsableArguments {
        @Option(help: "Profile to use (default: $GOTOM_PROFILE, else 'default').")
        var profile: String?

        var name: String { ResolvedConfig.profileName(flag: profile) }
        var file: ProfileFile {
            get throws { try ProfileFile.load(path: ProfileFile.defaultPath()) }
        }
    }

    static func checkKey(_ key: String) throws {
        guard ProfileFile.knownKeys.contains(key) else {
            throw CLIError.usage("unknown key '\(key)'; known keys: \(ProfileFile.knownKeys.joined(separator: ", "))")
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a key of a profile. The secret is read from stdin or a prompt, never from arguments.",
            discussion: """
                Examples:
                  gotom config set base_url https://demo.gotom.io
                  printf '%s' "$SECRET" | gotom config set secret --profile prod
                """)

        @Argument(help: "The key.") var key: String
        @Argument(help: "The value (omit for secret).") var value: String?
        @OptionGroup var profile: ProfileOption

        func run() async throws {
            try await Self.reportingFailures {
                try ConfigCommand.checkKey(key)
                var file = try profile.file
                let newValue: String
                if ProfileFile.secretKeys.contains(key) {
                    guard value == nil else {
                        throw CLIError.usage(
                            "refusing to take a secret as an argument (other local users can see it); "
                                + "pipe it instead: printf '%s' \"$SECRET\" | gotom config set secret")
                    }
                    newValue = try readSecret()
                } else {
                    guard let value else { throw CLIError.usage("give a value for \(key)") }
                    newValue = value
                }
                file.set(key, newValue, profile: profile.name)
                try file.save()
                StandardStreams.diagnostic("set \(key) for profile '\(profile.name)' in \(file.path)")
                return .success
            }
        }

        private func readSecret() throws -> String {
            var secret: String
            if StandardStreams.stdinIsTerminal {
                guard let typed = getpass("Secret for profile '\(profile.name)': ") else {
                    throw CLIError("no secret entered")
                }
                secret = String(cString: typed)
            } else {
                secret = String(decoding: try StandardStreams.readStdin(limit: 64 * 1024), as: UTF8.self)
            }
            secret = secret.droppingTrailingLineBreaks
            guard !secret.isEmpty else { throw CLIError.usage("the secret is empty") }
            guard !secret.contains("\n") else { throw CLIError.usage("the secret must be a single line") }
            return secret
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a key of a profile (a secret prints as '(hidden)').",
            discussion: "Example:\n  gotom config get base_url --profile prod")

        @Argument(help: "The key.") var key: String
        @OptionGroup var profile: ProfileOption

        func run() async throws {
            try await Self.reportingFailures {
                try ConfigCommand.checkKey(key)
                guard let value = try profile.file.value(key, profile: profile.name) else {
                    throw CLIError("\(key) is not set in profile '\(profile.name)'")
                }
                StandardStreams.writeOut((ProfileFile.secretKeys.contains(key) ? "(hidden)" : value) + "\n")
                return .success
            }
        }
    }

    struct Unset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a key from a profile.",
            discussion: "Example:\n  gotom config unset secret --profile prod")

        @Argument(help: "The key.") var key: String
        @OptionGroup var profile: ProfileOption

        func run() async throws {
            try await Self.reportingFailures {
                try ConfigCommand.checkKey(key)
                var file = try profile.file
                file.unset(key, profile: profile.name)
                try file.save()
                return .success
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List all profiles and their keys; secrets print as '(hidden)'.",
            discussion: "Example:\n  gotom config list")

        func run() async throws {
            try await Self.reportingFailures {
                let file = try ProfileFile.load(path: ProfileFile.defaultPath())
                var text = ""
                for profile in file.profiles {
                    text += "[\(profile.name)]\n"
                    for (key, value) in profile.values {
                        text += "\(key) = \(ProfileFile.secretKeys.contains(key) ? "(hidden)" : value)\n"
                    }
                }
                StandardStreams.writeOut(text)
                return .success
            }
        }
    }

    struct Path: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the config file's path.",
            discussion: "Example:\n  gotom config path")

        func run() async throws {
            StandardStreams.writeOut(ProfileFile.defaultPath() + "\n")
        }
    }
}
