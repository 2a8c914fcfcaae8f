/// The measured difference between goTom's clock and the local one: the client's only shared mutable state.
///
/// Every copy of a ``GoTomClient`` shares one store. When goTom rejects a request as too old or too far in the
/// future, the pipeline records the offset from the response's `Date` header here, and every later request
/// is signed with the local clock plus this offset.
actor ClockOffsetStore {
    /// Seconds to add to the local clock; positive when goTom's clock is ahead.
    private(set) var offsetSeconds: Int64 = 0

    /// Replaces the offset with a new measurement.
    ///
    /// - Parameter seconds: goTom's time minus the local time, in seconds.
    func record(_ seconds: Int64) {
        offsetSeconds = seconds
    }
}
