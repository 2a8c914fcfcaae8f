import Foundation
import GoTomAuth

/// A user the sandbox accepts: the name and secret clients sign with, and the API groups it may call.
///
/// Like `Credentials`, it leaves the secret out of `description`, `debugDescription` and reflection.
public struct SandboxUser: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The user id in the `Authorization` header.
    public var name: String
    /// The HMAC secret.
    public var secret: String
    /// The groups the user may call; `nil` for all of them.
    public var groups: Set<APIGroup>?

    /// Creates a user.
    ///
    /// - Parameters:
    ///   - name: The user id.
    ///   - secret: The secret.
    ///   - groups: The API groups the user may call, or `nil` for all.
    public init(name: String, secret: String, groups: Set<APIGroup>? = nil) {
        self.name = name
        self.secret = secret
        self.groups = groups
    }

    /// The name and groups, never the secret.
    public var description: String {
        "\(name) (\(groups.map { $0.sorted().map(\.rawValue).joined(separator: ", ") } ?? "all APIs"); secret hidden)"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// The name and groups; the secret shows as hidden.
    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "groups": groups as Any, "secret": "(hidden)"])
    }

    /// The user's credentials.
    public var credentials: Credentials { Credentials(user: name, secret: secret) }

    /// Whether the user may call operations of `group`.
    func may(_ group: APIGroup) -> Bool { groups?.contains(group) ?? true }

    /// Reads `NAME:SECRET` or `NAME:SECRET:GROUP,GROUP`, the form of `gotom sandbox --user`.
    ///
    /// The part after the last colon counts as groups only when every comma-separated name in it is a group
    /// (see ``APIGroup/init(name:)``); a secret that itself contains a colon followed by such names needs a
    /// users file.
    ///
    /// - Parameter text: The specification.
    /// - Throws: ``SandboxError/invalidConfiguration`` when the name or the secret is missing. The message never
    ///   contains the secret.
    public init(specification text: String) throws {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else {
            throw SandboxError.invalidConfiguration("a user must be given as NAME:SECRET[:GROUP,…]")
        }
        let name = String(text[..<colon])
        var secret = String(text[text.index(after: colon)...])
        var groups: Set<APIGroup>?
        if let last = secret.lastIndex(of: ":") {
            let names = secret[secret.index(after: last)...].split(separator: ",", omittingEmptySubsequences: false)
            let parsed = names.map { APIGroup(name: String($0)) }
            if !names.isEmpty, parsed.allSatisfy({ $0 != nil }) {
                groups = Set(parsed.compactMap { $0 })
                secret = String(secret[..<last])
            }
        }
        guard !secret.isEmpty else {
            throw SandboxError.invalidConfiguration("the user '\(name)' has an empty secret")
        }
        self.init(name: name, secret: secret, groups: groups)
    }
}

/// The users file: a JSON array of `{"name": …, "secret": …, "groups": ["campaign", …]}` (groups optional).
public enum SandboxUsersFile {
    private struct Entry: Decodable {
        var name: String
        var secret: String
        var groups: [String]?
    }

    /// Reads a users file.
    ///
    /// - Parameter path: The file.
    /// - Returns: The users in file order.
    /// - Throws: ``SandboxError/invalidConfiguration`` when the file cannot be read or names an unknown group.
    public static func load(path: String) throws -> [SandboxUser] {
        let entries: [Entry]
        do {
            entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw SandboxError.invalidConfiguration(
                "cannot read the users file \(path): expected a JSON array of {\"name\", \"secret\", \"groups\"}")
        }
        return try entries.map { entry in
            guard !entry.name.isEmpty, !entry.secret.isEmpty else {
                throw SandboxError.invalidConfiguration("\(path): every user needs a name and a secret")
            }
            let groups = try entry.groups.map { names in
                Set(
                    try names.map { name in
                        guard let group = APIGroup(name: name) else {
                            throw SandboxError.invalidConfiguration(
                                "\(path): unknown API group '\(name)' (campaign, crm-sync, graph-report)")
                        }
                        return group
                    })
            }
            return SandboxUser(name: entry.name, secret: entry.secret, groups: groups)
        }
    }
}
