/// Whether a contact person is active.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct ContactStatus: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: String

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Active (the default).
    public static let active = ContactStatus(rawValue: "A")

    /// Not active.
    public static let inactive = ContactStatus(rawValue: "N")

    /// The values the specs document, in spec order.
    public static let knownValues: [ContactStatus] = [.active, .inactive]
}
