/// A kind of flight change to push to the ad server.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct AdServerPushChangeType: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: String

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Start or end changed.
    public static let runtime = AdServerPushChangeType(rawValue: "runtime")

    /// Booked units changed.
    public static let units = AdServerPushChangeType(rawValue: "units")

    /// Some other setting changed.
    public static let other = AdServerPushChangeType(rawValue: "other")

    /// Placements changed.
    public static let placements = AdServerPushChangeType(rawValue: "placements")

    /// The values the specs document, in spec order.
    public static let knownValues: [AdServerPushChangeType] = [.runtime, .units, .other, .placements]
}
