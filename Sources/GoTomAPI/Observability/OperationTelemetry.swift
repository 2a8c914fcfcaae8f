import CoreMetrics
import Tracing

/// The span and metrics of one operation.
///
/// With neither a tracer nor a metrics backend set up (the process bootstrapped none and the configuration names
/// none) it holds nothing and every method returns at once: two type checks per operation.
package struct OperationTelemetry {
    /// Metric labels, one place.
    enum Label {
        static let requests = "gotom_client_requests_total"
        static let duration = "gotom_client_request_duration_seconds"
        static let retries = "gotom_client_retries_total"
        static let clockOffset = "gotom_client_clock_offset_seconds"
    }

    private let span: (any Span)?
    private let metrics: (any MetricsFactory)?
    private let operation: String
    private var retryReasons: [String] = []

    /// Whether anything is recorded.
    package var isActive: Bool { span != nil || metrics != nil }

    package init(
        operation: String, method: String, tracer: (any Tracer)?, metricsFactory: (any MetricsFactory)?
    ) {
        self.operation = operation
        let tracer = tracer ?? InstrumentationSystem.tracer
        if tracer is NoOpTracer {
            span = nil
        } else {
            let span = tracer.startSpan(operation, ofKind: .client)
            span.attributes["gotom.operation"] = operation
            span.attributes["http.request.method"] = method
            self.span = span
        }
        let factory = metricsFactory ?? MetricsSystem.factory
        metrics = factory is NOOPMetricsHandler ? nil : factory
    }

    /// Counts one attempt by its status (`transport_error` when none arrived) and records its latency.
    package func attemptFinished(status: Int?, duration: Duration) {
        guard let metrics else { return }
        let status = status.map(String.init) ?? "transport_error"
        Counter(label: Label.requests, dimensions: [("operation", operation), ("status", status)], factory: metrics)
            .increment()
        Timer(label: Label.duration, dimensions: [("operation", operation)], factory: metrics)
            .recordNanoseconds(duration.nanoseconds)
    }

    /// Records a retry: a span event and a counter labelled with a bounded reason (`status_503`,
    /// `transport_awaitingResponse`).
    mutating func retryScheduled(reason: String, label: String, nextAttempt: Int) {
        if let span {
            retryReasons.append(reason)
            span.addEvent(
                SpanEvent(
                    name: "retry",
                    attributes: [
                        "gotom.reason": .string(reason),
                        "gotom.attempt": .int64(Int64(nextAttempt)),
                    ]))
        }
        if let metrics {
            Counter(label: Label.retries, dimensions: [("operation", operation), ("reason", label)], factory: metrics)
                .increment()
        }
    }

    /// Records the clock offset now used for signing.
    func clockCorrected(offsetSeconds: Int64) {
        span?.addEvent(SpanEvent(name: "clock corrected", attributes: ["gotom.clock_offset_s": .int64(offsetSeconds)]))
        if let metrics {
            Gauge(label: Label.clockOffset, factory: metrics).record(offsetSeconds)
        }
    }

    /// Ends the span with the outcome.
    package func finish(attempts: Int, status: Int?, requestId: String?, error: GoTomError?) {
        guard let span else { return }
        span.attributes["gotom.attempts"] = attempts
        if let status { span.attributes["http.response.status_code"] = status }
        if let requestId { span.attributes["gotom.request_id"] = requestId }
        if !retryReasons.isEmpty { span.attributes["gotom.retry_reasons"] = retryReasons }
        if let error {
            span.recordError(error)
            span.setStatus(SpanStatus(code: .error, message: error.name))
        }
        span.end()
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
