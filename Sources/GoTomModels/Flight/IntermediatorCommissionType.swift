/// The kind of intermediator commission; it is stored per campaign.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct IntermediatorCommissionType: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: String

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Intermediator commission (Vermittlerkommission).
    public static let vmk = IntermediatorCommissionType(rawValue: "VMK")

    /// Direct-booking compensation (Direktbuchungsentschädigung).
    public static let dbe = IntermediatorCommissionType(rawValue: "DBE")

    /// The values the specs document, in spec order.
    public static let knownValues: [IntermediatorCommissionType] = [.vmk, .dbe]
}
