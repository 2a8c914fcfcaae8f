import Foundation
import GoTomAuth

/// Resolves the user and secret clients sign with, creating and storing them on first start.
///
/// The file `credentials.json` in the data directory (mode 0600) holds `{"user": …, "secret": …}` so that a
/// restarted sandbox accepts the same credentials.
enum SandboxCredentialsFile {
    static let fileName = "credentials.json"
    static let defaultUser = "sandbox"

    private struct Stored: Codable {
        var user: String
        var secret: String
    }

    /// The credentials to accept.
    ///
    /// - Parameters:
    ///   - user: The configured user, if any.
    ///   - secret: The configured secret, if any.
    ///   - directory: The data directory, or `nil` in memory (then nothing is stored).
    /// - Returns: The credentials.
    /// - Throws: ``SandboxError/credentialsUnavailable`` when the stored file cannot be read or written.
    static func resolve(user: String?, secret: String?, directory: String?) throws(SandboxError) -> Credentials {
        if let user, let secret { return Credentials(user: user, secret: secret) }
        let wantedUser = user ?? defaultUser
        if let secret { return Credentials(user: wantedUser, secret: secret) }
        guard let directory else { return Credentials(user: wantedUser, secret: randomSecret()) }
        let path = directory + "/" + fileName
        if FileManager.default.fileExists(atPath: path) {
            do {
                let stored = try JSONDecoder().decode(Stored.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
                if stored.user == wantedUser { return Credentials(user: stored.user, secret: stored.secret) }
            } catch {
                throw .credentialsUnavailable("cannot read \(path): \(error)")
            }
        }
        let created = Stored(user: wantedUser, secret: randomSecret())
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let text = String(decoding: try encoder.encode(created), as: UTF8.self) + "\n"
            try LocalCertificateAuthority.write(text, to: path, mode: 0o600)
        } catch {
            throw .credentialsUnavailable("cannot write \(path): \(error)")
        }
        return Credentials(user: created.user, secret: created.secret)
    }

    /// 32 random bytes as lowercase hex.
    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<64).map { _ in digits[Int(generator.next(upperBound: UInt8(16)))] })
    }
}
