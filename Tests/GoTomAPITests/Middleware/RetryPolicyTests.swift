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

    @Test("only failures before connecting count as undelivered")
    func delivery() {
        #expect(GoTomTransportError.connectionFailed("cannot connect to x:1 (refused)").requestCannotHaveBeenDelivered)
        #expect(GoTomTransportError.timedOut("could not connect in time").requestCannotHaveBeenDelivered)
        #expect(GoTomTransportError.tlsFailed("handshake").requestCannotHaveBeenDelivered)
        #expect(!GoTomTransportError.timedOut("no complete response in time").requestCannotHaveBeenDelivered)
        #expect(!GoTomTransportError.connectionLost("reset").requestCannotHaveBeenDelivered)
        #expect(!GoTomTransportError.connectionFailed("Connection reset by peer").requestCannotHaveBeenDelivered)
    }
}
