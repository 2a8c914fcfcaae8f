import AsyncHTTPClient
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

extension HTTPTransport {
    /// Follows one request through AsyncHTTPClient: records the ``DeliveryStage`` its callbacks report, hands the
    /// response head to the waiting task and streams the body with back-pressure.
    final class ExchangeDelegate: HTTPClientResponseDelegate, NIOAsyncSequenceProducerDelegate, Sendable {
        typealias Response = Void
        typealias Waiter = CheckedContinuation<Result<RawResponse, GoTomTransportError>, Never>

        private struct State {
            var stage = DeliveryStage.connecting
            var task: HTTPClient.Task<Void>?
            var timeout: Scheduled<Void>?
            var timedOut = false
            /// Whether the head or a failure went to ``head()``; only the first outcome counts.
            var delivered = false
            /// The response head or failure, until ``head()`` takes it.
            var outcome: Result<RawResponse, GoTomTransportError>?
            var waiter: Waiter?
            var source: ResponseBody.Producer.Source?
            /// Completed when the reader wants more of the body.
            var demand: EventLoopPromise<Void>?
            /// The reader asked for more while no demand promise was waiting (it may ask between `yield` answering
            /// `stopProducing` and the promise being stored).
            var moreRequested = false
        }

        private let state = NIOLockedValueBox(State())
        private let server: ServerAddress

        init(server: ServerAddress) {
            self.server = server
        }

        /// Remembers the task and starts the response-head timer.
        func start(_ task: HTTPClient.Task<Void>, headTimeout: TimeAmount?) {
            // A task that fails before it reaches the delegate (a pool that was shut down) reports only here.
            task.futureResult.whenFailure { [self] error in
                let stage = state.withLockedValue { $0.stage }
                deliver(.failure(HTTPTransport.classify(error, reached: stage, server: server)))
            }
            state.withLockedValue { state in
                state.task = task
                guard let headTimeout, state.stage != .readingResponse, state.outcome == nil else { return }
                state.timeout = task.eventLoop.scheduleTask(in: headTimeout) { [self] in
                    let expired = self.state.withLockedValue { state -> Bool in
                        guard state.stage != .readingResponse else { return false }
                        state.timedOut = true
                        return true
                    }
                    if expired { task.fail(reason: HTTPClientError.deadlineExceeded) }
                }
            }
        }

        /// Waits for the response head, or the failure that came instead.
        func head() async -> Result<RawResponse, GoTomTransportError> {
            await withCheckedContinuation { continuation in
                let ready = state.withLockedValue { state -> Result<RawResponse, GoTomTransportError>? in
                    if let outcome = state.outcome {
                        state.outcome = nil
                        return outcome
                    }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }

        private func deliver(_ outcome: Result<RawResponse, GoTomTransportError>) {
            let waiter = state.withLockedValue { state -> Waiter? in
                guard !state.delivered else { return nil }
                state.delivered = true
                if let waiter = state.waiter {
                    state.waiter = nil
                    return Optional(waiter)
                }
                state.outcome = outcome
                return nil
            }
            waiter?.resume(returning: outcome)
        }

        // MARK: AsyncHTTPClient's callbacks

        func didSendRequestHead(task: HTTPClient.Task<Void>, _ head: HTTPRequestHead) {
            state.withLockedValue { $0.stage = .writingRequest }
        }

        func didSendRequest(task: HTTPClient.Task<Void>) {
            state.withLockedValue { $0.stage = .awaitingResponse }
        }

        func didReceiveHead(task: HTTPClient.Task<Void>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
            let body = ResponseBody.Producer.makeSequence(
                backPressureStrategy: .init(lowWatermark: 2, highWatermark: 8), finishOnDeinit: false, delegate: self)
            let timeout = state.withLockedValue { state in
                state.stage = .readingResponse
                state.source = body.source
                defer { state.timeout = nil }
                return state.timeout
            }
            timeout?.cancel()
            deliver(
                .success(
                    RawResponse(
                        statusCode: Int(head.status.code), reasonPhrase: head.status.reasonPhrase,
                        httpVersion: "\(head.version.major).\(head.version.minor)",
                        headers: head.headers.map { ($0.name, $0.value) }, body: ResponseBody(producer: body.sequence)
                    )))
            return task.eventLoop.makeSucceededVoidFuture()
        }

        func didReceiveBodyPart(task: HTTPClient.Task<Void>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
            guard let source = state.withLockedValue({ $0.source }) else {
                return task.eventLoop.makeSucceededVoidFuture()
            }
            switch source.yield(buffer) {
            case .produceMore, .dropped:
                state.withLockedValue { $0.moreRequested = false }
                return task.eventLoop.makeSucceededVoidFuture()
            case .stopProducing:
                let promise = task.eventLoop.makePromise(of: Void.self)
                let waits = state.withLockedValue { state -> Bool in
                    if state.moreRequested {
                        state.moreRequested = false
                        return false
                    }
                    state.demand = promise
                    return true
                }
                if !waits { promise.succeed() }
                return promise.futureResult
            }
        }

        func didFinishRequest(task: HTTPClient.Task<Void>) throws {
            let source = state.withLockedValue { state in
                defer { state.source = nil }
                return state.source
            }
            source?.finish()
        }

        func didReceiveError(task: HTTPClient.Task<Void>, _ error: any Error) {
            let (stage, timedOut, source, demand, timeout) = state.withLockedValue { state in
                defer {
                    state.source = nil
                    state.demand = nil
                    state.timeout = nil
                }
                return (state.stage, state.timedOut, state.source, state.demand, state.timeout)
            }
            timeout?.cancel()
            let failure =
                timedOut
                ? GoTomTransportError(.timedOut, stage: stage, detail: "no response head in time")
                : HTTPTransport.classify(error, reached: stage, server: server)
            if let source {
                demand?.fail(error)
                source.finish(failure)
            } else {
                deliver(.failure(failure))
            }
        }

        // MARK: The body's reader

        func produceMore() {
            let demand = state.withLockedValue { state in
                defer { state.demand = nil }
                if state.demand == nil { state.moreRequested = true }
                return state.demand
            }
            demand?.succeed()
        }

        func didTerminate() {
            // The reader stopped early (or read everything): a response still arriving is not wanted.
            let task = state.withLockedValue { state -> HTTPClient.Task<Void>? in
                state.source == nil ? nil : state.task
            }
            task?.cancel()
        }
    }
}
