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

    /// Creates a client with its own connection pool.
    ///
    /// - Parameter configuration: Base URL, credentials and options.
    /// - Throws: ``GoTomError/invalidRequest`` when the base URL is not an http(s) origin or the CA file
    ///   cannot be read.
    public init(configuration: Configuration) throws {
        let server: ServerAddress
        let transport: HTTPTransport
        do {
            server = try ServerAddress(baseURL: configuration.baseURL)
            transport = try HTTPTransport(configuration: configuration.transportConfiguration)
        } catch {
            throw GoTomError.make(.invalidRequest, detail: "\(error)")
        }
        self.configuration = configuration
        self.server = server
        self.pipeline = RequestPipeline(
            server: server, transport: transport, configuration: configuration, clockOffset: ClockOffsetStore(base: configuration.clock)
        )
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

    /// Closes the connection pool. Call once, after the last request; every copy of the client stops working.
    ///
    /// - Throws: ``GoTomError/transport`` when the pool fails to close cleanly.
    public func shutdown() async throws {
        do {
            try await pipeline.transport.shutdown()
        } catch {
            throw GoTomError.transport(.connectionFailed("shutdown failed: \(error)"), operation: "shutdown")
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
