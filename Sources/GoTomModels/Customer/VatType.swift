/// The VAT treatment of a customer.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct VatType: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: Int

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Standard rate (the default).
    public static let standard = VatType(rawValue: 0)

    /// Exempt from VAT.
    public static let exempt = VatType(rawValue: 2)

    /// Reduced rate.
    public static let reduced = VatType(rawValue: 3)

    /// Exempt as an embassy.
    public static let exemptEmbassy = VatType(rawValue: 7)

    /// The values the specs document, in spec order.
    public static let knownValues: [VatType] = [.standard, .exempt, .reduced, .exemptEmbassy]
}
