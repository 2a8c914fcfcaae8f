import Foundation

/// The HTTP proxy to use for a server, read from `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` like curl does.
///
/// AsyncHTTPClient does not read these variables itself; many goTom customers can only reach the internet
/// through a corporate proxy, so the client resolves them explicitly.
public struct ProxySettings: Sendable, Hashable {
    /// The proxy host.
    public var host: String
    /// The proxy port.
    public var port: Int
    /// `user:password` for basic authentication at the proxy, if the proxy URL carried it.
    public var credentials: String?

    /// Picks the proxy for `server` from environment variables.
    ///
    /// `https` servers use `HTTPS_PROXY`/`https_proxy`, `http` servers `HTTP_PROXY`/`http_proxy` (lower case
    /// wins, as in curl). `NO_PROXY`/`no_proxy` lists hosts, domain suffixes (`.example.com` or
    /// `example.com`) and `*` that are reached directly.
    ///
    /// - Parameters:
    ///   - server: The server the request goes to.
    ///   - environment: The process environment.
    /// - Returns: The proxy, or `nil` for a direct connection.
    /// - Throws: ``GoTomTransportError/invalidURL(_:)`` when the proxy variable is not a URL.
    public static func resolve(
        for server: ServerAddress,
        environment: [String: String]
    ) throws -> ProxySettings? {
        let names = server.scheme == "https" ? ["https_proxy", "HTTPS_PROXY"] : ["http_proxy", "HTTP_PROXY"]
        guard let value = names.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else {
            return nil
        }
        let noProxy = environment["no_proxy"] ?? environment["NO_PROXY"] ?? ""
        if bypasses(host: server.host, noProxy: noProxy) { return nil }
        let withScheme = value.contains("://") ? value : "http://" + value
        let (address, _) = try ServerAddress.split(absoluteURL: withScheme)
        var credentials: String?
        if let schemeEnd = withScheme.range(of: "://"),
            let at = withScheme[schemeEnd.upperBound...].split(separator: "/", maxSplits: 1).first?.lastIndex(of: "@")
        {
            credentials = String(withScheme[schemeEnd.upperBound..<at])
        }
        return ProxySettings(host: address.host, port: address.port ?? 80, credentials: credentials)
    }

    /// Creates proxy settings.
    ///
    /// - Parameters:
    ///   - host: Proxy host.
    ///   - port: Proxy port.
    ///   - credentials: Optional `user:password`.
    public init(host: String, port: Int, credentials: String? = nil) {
        self.host = host
        self.port = port
        self.credentials = credentials
    }

    /// Whether `host` matches an entry of a `NO_PROXY` list.
    static func bypasses(host: String, noProxy: String) -> Bool {
        let host = host.lowercased()
        for rawEntry in noProxy.split(separator: ",") {
            var entry = rawEntry.trimmingSpaces().lowercased()
            if entry == "*" { return true }
            if let colon = entry.lastIndex(of: ":"), !entry.contains("]"), entry.filter({ $0 == ":" }).count == 1 {
                entry = String(entry[..<colon])
            }
            entry = entry.trimmingCharacters(in: "[]")
            if entry.hasPrefix(".") { entry.removeFirst() }
            guard !entry.isEmpty else { continue }
            if host == entry || host.hasSuffix("." + entry) { return true }
        }
        return false
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

extension String {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }
}
