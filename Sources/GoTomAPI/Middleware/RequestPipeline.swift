import Foundation
import GoTomAuth
import Logging
import NIOCore

/// Sends an ``APIRequest``: logging, then retries, then clock-skew correction, then signing, then the
/// application's middlewares, then the transport.
///
/// Each attempt is signed afresh (new `Date`) with the local clock plus the measured offset, and handed to the
/// transport through ``PreparedRequest/make(server:method:requestURI:contentType:body:signer:date:)``, so the bytes
/// and URI that are signed are the ones sent. Every step reports to the observer, the span and the metrics.
struct RequestPipeline: Sendable {
    /// A response with an accepted status, and how many sends it took.
    struct Exchange: Sendable {
        /// The response; its body has not been read.
        var response: RawResponse
        /// How many times the request was sent.
        var attempts: Int
    }

    /// The result of one attempt, after a possible clock-skew retry.
    private enum Outcome {
        case accepted(RawResponse)
        case failedResponse(status: Int, headers: [(name: String, value: String)], body: [UInt8])
        case failedTransport(GoTomTransportError)
    }

    let server: ServerAddress
    let transport: any GoTomTransport
    let configuration: GoTomClient.Configuration
    let clockOffset: ClockOffsetStore

    /// One signer per API group (its own credentials, else the default ones), made once — a signer absorbs its
    /// secret into the HMAC state when it is created — and signing with the offset-corrected clock.
    private let signers: [APIGroup: RequestSigner]

    init(
        server: ServerAddress, transport: any GoTomTransport, configuration: GoTomClient.Configuration,
        clockOffset: ClockOffsetStore
    ) {
        self.server = server
        self.transport = transport
        self.configuration = configuration
        self.clockOffset = clockOffset
        self.signers = Dictionary(
            uniqueKeysWithValues: APIGroup.allCases.map { group in
                (group, RequestSigner(credentials: configuration.credentials(for: group), clock: clockOffset))
            })
    }

    /// The most bytes of an error body read to interpret it.
    static let errorBodyLimit = 64 * 1024

    /// The content type of every request, GET included: goTom rejects requests without one.
    static let contentType = "application/json"

    private var logger: Logger { configuration.logger }
    private var policy: RetryPolicy { configuration.retryPolicy }

    /// Sends a request until a response with an accepted status arrives or no retry is left.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - accepting: The statuses the operation expects.
    /// - Returns: The accepted response, its body unread.
    /// - Throws: ``GoTomError`` for every other outcome.
    func send(_ request: APIRequest, accepting: Set<Int>) async throws(GoTomError) -> Exchange {
        var telemetry = OperationTelemetry(
            operation: request.operation, method: request.method, tracer: configuration.tracer,
            metricsFactory: configuration.metricsFactory)
        do {
            let exchange = try await sendAttempts(request, accepting: accepting, telemetry: &telemetry)
            telemetry.finish(
                attempts: exchange.attempts, status: exchange.response.statusCode,
                requestId: exchange.response.header("X-Request-Id"), error: nil)
            return exchange
        } catch {
            telemetry.finish(attempts: error.attempts, status: error.status, requestId: error.requestId, error: error)
            throw error
        }
    }

    private func sendAttempts(
        _ request: APIRequest, accepting: Set<Int>, telemetry: inout OperationTelemetry
    ) async throws(GoTomError) -> Exchange {
        var attempts = 0
        var retries = 0
        var possiblyDelivered = false
        var skewCorrected = false
        var budget = RetryBudget(total: policy.totalBudget, sleeper: configuration.sleeper)
        while true {
            if Task.isCancelled { throw cancelled(request, attempts: attempts) }
            let outcome = await attemptCorrectingSkew(
                request, accepting: accepting, attempts: &attempts, skewCorrected: &skewCorrected,
                telemetry: &telemetry)
            switch outcome {
            case .accepted(let response):
                return Exchange(response: response, attempts: attempts)
            case .failedTransport(let failure):
                if Task.isCancelled { throw cancelled(request, attempts: attempts) }
                // The stage the transport recorded decides, never the wording of the failure.
                let deliverable = failure.requestMayHaveBeenDelivered
                let delay = retryDelay(
                    request, retries: retries, mayHaveBeenDelivered: deliverable, retryAfter: nil, budget: budget)
                guard let delay else {
                    var error = GoTomError.transport(failure, operation: request.operation)
                    error.request = request.summary
                    error.attempts = attempts
                    throw error
                }
                telemetry.retryScheduled(
                    reason: failure.description, label: "transport_\(failure.stage)", nextAttempt: attempts + 1)
                try await wait(delay, before: attempts + 1, reason: failure.description, request, &budget)
                possiblyDelivered = possiblyDelivered || deliverable
                retries += 1
            case .failedResponse(let status, let headers, let body):
                if policy.retryableStatuses.contains(status) {
                    let now = clockOffset.now()
                    let retryAfter = RawResponse.header("Retry-After", in: headers).flatMap { value in
                        RetryAfter.delay(value, responseDate: RawResponse.header("Date", in: headers), now: now)
                    }
                    let delay = retryDelay(
                        request, retries: retries, mayHaveBeenDelivered: true, retryAfter: retryAfter, budget: budget)
                    if let delay {
                        telemetry.retryScheduled(
                            reason: "HTTP \(status)", label: "status_\(status)", nextAttempt: attempts + 1)
                        try await wait(delay, before: attempts + 1, reason: "HTTP \(status)", request, &budget)
                        possiblyDelivered = true
                        retries += 1
                        continue
                    }
                }
                throw GoTomError.from(
                    status: status, headers: headers, body: body, request: request, resent: possiblyDelivered,
                    attempts: attempts
                )
            }
        }
    }

    /// One attempt; when goTom rejects the `Date` as too old or too far ahead, measures the offset from the
    /// response's `Date`, stores it and sends once more, signed with the corrected clock (once per operation).
    private func attemptCorrectingSkew(
        _ request: APIRequest, accepting: Set<Int>, attempts: inout Int,
        skewCorrected: inout Bool, telemetry: inout OperationTelemetry
    ) async -> Outcome {
        while true {
            attempts += 1
            let outcome = await attempt(request, accepting: accepting, number: attempts, telemetry: telemetry)
            guard !skewCorrected, case .failedResponse(401, let headers, let body) = outcome,
                let offset = Self.measuredSkew(headers: headers, body: body, localNow: configuration.clock.now())
            else { return outcome }
            let previous = clockOffset.offsetSeconds
            clockOffset.record(offset)
            logger.warning(
                "goTom rejected the request date; re-signing with the measured clock offset",
                metadata: [
                    "gotom.operation": "\(request.operation)",
                    "gotom.clock_offset_s": "\(offset)",
                    "gotom.previous_clock_offset_s": "\(previous)",
                    "gotom.attempt": "\(attempts + 1)",
                ]
            )
            configuration.observer?(
                .clockCorrected(
                    .init(operation: request.operation, offsetSeconds: offset, previousOffsetSeconds: previous)))
            telemetry.clockCorrected(offsetSeconds: offset)
            skewCorrected = true
        }
    }

    /// goTom's clock minus the local clock, when a 401 says the request date is outside the window.
    static func measuredSkew(
        headers: [(name: String, value: String)], body: [UInt8], localNow: UnixTime
    ) -> Int64? {
        // goTom sends the message as a JSON string; accept plain text too.
        let text =
            (try? JSONDecoder().decode(String.self, from: Data(body)))
            ?? String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let failure = VerificationError(serverMessage: text), failure.isClockSkew,
            let date = RawResponse.header("Date", in: headers), let serverNow = DateHeaderParser.parse(date)
        else { return nil }
        return serverNow.seconds - localNow.seconds
    }

    /// Signs and sends once.
    private func attempt(
        _ request: APIRequest, accepting: Set<Int>, number: Int, telemetry: OperationTelemetry
    ) async -> Outcome {
        let signer = signers[request.group]!
        let prepared: PreparedRequest
        do {
            prepared = try await PreparedRequest.prepare(
                server: server, method: request.method, requestURI: request.requestURI,
                contentType: Self.contentType, body: request.body.map { .bytes($0) } ?? .empty, signer: signer
            )
        } catch {
            return .failedTransport(error)
        }
        // No header may change after signing: the transport gets exactly the signed fields and the User-Agent.
        assert(
            prepared.outgoing.headers.map(\.value) == prepared.signed.fields.map(\.value) + [GoTomKitVersion.userAgent]
        )
        assert(prepared.outgoing.requestURI == prepared.signed.message.requestURI)
        logger.debug(
            "sending request",
            metadata: [
                "gotom.operation": "\(request.operation)",
                "gotom.method": "\(request.method)",
                "gotom.uri": "\(request.requestURI)",
                "gotom.date": "\(prepared.signed.date)",
                "gotom.authorization": "\(prepared.signed.authorization.redactedValue)",
                "gotom.attempt": "\(number)",
            ]
        )
        configuration.observer?(
            .attemptSent(
                .init(
                    operation: request.operation, method: request.method, requestURI: request.requestURI,
                    attempt: number, date: prepared.signed.date,
                    redactedAuthorization: prepared.signed.authorization.redactedValue)))
        let started = ContinuousClock.now
        let response: RawResponse
        do {
            response = try await dispatch(
                SignedAttempt(
                    operation: request.operation, group: request.group, number: number, request: prepared.outgoing,
                    signed: prepared.signed),
                middleware: 0)
        } catch {
            telemetry.attemptFinished(status: nil, duration: ContinuousClock.now - started)
            logger.debug(
                "request failed without response",
                metadata: ["gotom.operation": "\(request.operation)", "gotom.error": "\(error)"]
            )
            configuration.observer?(.attemptFailed(.init(operation: request.operation, attempt: number, error: error)))
            return .failedTransport(error)
        }
        let duration = ContinuousClock.now - started
        telemetry.attemptFinished(status: response.statusCode, duration: duration)
        let requestId = response.header("X-Request-Id")
        logger.debug(
            "response received",
            metadata: [
                "gotom.operation": "\(request.operation)",
                "gotom.status": "\(response.statusCode)",
                "gotom.request_id": "\(requestId ?? "-")",
                "gotom.attempt": "\(number)",
            ]
        )
        configuration.observer?(
            .responseReceived(
                .init(
                    operation: request.operation, method: request.method, requestURI: request.requestURI,
                    attempt: number, status: response.statusCode, requestId: requestId, duration: duration)))
        if accepting.contains(response.statusCode) { return .accepted(response) }
        let body = await Self.readPrefix(of: response.body, limit: Self.errorBodyLimit)
        return .failedResponse(status: response.statusCode, headers: response.headers, body: body)
    }

    /// Passes a signed attempt through the middlewares from `middleware` on, then to the transport.
    ///
    /// The attempt is handed on unchanged: a middleware gets it read-only and `next` takes no request, so no
    /// header, target or body can change after signing.
    private func dispatch(_ attempt: SignedAttempt, middleware index: Int) async throws(GoTomTransportError)
        -> RawResponse
    {
        do {
            if index == configuration.middlewares.count {
                if let transport = transport as? HTTPTransport {
                    return try await transport.transfer(attempt.request)
                }
                return try await transport.send(attempt.request, operation: attempt.operation)
            }
            return try await configuration.middlewares[index].intercept(attempt) {
                try await dispatch(attempt, middleware: index + 1)
            }
        } catch let error as GoTomTransportError {
            throw error
        } catch {
            throw GoTomTransportError(.connectionLost, stage: .awaitingResponse, detail: "\(error)")
        }
    }

    /// The wait before the next attempt, or `nil` when the request must not or cannot be retried.
    private func retryDelay(
        _ request: APIRequest, retries: Int, mayHaveBeenDelivered: Bool, retryAfter: Duration?, budget: RetryBudget
    ) -> Duration? {
        guard retries + 1 < policy.maxAttempts else { return nil }
        let repeatable = request.repeatability == .idempotent || policy.retryCreates || !mayHaveBeenDelivered
        guard repeatable else {
            logger.debug(
                "not retrying: the request may have reached goTom and is not safe to repeat",
                metadata: ["gotom.operation": "\(request.operation)"]
            )
            return nil
        }
        let delay = retryAfter ?? policy.backoff(retry: retries + 1, random: Double.random(in: 0..<1))
        guard budget.allows(delay) else {
            logger.debug(
                "not retrying: the retry budget would be exceeded",
                metadata: ["gotom.operation": "\(request.operation)", "gotom.delay_ms": "\(delay.milliseconds)"]
            )
            return nil
        }
        return delay
    }

    /// Logs and reports the retry, then sleeps.
    private func wait(
        _ delay: Duration, before attempt: Int, reason: String, _ request: APIRequest, _ budget: inout RetryBudget
    ) async throws(GoTomError) {
        logger.warning(
            "retrying request",
            metadata: [
                "gotom.operation": "\(request.operation)",
                "gotom.attempt": "\(attempt)",
                "gotom.reason": "\(reason)",
                "gotom.delay_ms": "\(delay.milliseconds)",
            ]
        )
        configuration.observer?(
            .retryScheduled(.init(operation: request.operation, nextAttempt: attempt, delay: delay, reason: reason)))
        let started = configuration.sleeper.now()
        do {
            try await configuration.sleeper.sleep(for: delay)
        } catch {
            throw cancelled(request, attempts: attempt - 1)
        }
        budget.slept(requested: delay, actual: configuration.sleeper.now() - started)
    }

    private func cancelled(_ request: APIRequest, attempts: Int) -> GoTomError {
        var error = GoTomError.make(.cancelled, detail: "the task was cancelled", operation: request.operation)
        error.request = request.summary
        error.attempts = attempts
        return error
    }

    /// Reads at most `limit` bytes of a body; a failure while reading keeps what arrived.
    static func readPrefix(of body: ResponseBody, limit: Int) async -> [UInt8] {
        var bytes: [UInt8] = []
        do {
            for try await chunk in body {
                bytes.append(contentsOf: chunk.readableBytesView.prefix(limit - bytes.count))
                if bytes.count >= limit { break }
            }
        } catch {
            // Keep the partial body: it still helps to explain the failure.
        }
        return bytes
    }
}

/// Tracks the time one operation has used, counting requested sleeps rather than real ones so that an
/// injected sleeper that returns at once still exhausts the budget.
struct RetryBudget: Sendable {
    let total: Duration
    private let sleeper: RetrySleeper
    private let started: Duration
    private var realSleep: Duration = .zero
    private var requestedSleep: Duration = .zero

    /// A budget measured on the sleeper's clock, from now.
    init(total: Duration, sleeper: RetrySleeper) {
        self.total = total
        self.sleeper = sleeper
        self.started = sleeper.now()
    }

    /// Whether waiting `delay` more stays within the budget.
    func allows(_ delay: Duration) -> Bool {
        (sleeper.now() - started) - realSleep + requestedSleep + delay <= total
    }

    /// Records a sleep.
    mutating func slept(requested: Duration, actual: Duration) {
        requestedSleep += requested
        realSleep += actual
    }
}

extension Duration {
    /// Whole milliseconds, for log metadata.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
