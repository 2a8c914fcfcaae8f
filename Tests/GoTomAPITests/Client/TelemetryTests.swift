import GoTomAPI
import GoTomAuth
import InMemoryTracing
import MetricsTestKit
import Testing
import Tracing

/// Spans and metrics of operations, recorded by an in-memory tracer and metrics backend.
@Suite("Telemetry")
struct TelemetryTests {
    @Test("one span per operation with method, status, attempts, retry reasons and request id; metrics per attempt")
    func retriedOperation() async throws {
        let script = SeamsTests.ScriptedTransport([503])
        let tracer = InMemoryTracer()
        let metrics = TestMetrics()
        var (configuration, _) = SeamsTests.configuration()
        configuration.tracer = tracer
        configuration.metricsFactory = metrics
        let client = try GoTomClient(configuration: configuration, transport: script.transport)
        _ = try await client.campaigns.get("c")

        let span = try #require(tracer.finishedSpans.only)
        #expect(span.operationName == "campaigns.get")
        #expect(span.kind == .client)
        #expect(span.attributes["gotom.operation"]?.toSpanAttribute() == .string("campaigns.get"))
        #expect(span.attributes["http.request.method"]?.toSpanAttribute() == .string("GET"))
        #expect(span.attributes["http.response.status_code"]?.toSpanAttribute() == .int64(200))
        #expect(span.attributes["gotom.attempts"]?.toSpanAttribute() == .int64(2))
        #expect(span.attributes["gotom.retry_reasons"]?.toSpanAttribute() == .stringArray(["HTTP 503"]))
        #expect(span.attributes["gotom.request_id"]?.toSpanAttribute() == .string("rid-200"))
        #expect(span.events.map(\.name) == ["retry"])
        #expect(span.status == nil)

        let labels = [("operation", "campaigns.get")]
        #expect(try metrics.expectCounter("gotom_client_requests_total", labels + [("status", "503")]).totalValue == 1)
        #expect(try metrics.expectCounter("gotom_client_requests_total", labels + [("status", "200")]).totalValue == 1)
        let retries = try metrics.expectCounter("gotom_client_retries_total", labels + [("reason", "status_503")])
        #expect(retries.totalValue == 1)
        #expect(try metrics.expectTimer("gotom_client_request_duration_seconds", labels).values.count == 2)
    }

    @Test("a failed operation ends its span with an error status; no label carries a secret")
    func failedOperation() async throws {
        let tracer = InMemoryTracer()
        let metrics = TestMetrics()
        var (configuration, _) = SeamsTests.configuration()
        configuration.tracer = tracer
        configuration.metricsFactory = metrics
        let failing = InMemoryTransport { _, _ in
            throw GoTomTransportError(.connectionLost, stage: .awaitingResponse, detail: "reset")
        }
        let client = try GoTomClient(configuration: configuration, transport: failing)
        _ = try await expectGoTomError { () async throws in try await client.campaigns.create(Models.campaign("c")) }
        let span = try #require(tracer.finishedSpans.only)
        #expect(span.status?.code == .error)
        #expect(span.attributes["gotom.attempts"]?.toSpanAttribute() == .int64(1))
        #expect(span.errors.count == 1)
        let counter = try metrics.expectCounter(
            "gotom_client_requests_total", [("operation", "campaigns.create"), ("status", "transport_error")])
        #expect(counter.totalValue == 1)
        let everything = metrics.counters.flatMap { $0.dimensions.map { "\($0.0)=\($0.1)" } }.joined(separator: " ")
        #expect(!everything.contains(SeamsTests.credentials.secret))
    }

    @Test("with nothing bootstrapped and nothing configured, no span is started")
    func silentByDefault() async throws {
        // The process-wide tracer is the no-op one unless a test bootstraps it; this suite never does.
        #expect(InstrumentationSystem.tracer is NoOpTracer)
        let script = SeamsTests.ScriptedTransport([])
        let (configuration, _) = SeamsTests.configuration()
        let client = try GoTomClient(configuration: configuration, transport: script.transport)
        _ = try await client.campaigns.get("c")
        #expect(script.received.count == 1)
    }
}

extension Array {
    /// The single element, or `nil` when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
