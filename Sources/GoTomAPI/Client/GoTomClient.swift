import AsyncHTTPClient
import GoTomAuth
import Logging

/// A typed, asynchronous client for goTom's App API: campaigns, flights, discounts, customers, master data
/// and reports.
///
/// The client is a cheap `Sendable` value around one shared connection pool. Copy it freely; call
/// ``shutdown()`` once when done (AsyncHTTPClient stops a debug build whose pool was never shut down).
///
/// ```swift
/// let client = try GoTomClient(
///     baseURL: "https://demo.gotom.io",
///     credentials: Credentials(user: "api_user", secret: secret)
/// )
/// let campaign = try await client.campaigns.get("26106")
/// try await client.shutdown()
/// ```
///
/// Every request is encoded once, signed with goTom's HMAC scheme and sent byte for byte as signed. Failures
/// are ``GoTomError`` values; retries follow ``Configuration/retryPolicy`` and a clock that is off by more than
/// goTom's 30-minute window is corrected automatically.
public struct GoTomClient: Sendable {
    /// The configuration the client was created with.
    public let configuration: Configuration

    /// The server every request goes to.
    public let server: ServerAddress

    let pipeline: RequestPipeline
    /// The transport the client created and therefore shuts down; `nil` for one the caller provided.
    private let ownedTransport: HTTPTransport?

    /// Creates a client with its own connection pool.
    ///
    /// - Parameter configuration: Base URL, credentials and options.
    /// - Throws: ``GoTomError/invalidRequest`` when the base URL is not an http(s) origin or the CA file
    ///   cannot be read.
    public init(configuration: Configuration) throws {
        let transport: HTTPTransport
        do {
            // The address first: a pool that was created must be shut down, so nothing may fail after it.
            _ = try ServerAddress(baseURL: configuration.baseURL)
            transport = try HTTPTransport(configuration: configuration.transportConfiguration)
        } catch {
            throw GoTomError.make(.invalidRequest, detail: "\(error)")
        }
        try self.init(configuration: configuration, transport: transport, owned: transport)
    }

    /// Creates a client that sends through an `HTTPClient` the application already has, e.g. `HTTPClient.shared`
    /// or the one a Hummingbird or Vapor service keeps.
    ///
    /// The pool's own configuration decides connect timeouts, proxy and TLS defaults; the configuration's
    /// ``Configuration/requestTimeout`` and ``Configuration/additionalCACertificatePath`` still apply.
    /// ``shutdown()`` leaves the pool alone.
    ///
    /// - Parameters:
    ///   - configuration: Base URL, credentials and options.
    ///   - httpClient: The pool to share.
    /// - Throws: ``GoTomError/invalidRequest`` when the base URL is not an http(s) origin or the CA file
    ///   cannot be read.
    public init(configuration: Configuration, httpClient: HTTPClient) throws {
        let transport: HTTPTransport
        do {
            transport = try HTTPTransport(httpClient: httpClient, configuration: configuration.transportConfiguration)
        } catch {
            throw GoTomError.make(.invalidRequest, detail: "\(error)")
        }
        try self.init(configuration: configuration, transport: transport, owned: nil)
    }

    /// Creates a client that sends through a transport of the caller's, e.g. an ``InMemoryTransport`` in a unit
    /// test. ``shutdown()`` leaves the transport alone.
    ///
    /// - Parameters:
    ///   - configuration: Base URL, credentials and options; the transport settings in it are not used.
    ///   - transport: The transport.
    /// - Throws: ``GoTomError/invalidRequest`` when the base URL is not an http(s) origin.
    public init(configuration: Configuration, transport: any GoTomTransport) throws {
        try self.init(configuration: configuration, transport: transport, owned: nil)
    }

    private init(configuration: Configuration, transport: any GoTomTransport, owned: HTTPTransport?) throws {
        let server: ServerAddress
        do {
            server = try ServerAddress(baseURL: configuration.baseURL)
        } catch {
            throw GoTomError.make(.invalidRequest, detail: "\(error)")
        }
        self.configuration = configuration
        self.server = server
        self.ownedTransport = owned
        self.pipeline = RequestPipeline(
            server: server, transport: transport, configuration: configuration,
            clockOffset: ClockOffsetStore(base: configuration.clock)
        )
    }

    /// Runs `body` with a new client and shuts the client down afterwards, also when `body` throws.
    ///
    /// - Parameters:
    ///   - configuration: Base URL, credentials and options.
    ///   - httpClient: A pool to share, or `nil` for a pool of the client's own.
    ///   - body: The work to do with the client.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or ``GoTomError`` when the client cannot be created.
    public static func withClient<Result>(
        configuration: Configuration, httpClient: HTTPClient? = nil,
        _ body: (GoTomClient) async throws -> Result
    ) async throws -> Result {
        let client =
            try httpClient.map { try GoTomClient(configuration: configuration, httpClient: $0) }
            ?? GoTomClient(configuration: configuration)
        let result: Result
        do {
            result = try await body(client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return result
    }

    /// Creates a client with default options.
    ///
    /// - Parameters:
    ///   - baseURL: The instance's origin, e.g. `https://demo.gotom.io`.
    ///   - credentials: The user and secret that sign every request.
    ///   - logger: Where to log; silent by default.
    /// - Throws: ``GoTomError/invalidRequest`` when the base URL is not an http(s) origin.
    public init(
        baseURL: String,
        credentials: Credentials,
        logger: Logger = Logger(label: "gotom.api", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws {
        try self.init(configuration: Configuration(baseURL: baseURL, credentials: credentials, logger: logger))
    }

    /// Closes the connection pool the client created. Call once, after the last request; every copy of the client
    /// stops working. A pool or transport passed in by the caller is left alone.
    ///
    /// - Throws: ``GoTomError/transport`` when the pool fails to close cleanly.
    public func shutdown() async throws {
        guard let ownedTransport else { return }
        do {
            try await ownedTransport.shutdown()
        } catch {
            throw GoTomError.transport(
                GoTomTransportError(.connectionFailed, stage: .preparing, detail: "shutdown failed: \(error)"),
                operation: "shutdown")
        }
    }

    /// The credentials that sign requests of an API group.
    ///
    /// - Parameter group: The API group.
    /// - Returns: The group's own credentials or the default ones.
    public func credentials(for group: APIGroup) -> Credentials {
        configuration.credentials(for: group)
    }

    /// The clock offset measured from goTom's answers, in seconds (positive when goTom's clock is ahead).
    ///
    /// - Returns: The offset added to the local clock when signing; 0 until a skew was detected.
    public func clockOffsetSeconds() async -> Int64 {
        pipeline.clockOffset.offsetSeconds
    }

    /// Campaigns: read, create, update, archive, commission status and documents.
    public var campaigns: Campaigns { Campaigns(client: self) }

    /// Flights of a campaign, with their line item, sublines and commission.
    public var flights: Flights { Flights(client: self) }

    /// Discounts on campaigns.
    public var campaignDiscounts: CampaignDiscounts { CampaignDiscounts(client: self) }

    /// Discounts on single flights, inside a campaign discount.
    public var flightDiscounts: FlightDiscounts { FlightDiscounts(client: self) }

    /// Customers and the CRM sync.
    public var customers: Customers { Customers(client: self) }

    /// Saved graph and custom report downloads.
    public var reports: Reports { Reports(client: self) }
}
