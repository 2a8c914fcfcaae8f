/// Waits between retries, and measures the time a retry budget spends.
///
/// The client sleeps through this value so tests can inject one that records the wait and returns at once. The
/// retry budget (``RetryPolicy/totalBudget``) reads the elapsed time from the same value, so a test that also
/// injects `now` (a clock its sleeps advance) sees exact budgets, whatever the real time of the attempts.
public struct RetrySleeper: Sendable {
    private let body: @Sendable (Duration) async throws -> Void
    private let clock: @Sendable () -> Duration

    /// Creates a sleeper from a closure; the budget is measured on the system's monotonic clock.
    ///
    /// - Parameter sleep: Waits for the given duration; throws when the task is cancelled.
    public init(_ sleep: @escaping @Sendable (Duration) async throws -> Void) {
        let origin = ContinuousClock.now
        self.init(now: { ContinuousClock.now - origin }, sleep)
    }

    /// Creates a sleeper with its own clock.
    ///
    /// Use it in tests: a sleep that advances `now` by the requested duration and returns at once makes
    /// retry delays and budgets independent of the machine's speed.
    ///
    /// - Parameters:
    ///   - now: Monotonic time since any fixed origin.
    ///   - sleep: Waits for the given duration; throws when the task is cancelled.
    public init(
        now: @escaping @Sendable () -> Duration, _ sleep: @escaping @Sendable (Duration) async throws -> Void
    ) {
        self.body = sleep
        self.clock = now
    }

    /// The current time of this sleeper's clock, since its origin.
    ///
    /// - Returns: Monotonic time; only differences are meaningful.
    public func now() -> Duration {
        clock()
    }

    /// Sleeps with `Task.sleep`, ending early with an error when the task is cancelled.
    public static var system: RetrySleeper {
        RetrySleeper { duration in try await Task.sleep(for: duration) }
    }

    /// Waits.
    ///
    /// - Parameter duration: How long.
    /// - Throws: Whatever the closure throws, typically `CancellationError`.
    public func sleep(for duration: Duration) async throws {
        try await body(duration)
    }
}
