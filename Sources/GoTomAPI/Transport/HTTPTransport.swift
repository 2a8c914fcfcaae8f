import AsyncHTTPClient
import Foundation
import GoTomAuth
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Tracing

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

/// A request ready to go on the wire: every header is final and the body is the one that was hashed.
public struct OutgoingRequest: Sendable {
    /// The server.
    public var server: ServerAddress
    /// The HTTP method.
    public var method: String
    /// The encoded request target, sent byte for byte.
    public var requestURI: String
    /// Header fields in the order they are sent.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: RequestBody

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - server: Where to send it.
    ///   - method: The method.
    ///   - requestURI: The encoded target.
    ///   - headers: Header fields.
    ///   - body: The body.
    public init(
        server: ServerAddress, method: String, requestURI: String, headers: [(name: String, value: String)],
        body: RequestBody
    ) {
        self.server = server
        self.method = method
        self.requestURI = requestURI
        self.headers = headers
        self.body = body
    }
}

/// A response whose head has arrived; the body streams.
public struct RawResponse: Sendable {
    /// The status code, e.g. 204.
    public var statusCode: Int
    /// The reason phrase for the status code, e.g. `No Content`.
    public var reasonPhrase: String
    /// The HTTP version, e.g. `1.1`.
    public var httpVersion: String
    /// Header fields as received.
    public var headers: [(name: String, value: String)]
    /// The body, read once.
    public var body: ResponseBody

    /// The first value of a header, matched case-insensitively.
    ///
    /// - Parameter name: The header name.
    /// - Returns: The value, if present.
    public func header(_ name: String) -> String? {
        Self.header(name, in: headers)
    }

    /// The first value of `name` in a header list, matched case-insensitively.
    static func header(_ name: String, in headers: [(name: String, value: String)]) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}

/// The streaming body of a ``RawResponse``.
public struct ResponseBody: AsyncSequence, Sendable {
    /// Chunks of the body as they arrive.
    public typealias Element = ByteBuffer

    let wrapped: HTTPClientResponse.Body

    /// Iterates the chunks, turning connection failures into ``GoTomTransportError``.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: HTTPClientResponse.Body.AsyncIterator

        /// The next chunk, or `nil` at the end.
        public mutating func next() async throws -> ByteBuffer? {
            do {
                return try await base.next()
            } catch {
                throw HTTPTransport.classify(error)
            }
        }
    }

    /// Starts reading the body.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: wrapped.makeAsyncIterator()) }

    /// Reads the whole body, failing when it is longer than `limit` bytes.
    ///
    /// - Parameter limit: The maximum number of bytes to accept.
    /// - Returns: The body bytes.
    /// - Throws: ``GoTomTransportError`` on connection failures or when the body exceeds `limit`.
    public func collect(upTo limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in self {
            guard bytes.count + chunk.readableBytes <= limit else {
                throw GoTomTransportError.localInput("response body larger than \(limit) bytes")
            }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return bytes
    }
}

/// Sends requests over HTTP/1.1 or HTTP/2 with AsyncHTTPClient, keeping one connection pool.
///
/// The transport never changes the request: the target, headers and body are sent as given, which is what
/// makes the signature computed beforehand valid.
public final class HTTPTransport: Sendable {
    private let client: HTTPClient
    /// The wait for a response head, converted once (no limit: a year).
    private let requestTimeout: TimeAmount

    /// Creates a transport with its own connection pool.
    ///
    /// - Parameter configuration: Timeouts, trust and proxy.
    /// - Throws: ``GoTomTransportError/localInput(_:)`` when the CA file cannot be loaded.
    public init(configuration: TransportConfiguration = TransportConfiguration()) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .fullVerification
        // Closing a connection whose response is still arriving (a cancelled download) waits this long for the
        // server's close_notify; NIOSSL's default of 5 s would delay every early exit.
        tls.shutdownTimeout = .milliseconds(500)
        tls.trustRoots = SystemTrustRoots.preferred
        if let path = configuration.additionalCACertificatePath {
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(path)
                guard !certificates.isEmpty else { throw GoTomTransportError.localInput("no certificate in \(path)") }
                tls.additionalTrustRoots = [.certificates(certificates)]
            } catch {
                throw GoTomTransportError.localInput("cannot load CA certificate from \(path): not a readable PEM file")
            }
        }
        var clientConfiguration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(configuration.connectTimeout * 1000))),
            proxy: configuration.proxy.map { proxy in
                .server(
                    host: proxy.host, port: proxy.port,
                    authorization: proxy.credentials.map { credentials in
                        let parts = credentials.split(separator: ":", maxSplits: 1).map(String.init)
                        return .basic(username: parts[0].removingPercentEncoding ?? parts[0],
                            password: parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : "")
                    }
                )
            },
            decompression: .disabled
        )
        clientConfiguration.httpVersion = .automatic
        // With no tracer bootstrapped (`InstrumentationSystem` still holds its no-op tracer), AsyncHTTPClient would
        // still open a span per request and parse the URL a second time to fill its attributes; nil skips both.
        if clientConfiguration.tracing.tracer is NoOpTracer {
            clientConfiguration.tracing.tracer = nil
        }
        clientConfiguration.connectionPool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(60),
            concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, configuration.maxConnectionsPerHost)
        )
        // A refused or failed connection is reported at once; AsyncHTTPClient would otherwise keep trying until
        // the connect timeout. Retries are the pipeline's decision (RetryPolicy), with its backoff and logging.
        clientConfiguration.connectionPool.retryConnectionEstablishment = false
        self.client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration)
        self.requestTimeout = configuration.requestTimeout.map { .milliseconds(Int64($0 * 1000)) } ?? .hours(24 * 365)
    }

    /// Closes all connections. Call once when done; the transport cannot be used afterwards.
    ///
    /// - Throws: When the pool fails to shut down.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Sends a request and returns as soon as the response head arrives.
    ///
    /// - Parameters:
    ///   - request: The finished request.
    ///   - logger: Where to log; silent by default.
    /// - Returns: The response with a streaming body.
    /// - Throws: ``GoTomTransportError`` when no response arrives.
    public func send(_ request: OutgoingRequest, logger: Logger? = nil) async throws -> RawResponse {
        try await transfer(request, logger: logger)
    }

    /// ``send(_:logger:)`` with its error type spelled out, for the client's request pipeline.
    package func transfer(_ request: OutgoingRequest, logger: Logger? = nil) async throws(GoTomTransportError)
        -> RawResponse
    {
        var outgoing = HTTPClientRequest(url: request.server.url(for: request.requestURI))
        outgoing.method = HTTPMethod(rawValue: request.method.uppercased())
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        switch request.body {
        case .empty:
            break
        case .bytes(let bytes):
            outgoing.body = .bytes(bytes)
        case .file(let path):
            outgoing.body = .stream(FileChunks(path: path, chunkSize: RequestBody.chunkSize),
                length: .known(try request.body.byteCount()))
        }
        do {
            let response = try await client.execute(outgoing, timeout: requestTimeout, logger: logger)
            return RawResponse(
                statusCode: Int(response.status.code),
                reasonPhrase: response.status.reasonPhrase,
                httpVersion: "\(response.version.major).\(response.version.minor)",
                headers: response.headers.map { ($0.name, $0.value) },
                body: ResponseBody(wrapped: response.body)
            )
        } catch {
            throw Self.classify(error, server: request.server)
        }
    }

    /// Maps AsyncHTTPClient, NIO and TLS errors to the transport's error cases.
    static func classify(_ error: any Error, server: ServerAddress? = nil) -> GoTomTransportError {
        let target = server.map { "\($0.host):\($0.effectivePort)" } ?? "the server"
        if let error = error as? GoTomTransportError { return error }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .tlsHandshakeTimeout, .httpProxyHandshakeTimeout, .getConnectionFromPoolTimeout:
                return .timedOut("\(GoTomTransportError.connectTimeoutPrefix) to \(target) in time")
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timedOut("no complete response in time")
            case .remoteConnectionClosed:
                return .connectionLost("the server closed the connection")
            case .invalidProxyResponse, .proxyAuthenticationRequired:
                return .connectionFailed("the proxy refused the connection (\(error))")
            default:
                return .connectionFailed("\(error)")
            }
        }
        if error is NIOSSLError || error is BoringSSLError || String(describing: type(of: error)).contains("SSL") {
            return .tlsFailed("\(error)")
        }
        if let error = error as? NIOConnectionError {
            let reasons = (error.connectionErrors.map { "\($0.error)" } + [error.dnsAAAAError, error.dnsAError]
                .compactMap { $0.map { "\($0)" } })
            return .connectionFailed(
                "\(GoTomTransportError.connectFailurePrefix)\(error.host):\(error.port) (\(reasons.first ?? "unreachable"))")
        }
        if let error = error as? IOError {
            // Reported while the connection was being set up (refused, or reset during the handshake when a
            // port is reused); the retry logic reads the prefix as "nothing was sent".
            let reason = String(cString: strerror(error.errnoCode)).lowercased()
            return .connectionFailed("\(GoTomTransportError.connectFailurePrefix)\(target): \(reason)")
        }
        if let error = error as? ChannelError {
            return .connectionLost("\(error)")
        }
        return .connectionFailed("\(error)")
    }
}

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
