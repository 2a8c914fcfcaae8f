import Foundation

/// The profiles file, `$XDG_CONFIG_HOME/gotom/config` (else `~/.config/gotom/config`).
///
/// An INI-style text file: one `[profile]` section per profile with `key = value` lines. Keys: `base_url`,
/// `user`, `provider`, `secret`, `secret_command`, `cacert`, `mcp_allow_writes`, `mcp_allow_deletes`. A file that
/// holds a `secret` must be readable by its owner only (mode 0600); `gotom` refuses to read a secret from a file
/// others can read.
package struct ConfigFile {
    /// The keys a profile may hold.
    static let knownKeys = [
        "base_url", "user", "provider", "secret", "secret_command", "cacert", "mcp_allow_writes", "mcp_allow_deletes",
    ]
    /// Keys whose values are never printed.
    static let secretKeys: Set<String> = ["secret"]

    var path: String
    /// Profiles in file order, each with its key/value pairs in file order.
    var profiles: [(name: String, values: [(key: String, value: String)])] = []

    /// The location of the config file for an environment.
    package static func defaultPath(environment: [String: String] = ProcessEnvironment.current()) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return "\(xdg)/gotom/config" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return "\(home)/.config/gotom/config"
    }

    /// Loads the file; a missing file is an empty configuration.
    package static func load(path: String) throws -> ConfigFile {
        var file = ConfigFile(path: path)
        guard FileManager.default.fileExists(atPath: path) else { return file }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read the config file \(path)")
        }
        var current: Int?
        for (number, rawLine) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                file.profiles.append((name, []))
                current = file.profiles.count - 1
                continue
            }
            guard let equals = line.firstIndex(of: "="), let index = current else {
                throw CLIError("config file \(path), line \(number + 1): expected '[profile]' or 'key = value'")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            file.profiles[index].values.append((key, value))
        }
        return file
    }

    package func value(_ key: String, profile: String) -> String? {
        profiles.first { $0.name == profile }?.values.last { $0.key == key }?.value
    }

    mutating func set(_ key: String, _ value: String, profile: String) {
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

    mutating func unset(_ key: String, profile: String) {
        guard let index = profiles.firstIndex(where: { $0.name == profile }) else { return }
        profiles[index].values.removeAll { $0.key == key }
    }

    /// Whether the file's permissions let only its owner read it.
    func isPrivate() -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
        else { return false }
        return mode & 0o077 == 0
    }

    /// Writes the file with mode 0600, creating its folder (mode 0700) when needed.
    func save() throws {
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
            guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8),
                attributes: [.posixPermissions: 0o600])
            else { throw CLIError("cannot write the config file \(path)") }
            _ = rename(temporary, path)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("cannot write the config file \(path)")
        }
    }
}
