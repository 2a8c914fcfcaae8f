import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import Tracing

/// Sends requests over HTTP/1.1 or HTTP/2 with AsyncHTTPClient: the default ``GoTomTransport``.
///
/// The transport never changes the request: the target, headers and body are sent as given, which is what
/// makes the signature computed beforehand valid. Every failure carries the ``DeliveryStage`` it happened in: a body
/// marks the request head and the last byte as written while AsyncHTTPClient pulls it (``TrackedBody``), the
/// response head marks the start of reading, and before the head was written only the error's type (connect or
/// TLS handshake) sets the stage. A request without a body has no write marks, so a failure on its connection
/// that is neither counts as ``DeliveryStage/awaitingResponse``.
///
/// It either owns a connection pool (``init(configuration:)``) or borrows the host application's `HTTPClient`
/// (``init(httpClient:configuration:)``, e.g. `HTTPClient.shared`); ``shutdown()`` closes only a pool it owns.
public final class HTTPTransport: GoTomTransport, Sendable {
    private let client: HTTPClient
    private let ownsClient: Bool
    /// The wait for a response head, or `nil` for no limit.
    private let requestTimeout: TimeAmount?
    /// The TLS settings each request carries when the pool is borrowed and an extra CA must be trusted.
    private let requestTLS: TLSConfiguration?

    /// Creates a transport with its own connection pool.
    ///
    /// - Parameter configuration: Timeouts, trust and proxy.
    /// - Throws: ``GoTomTransportError`` (``GoTomTransportError/Kind/localInput``) when the CA file cannot be
    ///   loaded.
    public init(configuration: TransportConfiguration = TransportConfiguration()) throws {
        let tls = try Self.tlsConfiguration(additionalCACertificatePath: configuration.additionalCACertificatePath)
        var clientConfiguration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(configuration.connectTimeout * 1000))),
            proxy: configuration.proxy.map { proxy in
                .server(
                    host: proxy.host, port: proxy.port,
                    authorization: proxy.credentials.map { credentials in
                        let parts = credentials.split(separator: ":", maxSplits: 1).map(String.init)
                        return .basic(
                            username: parts[0].removingPercentEncoding ?? parts[0],
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
        self.ownsClient = true
        self.requestTimeout = configuration.requestTimeout.map { .milliseconds(Int64($0 * 1000)) }
        self.requestTLS = nil
    }

    /// Creates a transport over an `HTTPClient` the application already has, e.g. `HTTPClient.shared`.
    ///
    /// The pool's own configuration decides connect timeouts, proxy, redirects and decompression; from
    /// `configuration` only the response-head timeout and the extra CA apply (the CA through a per-request TLS
    /// configuration). ``shutdown()`` leaves the pool alone: its owner shuts it down.
    ///
    /// - Parameters:
    ///   - httpClient: The pool to send through.
    ///   - configuration: The request timeout and extra CA.
    /// - Throws: ``GoTomTransportError`` (``GoTomTransportError/Kind/localInput``) when the CA file cannot be
    ///   loaded.
    public init(httpClient: HTTPClient, configuration: TransportConfiguration = TransportConfiguration()) throws {
        self.client = httpClient
        self.ownsClient = false
        self.requestTimeout = configuration.requestTimeout.map { .milliseconds(Int64($0 * 1000)) }
        self.requestTLS = try configuration.additionalCACertificatePath.map {
            try Self.tlsConfiguration(additionalCACertificatePath: $0)
        }
    }

    /// Closes all connections of a pool this transport created; does nothing for a borrowed `HTTPClient`.
    ///
    /// - Throws: When the pool fails to shut down.
    public func shutdown() async throws {
        guard ownsClient else { return }
        try await client.shutdown()
    }

    /// Sends a request and returns as soon as the response head arrives.
    ///
    /// - Parameters:
    ///   - request: The finished request.
    ///   - operation: The client operation (unused by this transport).
    /// - Returns: The response with a streaming body.
    /// - Throws: ``GoTomTransportError`` when no response arrives.
    public func send(_ request: OutgoingRequest, operation: String) async throws -> RawResponse {
        try await transfer(request)
    }

    /// Sends a request and returns as soon as the response head arrives.
    ///
    /// - Parameters:
    ///   - request: The finished request.
    ///   - logger: Where AsyncHTTPClient logs; silent by default.
    /// - Returns: The response with a streaming body.
    /// - Throws: ``GoTomTransportError`` when no response arrives.
    public func send(_ request: OutgoingRequest, logger: Logger? = nil) async throws -> RawResponse {
        try await transfer(request, logger: logger)
    }

    /// ``send(_:logger:)`` with its error type spelled out, for the client's request pipeline.
    package func transfer(_ request: OutgoingRequest, logger: Logger? = nil) async throws(GoTomTransportError)
        -> RawResponse
    {
        let (outgoing, progress) = try makeRequest(request)
        let response: HTTPClientResponse
        do {
            // The deadline covers the wait for the response head only: AsyncHTTPClient cancels it when the head
            // arrives, so reading a large body stays unlimited.
            response = try await client.execute(
                outgoing, deadline: requestTimeout.map { .now() + $0 } ?? .distantFuture,
                logger: logger ?? Self.silent)
        } catch {
            // Without a body nothing marks the head as written: unless the error's type shows a connect or TLS
            // handshake failure, the request may have gone out.
            throw Self.classify(error, reached: progress?.reached ?? .awaitingResponse, server: request.server)
        }
        return RawResponse(
            statusCode: Int(response.status.code), reasonPhrase: response.status.reasonPhrase,
            httpVersion: "\(response.version.major).\(response.version.minor)",
            headers: response.headers.map { ($0.name, $0.value) }, body: ResponseBody(response: response.body))
    }

    /// The AsyncHTTPClient request for `request`, its headers and body unchanged, and the progress its body
    /// records (`nil` without a body).
    private func makeRequest(_ request: OutgoingRequest) throws(GoTomTransportError) -> (
        HTTPClientRequest, DeliveryProgress?
    ) {
        var outgoing = HTTPClientRequest(url: request.server.url(for: request.requestURI))
        outgoing.method = HTTPMethod(rawValue: request.method)
        outgoing.headers.reserveCapacity(request.headers.count)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        outgoing.tlsConfiguration = requestTLS
        let source: TrackedBody.Source
        switch request.body {
        case .empty:
            return (outgoing, nil)
        case .bytes(let bytes):
            // An empty body goes out with the head, so it marks nothing.
            guard !bytes.isEmpty else { return (outgoing, nil) }
            source = .bytes(ByteBuffer(bytes: bytes))
        case .file(let path):
            source = .file(FileChunks(path: path, chunkSize: RequestBody.chunkSize))
        }
        let progress = DeliveryProgress()
        let length = try request.body.byteCount()
        outgoing.body = .stream(TrackedBody(source: source, progress: progress), length: .known(length))
        return (outgoing, progress)
    }

    /// The client TLS settings: full verification, the system roots and an optional extra CA.
    static func tlsConfiguration(additionalCACertificatePath path: String?) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .fullVerification
        // Closing a connection whose response is still arriving (a cancelled download) waits this long for the
        // server's close_notify; NIOSSL's default of 5 s would delay every early exit.
        tls.shutdownTimeout = .milliseconds(500)
        tls.trustRoots = SystemTrustRoots.preferred
        if let path {
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(path)
                guard !certificates.isEmpty else { throw GoTomTransportError.localInput("no certificate in \(path)") }
                tls.additionalTrustRoots = [.certificates(certificates)]
            } catch {
                throw GoTomTransportError.localInput("cannot load CA certificate from \(path): not a readable PEM file")
            }
        }
        return tls
    }

    private static let silent = Logger(label: "gotom.transport", factory: { _ in SwiftLogNoOpLogHandler() })
}
