/// Waits between retries.
///
/// The client sleeps through this value so tests can inject one that records the wait and returns at once.
public struct RetrySleeper: Sendable {
    private let body: @Sendable (Duration) async throws -> Void

    /// Creates a sleeper from a closure.
    ///
    /// - Parameter sleep: Waits for the given duration; throws when the task is cancelled.
    public init(_ sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.body = sleep
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
