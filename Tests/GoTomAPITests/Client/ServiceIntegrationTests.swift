import AsyncHTTPClient
import Foundation
import GoTomAPI
import GoTomAuth
import GoTomModels
import GoTomSandbox
import InMemoryTracing
import MetricsTestKit
import Testing
import Tracing

/// A service's view: settings from a profile file and the environment, the shared `HTTPClient`, an in-memory
/// tracer and metrics backend, against a sandbox whose clock is an hour ahead (a real retried call).
@Suite("Service integration")
struct ServiceIntegrationTests {
    /// Answers the first attempt of `campaigns.get` with 503, as an overloaded load balancer in front of goTom would.
    struct FlakyGateway: GoTomMiddleware {
        func intercept(
            _ attempt: SignedAttempt, next: @Sendable () async throws -> RawResponse
        ) async throws -> RawResponse {
            if attempt.operation == "campaigns.get", attempt.number == 1 {
                return RawResponse(statusCode: 503, headers: [(name: "Retry-After", value: "1")])
            }
            return try await next()
        }
    }

    @Test("profile + environment over HTTPClient.shared: spans and metrics of a run with retried calls")
    func run() async throws {
        let start = UnixTime.now()
        let sandbox = try await SandboxServer.start(
            configuration: SandboxConfiguration(
                port: 0, storage: .inMemory, tls: true, user: sandboxCredentials.user,
                secret: sandboxCredentials.secret, clock: FixedWallClock(UnixTime(seconds: start.seconds + 3600))))
        let outcome = await capture {
            let caPath = try #require(sandbox.caCertificatePath)
            let profiles = try SettingsTests.profileFile(
                """
                [service]
                base_url = \(sandbox.baseURL)
                cacert = \(caPath)
                customer.user = \(sandboxCredentials.user)
                customer.secret = \(sandboxCredentials.secret)
                """)
            // The default user comes from the environment, the CRM user from the profile; the proxy variable is
            // read and bypassed for the loopback sandbox.
            let environment = [
                "GOTOM_PROFILE": "service", "GOTOM_USER": sandboxCredentials.user,
                "GOTOM_SECRET": sandboxCredentials.secret, "HTTPS_PROXY": "http://proxy.invalid:3128",
                "NO_PROXY": "127.0.0.1",
            ]
            let settings = try GoTomSettings.resolve(environment: environment, configPath: profiles)
            #expect(settings.sources["user"] == "environment GOTOM_USER")
            #expect(settings.sources["customer.user"] == "profile 'service' in \(profiles)")
            let tracer = InMemoryTracer()
            let metrics = TestMetrics()
            var configuration = try settings.configuration()
            #expect(configuration.proxy == nil)
            configuration.tracer = tracer
            configuration.metricsFactory = metrics
            configuration.clock = FixedWallClock(start)
            configuration.middlewares = [FlakyGateway()]
            configuration.sleeper = RetrySleeper { _ in }
            try await GoTomClient.withClient(configuration: configuration, httpClient: .shared) { client in
                _ = try await client.primaryKeys(.platform)
                try await client.campaigns.create(Models.campaign("svc-1"))
                #expect(try await client.campaigns.get("svc-1").name == "Frühling 2025")
                #expect(try await client.customers.get("CRM-1001").externalCrmId == "CRM-1001")
            }
            return (tracer.finishedSpans, metrics)
        }
        try await sandbox.stop()
        let (spans, metrics) = try outcome.get()

        #expect(spans.map(\.operationName) == ["primaryKeys", "campaigns.create", "campaigns.get", "customers.get"])
        let keys = spans[0]
        #expect(keys.attributes["gotom.attempts"]?.toSpanAttribute() == .int64(2))
        #expect(keys.attributes["http.response.status_code"]?.toSpanAttribute() == .int64(200))
        #expect(keys.events.map(\.name) == ["clock corrected"])
        let get = spans[2]
        #expect(get.attributes["gotom.attempts"]?.toSpanAttribute() == .int64(2))
        #expect(get.attributes["gotom.retry_reasons"]?.toSpanAttribute() == .stringArray(["HTTP 503"]))
        #expect(spans.allSatisfy { $0.status == nil })

        func requests(_ operation: String, _ status: Int) throws -> Int64 {
            try metrics.expectCounter(
                "gotom_client_requests_total", [("operation", operation), ("status", "\(status)")]
            ).totalValue
        }
        #expect(try requests("primaryKeys", 401) == 1)
        #expect(try requests("primaryKeys", 200) == 1)
        #expect(try requests("campaigns.create", 201) == 1)
        #expect(try requests("campaigns.get", 503) == 1)
        #expect(try requests("campaigns.get", 200) == 1)
        #expect(try requests("customers.get", 200) == 1)
        let retries = try metrics.expectCounter(
            "gotom_client_retries_total", [("operation", "campaigns.get"), ("reason", "status_503")])
        #expect(retries.totalValue == 1)
        #expect(try metrics.expectGauge("gotom_client_clock_offset_seconds").lastValue == 3600)
        let latency = try metrics.expectTimer("gotom_client_request_duration_seconds", [("operation", "primaryKeys")])
        #expect(latency.values.count == 2)
    }
}
