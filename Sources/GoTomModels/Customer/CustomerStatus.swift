/// Whether a customer record is active.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct CustomerStatus: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: Int

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The customer is active.
    public static let active = CustomerStatus(rawValue: 1)

    /// The customer is inactive.
    public static let inactive = CustomerStatus(rawValue: 0)

    /// The values the specs document, in spec order.
    public static let knownValues: [CustomerStatus] = [.active, .inactive]
}
