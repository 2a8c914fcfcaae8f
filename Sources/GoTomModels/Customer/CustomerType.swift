/// The role a customer record plays (the `statusEc` field).
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct CustomerType: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: Int

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// An advertiser.
    public static let customer = CustomerType(rawValue: 1)

    /// An intermediator.
    public static let intermediator = CustomerType(rawValue: 2)

    /// An agency.
    public static let agency = CustomerType(rawValue: 3)

    /// A publisher; needs the marketer module.
    public static let publisher = CustomerType(rawValue: 5)

    /// The values the specs document, in spec order.
    public static let knownValues: [CustomerType] = [.customer, .intermediator, .agency, .publisher]
}
