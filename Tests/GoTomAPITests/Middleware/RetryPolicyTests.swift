import GoTomAPI
import GoTomAuth
import Testing

@Suite("Retry policy and Retry-After")
struct RetryPolicyTests {
    @Test("exponential backoff without jitter, capped at maxDelay")
    func backoff() {
        let policy = RetryPolicy(initialDelay: .milliseconds(100), maxDelay: .seconds(1), multiplier: 3, jitter: 0)
        #expect(
            (1...5).map { policy.backoff(retry: $0, random: 0.7) } == [
                .milliseconds(100), .milliseconds(300), .milliseconds(900), .seconds(1), .seconds(1),
            ])
    }

    @Test("jitter takes a random share off the wait", arguments: [0.0, 0.5, 0.999])
    func jitter(random: Double) {
        let policy = RetryPolicy(initialDelay: .seconds(2), jitter: 0.5)
        let delay = policy.backoff(retry: 1, random: random)
        #expect(delay <= .seconds(2))
        #expect(delay >= .seconds(1))
        #expect(delay == .seconds(2) * (1 - 0.5 * random))
    }

    @Test("Retry-After in seconds or as an HTTP date, measured against the response's Date")
    func retryAfter() {
        let now = UnixTime(seconds: 1_730_974_875)  // 2024-11-07T10:21:15Z
        #expect(RetryAfter.delay("7", responseDate: nil, now: now) == .seconds(7))
        #expect(RetryAfter.delay(" 0 ", responseDate: nil, now: now) == .zero)
        #expect(
            RetryAfter.delay("Thu, 07 Nov 2024 10:21:45 GMT", responseDate: nil, now: now) == .seconds(30))
        #expect(
            RetryAfter.delay(
                "Thu, 07 Nov 2024 10:21:45 GMT", responseDate: "Thu, 07 Nov 2024 10:21:40 GMT",
                now: UnixTime(seconds: 0)) == .seconds(5))
        #expect(RetryAfter.delay("Thu, 07 Nov 2024 10:00:00 GMT", responseDate: nil, now: now) == .zero)
        #expect(RetryAfter.delay("soon", responseDate: nil, now: now) == nil)
        #expect(RetryAfter.delay("-3", responseDate: nil, now: now) == nil)
    }

    @Test("the stage alone decides delivery; the wording of the detail does not", arguments: DeliveryStage.allCases)
    func delivery(stage: DeliveryStage) {
        let expected = stage == .awaitingResponse || stage == .readingResponse
        for kind in [GoTomTransportError.Kind.connectionFailed, .tlsFailed, .timedOut, .connectionLost] {
            // Details that once decided delivery by their prefix no longer do.
            for detail in ["cannot connect to x:1 (refused)", "could not connect in time", "reset"] {
                let error = GoTomTransportError(kind, stage: stage, detail: detail)
                #expect(error.requestMayHaveBeenDelivered == expected, "\(kind) at \(stage)")
            }
        }
    }
}
