import Foundation
import GoTomAuth

/// The measured difference between goTom's clock and the local one: the client's only shared mutable state.
///
/// Every copy of a ``GoTomClient`` shares one store. When goTom rejects a request as too old or too far in the
/// future, the pipeline records the offset from the response's `Date` header here, and every later request
/// is signed with the local clock plus this offset.
///
/// It is also the clock the client signs with — the configured clock plus the offset — so every signer and
/// every `Retry-After` computation sees the corrected time without adding the offset itself.
///
/// Every attempt reads the offset, so reading is a short lock rather than an actor hop (a task switch per
/// request); the value is a single integer and is never held across a suspension.
final class ClockOffsetStore: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Int64 = 0
    private let base: any WallClock

    /// Creates a store with no offset over the local clock `base`.
    init(base: any WallClock) {
        self.base = base
    }

    /// goTom's time as best known: the local clock plus the measured offset.
    func now() -> UnixTime {
        base.now().adding(seconds: offsetSeconds)
    }

    /// Seconds to add to the local clock; positive when goTom's clock is ahead.
    var offsetSeconds: Int64 {
        lock.withLock { seconds }
    }

    /// Replaces the offset with a new measurement.
    ///
    /// - Parameter seconds: goTom's time minus the local time, in seconds.
    func record(_ seconds: Int64) {
        lock.withLock { self.seconds = seconds }
    }
}
