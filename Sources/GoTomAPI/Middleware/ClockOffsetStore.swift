import Foundation

/// The measured difference between goTom's clock and the local one: the client's only shared mutable state.
///
/// Every copy of a ``GoTomClient`` shares one store. When goTom rejects a request as too old or too far in the
/// future, the pipeline records the offset from the response's `Date` header here, and every later request
/// is signed with the local clock plus this offset.
///
/// Every attempt reads the offset, so reading is a short lock rather than an actor hop (a task switch per
/// request); the value is a single integer and is never held across a suspension.
final class ClockOffsetStore: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Int64 = 0

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
