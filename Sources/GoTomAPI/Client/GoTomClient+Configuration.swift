import CoreMetrics
import GoTomAuth
import Logging
import Tracing

extension GoTomClient {
    /// Everything a client needs: where goTom is, who signs, timeouts, retries, trust, logging and time.
    public struct Configuration: Sendable {
        /// The instance's origin, e.g. `https://demo.gotom.io` or `https://test-demo.gotom.io`; no path.
        public var baseURL: String
        /// The credentials that sign every request whose API group has no credentials of its own.
        public var credentials: Credentials
        /// Credentials per API group, e.g. the `crm_sync_import` user for ``APIGroup/customer``.
        public var groupCredentials: [APIGroup: Credentials]
        /// The longest time to establish a connection (TCP and TLS).
        public var connectTimeout: Duration
        /// The longest time from sending a request to receiving the response head, or `nil` for no limit.
        /// Reading a body (such as a large report) is not limited by it.
        public var requestTimeout: Duration?
        /// When and how often failed requests are sent again.
        public var retryPolicy: RetryPolicy
        /// A PEM file with an extra CA to trust, e.g. a local sandbox's; the system roots stay trusted.
        public var additionalCACertificatePath: String?
        /// The HTTP proxy to connect through, or `nil` for a direct connection.
        public var proxy: ProxySettings?
        /// The largest JSON response body accepted, in bytes (64 MiB by default).
        public var maxResponseBodySize: Int
        /// Where the client logs; silent by default. Secrets and signatures are never logged.
        public var logger: Logger
        /// The clock for the `Date` header; the system clock by default.
        public var clock: any WallClock
        /// Waits between retries; tests inject one that returns at once.
        public var sleeper: RetrySleeper
        /// Code that runs around every signed attempt, the first outermost (see ``GoTomMiddleware``).
        public var middlewares: [any GoTomMiddleware] = []
        /// Receives every ``RequestEvent`` (attempt sent, response, retry, clock correction); `nil` by default.
        /// It is called on the task that runs the operation and should return quickly.
        public var observer: (@Sendable (RequestEvent) -> Void)?
        /// The tracer for the span of each operation; `nil` uses the process's `InstrumentationSystem.tracer`.
        public var tracer: (any Tracer)?
        /// The metrics backend; `nil` uses the process's `MetricsSystem.factory`.
        public var metricsFactory: (any MetricsFactory)?

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - baseURL: The instance's origin, e.g. `https://demo.gotom.io`.
        ///   - credentials: The default credentials.
        ///   - groupCredentials: Credentials for particular API groups.
        ///   - connectTimeout: The connect timeout (10 seconds by default).
        ///   - requestTimeout: The time allowed until the response head (60 seconds by default).
        ///   - retryPolicy: The retry policy.
        ///   - additionalCACertificatePath: An extra CA file in PEM format.
        ///   - proxy: Proxy settings.
        ///   - maxResponseBodySize: The largest JSON body accepted, in bytes.
        ///   - logger: Where to log; silent by default.
        ///   - clock: The time source for signing.
        ///   - sleeper: How to wait between retries.
        public init(
            baseURL: String,
            credentials: Credentials,
            groupCredentials: [APIGroup: Credentials] = [:],
            connectTimeout: Duration = .seconds(10),
            requestTimeout: Duration? = .seconds(60),
            retryPolicy: RetryPolicy = .default,
            additionalCACertificatePath: String? = nil,
            proxy: ProxySettings? = nil,
            maxResponseBodySize: Int = 64 * 1024 * 1024,
            logger: Logger = Logger(label: "gotom.api", factory: { _ in SwiftLogNoOpLogHandler() }),
            clock: any WallClock = SystemWallClock(),
            sleeper: RetrySleeper = .system
        ) {
            self.baseURL = baseURL
            self.credentials = credentials
            self.groupCredentials = groupCredentials
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.retryPolicy = retryPolicy
            self.additionalCACertificatePath = additionalCACertificatePath
            self.proxy = proxy
            self.maxResponseBodySize = maxResponseBodySize
            self.logger = logger
            self.clock = clock
            self.sleeper = sleeper
        }

        /// The credentials that sign requests of an API group.
        ///
        /// - Parameter group: The API group.
        /// - Returns: The group's own credentials, or ``credentials``.
        public func credentials(for group: APIGroup) -> Credentials {
            groupCredentials[group] ?? credentials
        }

        /// The transport settings derived from this configuration.
        var transportConfiguration: TransportConfiguration {
            TransportConfiguration(
                connectTimeout: connectTimeout.seconds,
                requestTimeout: requestTimeout?.seconds,
                additionalCACertificatePath: additionalCACertificatePath,
                proxy: proxy
            )
        }
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    package var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
