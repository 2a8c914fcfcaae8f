/// The body that sets how a campaign's commissions are settled.
public struct CommissionStatus: Codable, Hashable, Sendable {
    /// The settlement mode; goTom accepts 0, 2, 3 and 4.
    public var commissionStatus: CommissionSettlement?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameter commissionStatus: The settlement mode; goTom accepts 0, 2, 3 and 4.
    public init(commissionStatus: CommissionSettlement? = nil) {
        self.commissionStatus = commissionStatus
    }
}
