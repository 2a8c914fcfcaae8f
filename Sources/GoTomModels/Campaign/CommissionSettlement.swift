/// How agency (BK) and intermediator (VMK) commissions are settled on invoices.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct CommissionSettlement: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: Int

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Both commissions are deducted directly (the default).
    public static let direct = CommissionSettlement(rawValue: 0)

    /// Agency commission direct; intermediator commission accrued (indirect).
    public static let accruedIntermediatorCommission = CommissionSettlement(rawValue: 2)

    /// Agency commission separate; intermediator commission accrued (indirect).
    public static let separateAgencyCommission = CommissionSettlement(rawValue: 3)

    /// Intermediator commission settled separately.
    public static let separateIntermediatorCommission = CommissionSettlement(rawValue: 4)

    /// The values the specs document, in spec order.
    public static let knownValues: [CommissionSettlement] = [
        .direct,
        .accruedIntermediatorCommission,
        .separateAgencyCommission,
        .separateIntermediatorCommission,
    ]
}
