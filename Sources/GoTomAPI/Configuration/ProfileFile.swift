import Foundation

/// The profiles file that `gotom` and ``GoTomSettings`` read: `$XDG_CONFIG_HOME/gotom/config`, else
/// `~/.config/gotom/config`.
///
/// An INI-style text file: one `[profile]` section per profile with `key = value` lines. Keys: `base_url`,
/// `user`, `provider`, `secret`, `secret_command`, `cacert`, `mcp_allow_writes`, `mcp_allow_deletes`, and per API
/// group `customer.user`, `customer.secret`, `customer.secret_command` (likewise `report.` and `campaign.`). A file
/// that holds a secret must be readable by its owner only (mode 0600); a secret is never read from a file others
/// can read.
public struct ProfileFile: Sendable {
    /// The keys a profile may hold.
    public static let knownKeys =
        [
            "base_url", "user", "provider", "secret", "secret_command", "cacert", "mcp_allow_writes",
            "mcp_allow_deletes",
        ] + APIGroup.allCases.flatMap { group in ["user", "secret", "secret_command"].map { "\(group).\($0)" } }
    /// Keys whose values are never printed.
    public static let secretKeys: Set<String> = Set(["secret"] + APIGroup.allCases.map { "\($0).secret" })

    /// Where the file is.
    public var path: String
    /// Profiles in file order, each with its key/value pairs in file order.
    public var profiles: [(name: String, values: [(key: String, value: String)])] = []

    /// An empty file at `path`.
    ///
    /// - Parameter path: Where it is or will be saved.
    public init(path: String) {
        self.path = path
    }

    /// The location of the profiles file for an environment.
    ///
    /// - Parameter environment: The process environment (`XDG_CONFIG_HOME`, `HOME`).
    /// - Returns: The path.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return "\(xdg)/gotom/config" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return "\(home)/.config/gotom/config"
    }

    /// Loads the file; a missing file is an empty configuration.
    ///
    /// - Parameter path: The file.
    /// - Returns: The profiles.
    /// - Throws: ``GoTomError/invalidConfiguration`` when the file cannot be read or parsed.
    public static func load(path: String) throws -> ProfileFile {
        var file = ProfileFile(path: path)
        guard FileManager.default.fileExists(atPath: path) else { return file }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GoTomError.make(.invalidConfiguration, detail: "cannot read the config file \(path)")
        }
        var current: Int?
        for (number, rawLine) in String(decoding: data, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                file.profiles.append((name, []))
                current = file.profiles.count - 1
                continue
            }
            guard let equals = line.firstIndex(of: "="), let index = current else {
                throw GoTomError.make(
                    .invalidConfiguration,
                    detail: "config file \(path), line \(number + 1): expected '[profile]' or 'key = value'")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            file.profiles[index].values.append((key, value))
        }
        return file
    }

    /// The value of `key` in `profile`: the last one when the key repeats.
    ///
    /// - Parameters:
    ///   - key: The key, e.g. `base_url`.
    ///   - profile: The profile name.
    /// - Returns: The value, or `nil`.
    public func value(_ key: String, profile: String) -> String? {
        profiles.first { $0.name == profile }?.values.last { $0.key == key }?.value
    }

    /// Sets `key` in `profile`, adding the profile when needed.
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - value: The value.
    ///   - profile: The profile name.
    public mutating func set(_ key: String, _ value: String, profile: String) {
        if let index = profiles.firstIndex(where: { $0.name == profile }) {
            if let keyIndex = profiles[index].values.firstIndex(where: { $0.key == key }) {
                profiles[index].values[keyIndex].value = value
            } else {
                profiles[index].values.append((key, value))
            }
        } else {
            profiles.append((profile, [(key, value)]))
        }
    }

    /// Removes `key` from `profile`.
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - profile: The profile name.
    public mutating func unset(_ key: String, profile: String) {
        guard let index = profiles.firstIndex(where: { $0.name == profile }) else { return }
        profiles[index].values.removeAll { $0.key == key }
    }

    /// Whether the file's permissions let only its owner read it.
    ///
    /// - Returns: `true` for modes such as 0600.
    public func isPrivate() -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
        else { return false }
        return mode & 0o077 == 0
    }

    /// Writes the file with mode 0600, creating its folder (mode 0700) when needed.
    ///
    /// - Throws: ``GoTomError/invalidConfiguration`` when it cannot be written.
    public func save() throws {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            var text = "# gotom profiles; see `gotom config --help`\n"
            for profile in profiles {
                text += "\n[\(profile.name)]\n"
                for (key, value) in profile.values { text += "\(key) = \(value)\n" }
            }
            let temporary = path + ".tmp-\(getpid())"
            guard
                FileManager.default.createFile(
                    atPath: temporary, contents: Data(text.utf8),
                    attributes: [.posixPermissions: 0o600])
            else { throw GoTomError.make(.invalidConfiguration, detail: "cannot write the config file \(path)") }
            _ = rename(temporary, path)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch let error as GoTomError {
            throw error
        } catch {
            throw GoTomError.make(.invalidConfiguration, detail: "cannot write the config file \(path)")
        }
    }
}
