/// How invoices reach an address.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct InvoiceSendingRule: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: String

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// By e-mail to the listed addresses.
    public static let email = InvoiceSendingRule(rawValue: "email")

    /// By post.
    public static let post = InvoiceSendingRule(rawValue: "post")

    /// The values the specs document, in spec order.
    public static let knownValues: [InvoiceSendingRule] = [.email, .post]
}
