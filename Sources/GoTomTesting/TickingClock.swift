import Foundation
import GoTomAuth

/// A clock that moves one second forward every time it is read, so consecutive attempts get different dates;
/// `FixedWallClock` (GoTomAuth) is the one that stands still.
public final class TickingClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Int64

    /// Creates a clock that starts at `start`.
    ///
    /// - Parameter start: The time before the first reading.
    public init(start: UnixTime = UnixTime.now()) { current = start.seconds }

    /// One second after the previous reading.
    ///
    /// - Returns: The time.
    public func now() -> UnixTime {
        lock.withLock {
            current += 1
            return UnixTime(seconds: current)
        }
    }
}
