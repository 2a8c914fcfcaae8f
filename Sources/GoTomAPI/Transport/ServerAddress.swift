import Foundation

/// Where a goTom instance is reached: scheme, host and port, e.g. `https://demo.gotom.io`.
public struct ServerAddress: Sendable, Hashable, CustomStringConvertible {
    /// `http` or `https`.
    public var scheme: String
    /// The host name or IP address (IPv6 without brackets).
    public var host: String
    /// The port, or `nil` for the scheme's default.
    public var port: Int?

    /// Parses a base URL such as `https://demo.gotom.io` or `https://127.0.0.1:8443`; a path is not allowed.
    ///
    /// - Parameter baseURL: The URL text.
    /// - Throws: ``GoTomTransportError`` with an explanation when the text is not an http(s) origin.
    public init(baseURL: String) throws {
        let (address, target) = try Self.split(absoluteURL: baseURL)
        guard target == "/" || target.isEmpty else {
            throw GoTomTransportError.invalidURL("base URL must not contain a path: \(baseURL)")
        }
        self = address
    }

    /// Creates an address from parts.
    ///
    /// - Parameters:
    ///   - scheme: `http` or `https`.
    ///   - host: The host.
    ///   - port: The port, `nil` for the default.
    public init(scheme: String, host: String, port: Int? = nil) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// Splits an absolute URL into its origin and the request target (path and query) as written.
    ///
    /// The target is returned unchanged, so the caller decides how to encode it before signing.
    ///
    /// - Parameter absoluteURL: e.g. `https://demo.gotom.io/app-api/campaign/1?x=1`.
    /// - Returns: The origin and the target (`/` when the URL has no path).
    /// - Throws: ``GoTomTransportError/invalidURL(_:)`` for anything but an http(s) URL with a host.
    public static func split(absoluteURL: String) throws -> (ServerAddress, String) {
        guard let schemeEnd = absoluteURL.range(of: "://") else {
            throw GoTomTransportError.invalidURL(
                "expected an absolute http(s) URL or a path starting with /: \(absoluteURL)")
        }
        let scheme = absoluteURL[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw GoTomTransportError.invalidURL("unsupported scheme '\(scheme)' in \(absoluteURL); use http or https")
        }
        let rest = absoluteURL[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") {
            authority = authority[authority.index(after: at)...]
        }
        var host: Substring
        var port: Int?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw GoTomTransportError.invalidURL("bad IPv6 host in \(absoluteURL)")
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let afterHost = authority[authority.index(after: close)...]
            if afterHost.hasPrefix(":") { port = Int(afterHost.dropFirst()) ?? -1 }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = Int(authority[authority.index(after: colon)...]) ?? -1
        } else {
            host = authority
        }
        guard !host.isEmpty else { throw GoTomTransportError.invalidURL("no host in \(absoluteURL)") }
        if let port, !(1...65535).contains(port) { throw GoTomTransportError.invalidURL("bad port in \(absoluteURL)") }
        var target = String(rest[authorityEnd...])
        if target.isEmpty || target.hasPrefix("?") { target = "/" + target }
        return (ServerAddress(scheme: scheme, host: host.lowercased(), port: port), target)
    }

    /// The port to connect to: the explicit one, else 443 for https and 80 for http.
    public var effectivePort: Int { port ?? (scheme == "https" ? 443 : 80) }

    /// The origin as a URL string, e.g. `https://demo.gotom.io` or `http://[::1]:8080`.
    public var description: String {
        // A byte search: `contains(":")` would resolve to Foundation's string search, and this runs per request.
        let hostPart = host.utf8.contains(UInt8(ascii: ":")) ? "[\(host)]" : host
        return port.map { "\(scheme)://\(hostPart):\($0)" } ?? "\(scheme)://\(hostPart)"
    }

    /// The absolute URL of a request target on this server.
    ///
    /// - Parameter requestURI: An encoded target starting with `/`.
    /// - Returns: The URL string.
    public func url(for requestURI: String) -> String { description + requestURI }
}
