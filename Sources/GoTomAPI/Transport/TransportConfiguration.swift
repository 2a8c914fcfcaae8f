/// How the transport connects: timeouts, extra trust, proxy.
public struct TransportConfiguration: Sendable {
    /// Seconds allowed to establish the connection (TCP and TLS).
    public var connectTimeout: Double
    /// Seconds allowed until the response head arrives, or `nil` for no limit; reading the body is not limited.
    public var requestTimeout: Double?
    /// A PEM file with an extra CA to trust, e.g. a local sandbox's CA. The system roots stay trusted.
    public var additionalCACertificatePath: String?
    /// The HTTP proxy to connect through, or `nil` for a direct connection.
    public var proxy: ProxySettings?
    /// How many HTTP/1.1 connections to one server may be open at once, so that concurrent requests do not
    /// queue behind each other (AsyncHTTPClient's own default is 8).
    public var maxConnectionsPerHost: Int = 32

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - connectTimeout: Connect timeout in seconds (10 by default).
    ///   - requestTimeout: Overall timeout in seconds, or `nil` for none (60 by default).
    ///   - additionalCACertificatePath: Extra CA file in PEM format.
    ///   - proxy: Proxy settings.
    public init(
        connectTimeout: Double = 10,
        requestTimeout: Double? = 60,
        additionalCACertificatePath: String? = nil,
        proxy: ProxySettings? = nil
    ) {
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.additionalCACertificatePath = additionalCACertificatePath
        self.proxy = proxy
    }
}
