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
/// makes the signature computed beforehand valid. It follows AsyncHTTPClient's progress callbacks (request head
/// written, request completely written, response head received) so that every failure carries the
/// ``DeliveryStage`` it happened in.
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
        let outgoing = try makeRequest(request)
        let delegate = ExchangeDelegate(server: request.server)
        let task = client.execute(
            request: outgoing, delegate: delegate, eventLoop: .indifferent, deadline: nil,
            logger: logger ?? Self.silent)
        delegate.start(task, headTimeout: requestTimeout)
        let result = await withTaskCancellationHandler {
            await delegate.head()
        } onCancel: {
            task.cancel()
        }
        return try result.get()
    }

    /// The AsyncHTTPClient request for `request`, its headers and body unchanged.
    private func makeRequest(_ request: OutgoingRequest) throws(GoTomTransportError) -> HTTPClient.Request {
        var headers = HTTPHeaders()
        headers.reserveCapacity(request.headers.count)
        for (name, value) in request.headers { headers.add(name: name, value: value) }
        let body: HTTPClient.Body?
        switch request.body {
        case .empty:
            body = nil
        case .bytes(let bytes):
            body = .bytes(bytes)
        case .file(let path):
            let length = try request.body.byteCount()
            let eventLoop = client.eventLoopGroup.any()
            body = .stream(contentLength: length) { writer in
                eventLoop.makeFutureWithTask {
                    for try await chunk in FileChunks(path: path, chunkSize: RequestBody.chunkSize) {
                        try await writer.write(.byteBuffer(chunk)).get()
                    }
                }
            }
        }
        do {
            return try HTTPClient.Request(
                url: request.server.url(for: request.requestURI), method: HTTPMethod(rawValue: request.method),
                headers: headers, body: body, tlsConfiguration: requestTLS)
        } catch {
            throw GoTomTransportError.invalidURL("\(request.server.url(for: request.requestURI)): \(error)")
        }
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
