#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An instant as whole seconds since 1970-01-01T00:00:00Z.
///
/// goTom's server compares request dates at one-second resolution (PHP `strtotime`), so seconds are enough
/// and keep the signing path free of Foundation.
public struct UnixTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since the Unix epoch, negative before 1970.
    public var seconds: Int64

    /// Creates an instant from seconds since the Unix epoch.
    ///
    /// - Parameter seconds: Seconds since 1970-01-01T00:00:00Z.
    public init(seconds: Int64) {
        self.seconds = seconds
    }

    /// The current time of the system's real-time clock.
    public static func now() -> UnixTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UnixTime(seconds: Int64(spec.tv_sec))
    }

    /// Orders instants chronologically.
    public static func < (lhs: UnixTime, rhs: UnixTime) -> Bool { lhs.seconds < rhs.seconds }

    /// Returns this instant moved by a number of seconds.
    ///
    /// - Parameter seconds: The offset, negative for earlier.
    /// - Returns: The shifted instant.
    public func adding(seconds offset: Int64) -> UnixTime { UnixTime(seconds: seconds + offset) }

    /// The instant in the signer's default format, e.g. `2024-11-07T10:21:15Z`.
    public var description: String { DateHeaderFormat.iso8601UTC.format(self) }
}

/// A source of the current time, injected wherever a result depends on it.
///
/// Signing (the `Date` header) and verifying (the ±30 minute window) both read the clock; tests pass a
/// fixed clock, and the SDK passes one corrected for measured clock skew.
public protocol WallClock: Sendable {
    /// The current instant according to this clock.
    func now() -> UnixTime
}

/// The system's real-time clock.
public struct SystemWallClock: WallClock {
    /// Creates the system clock.
    public init() {}

    /// The current system time.
    public func now() -> UnixTime { UnixTime.now() }
}

/// A clock that always reports the same instant, for tests and reproducible signatures.
public struct FixedWallClock: WallClock {
    /// The instant this clock reports.
    public var instant: UnixTime

    /// Creates a clock stopped at `instant`.
    ///
    /// - Parameter instant: The instant to report.
    public init(_ instant: UnixTime) {
        self.instant = instant
    }

    /// The fixed instant.
    public func now() -> UnixTime { instant }
}

/// A clock running a fixed number of seconds ahead of (or behind) another clock.
///
/// Used to correct for a measured difference between the local clock and the server's.
public struct OffsetWallClock: WallClock {
    /// The clock being corrected.
    public var base: any WallClock
    /// Seconds added to the base clock's reading.
    public var offsetSeconds: Int64

    /// Creates a clock that reads `base` plus `offsetSeconds`.
    ///
    /// - Parameters:
    ///   - base: The clock to correct.
    ///   - offsetSeconds: Seconds to add, negative to go back.
    public init(base: any WallClock = SystemWallClock(), offsetSeconds: Int64) {
        self.base = base
        self.offsetSeconds = offsetSeconds
    }

    /// The base clock's time plus the offset.
    public func now() -> UnixTime { base.now().adding(seconds: offsetSeconds) }
}
