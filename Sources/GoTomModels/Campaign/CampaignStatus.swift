/// Whether a campaign is a firm booking or only a reservation.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct CampaignStatus: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: String

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A firm booking (the default for new campaigns).
    public static let booking = CampaignStatus(rawValue: "booking")

    /// A reservation that is not yet confirmed.
    public static let reservation = CampaignStatus(rawValue: "reservation")

    /// The values the specs document, in spec order.
    public static let knownValues: [CampaignStatus] = [.booking, .reservation]
}
