/// How far the advertising material of a flight has got.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct AdvertisingStatus: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: String

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Material has not arrived yet.
    public static let open = AdvertisingStatus(rawValue: "open")

    /// Material has arrived.
    public static let received = AdvertisingStatus(rawValue: "received")

    /// Material is set up in the ad server.
    public static let integrated = AdvertisingStatus(rawValue: "integrated")

    /// The values the specs document, in spec order.
    public static let knownValues: [AdvertisingStatus] = [.open, .received, .integrated]
}
