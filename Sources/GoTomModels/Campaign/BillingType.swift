/// How the flights of a campaign are put on invoices; instances may allow only some values.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct BillingType: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: Int

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Invoices are set up and flights assigned by hand.
    public static let custom = BillingType(rawValue: 0)

    /// Every flight goes on a single invoice after the campaign has run.
    public static let endOfCampaign = BillingType(rawValue: 1)

    /// Monthly invoices, with each flight's value spread over its days.
    public static let monthlyByDailyValue = BillingType(rawValue: 2)

    /// Monthly invoices by delivered value; needs an ad-server integration.
    public static let monthlyByDeliveryValue = BillingType(rawValue: 3)

    /// The values the specs document, in spec order.
    public static let knownValues: [BillingType] = [
        .custom,
        .endOfCampaign,
        .monthlyByDailyValue,
        .monthlyByDeliveryValue,
    ]
}
