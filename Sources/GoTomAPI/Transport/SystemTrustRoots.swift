import Foundation
import NIOSSL

/// Where the system's root certificates are read from.
enum SystemTrustRoots {
    /// The system roots, loaded the cheapest way the platform allows.
    ///
    /// NIOSSL's default on Linux parses the whole bundle file (`/etc/ssl/certs/ca-certificates.crt`, about 140
    /// certificates) before the first connection, which is several milliseconds of a one-shot `gotom request`.
    /// Where `/etc/ssl/certs` is an OpenSSL hashed directory (`<subject hash>.0` links next to the bundle, as
    /// Debian, Ubuntu, Alpine and Arch generate it from the same certificates), BoringSSL is given the directory
    /// instead and reads only the root a handshake asks for. Without such a directory (Fedora and RHEL keep only
    /// bundle files) and on Darwin, the default stays.
    static let preferred: NIOSSLTrustRoots = {
        #if os(Linux)
            if isHashedDirectory(hashedDirectoryPath) { return .file(hashedDirectoryPath) }
        #endif
        return .default
    }()

    static let hashedDirectoryPath = "/etc/ssl/certs"

    /// Whether `path` is a directory with at least one `XXXXXXXX.N` entry (8 hex digits, a dot, a digit).
    static func isHashedDirectory(_ path: String) -> Bool {
        guard let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let isHashName = withUnsafeBytes(of: entry.pointee.d_name) { raw -> Bool in
                let name = raw.prefix { $0 != 0 }
                guard name.count >= 10, name[name.startIndex + 8] == UInt8(ascii: ".") else { return false }
                let hex = name.prefix(8).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
                let index = name.dropFirst(9).allSatisfy { (0x30...0x39).contains($0) }
                return hex && index
            }
            if isHashName { return true }
        }
        return false
    }
}
