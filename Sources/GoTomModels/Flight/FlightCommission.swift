import Foundation

/// The agency (BK) and intermediator (VMK) commission of a flight.
///
/// The same shape is read and written.
public struct FlightCommission: Codable, Hashable, Sendable {
    /// Agency commission in percent; send this or the amount.
    public var bkPercent: Decimal?

    /// Agency commission as an amount; send this or the percentage.
    public var bkAmount: Decimal?

    /// Kind of intermediator commission; goTom stores it on the campaign.
    public var vmkType: IntermediatorCommissionType?

    /// Intermediator commission in percent; send this or the amount.
    public var vmkPercent: Decimal?

    /// Intermediator commission as an amount; send this or the percentage.
    public var vmkAmount: Decimal?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - bkPercent: Agency commission in percent; send this or the amount.
    ///   - bkAmount: Agency commission as an amount; send this or the percentage.
    ///   - vmkType: Kind of intermediator commission; goTom stores it on the campaign.
    ///   - vmkPercent: Intermediator commission in percent; send this or the amount.
    ///   - vmkAmount: Intermediator commission as an amount; send this or the percentage.
    public init(
        bkPercent: Decimal? = nil,
        bkAmount: Decimal? = nil,
        vmkType: IntermediatorCommissionType? = nil,
        vmkPercent: Decimal? = nil,
        vmkAmount: Decimal? = nil
    ) {
        self.bkPercent = bkPercent
        self.bkAmount = bkAmount
        self.vmkType = vmkType
        self.vmkPercent = vmkPercent
        self.vmkAmount = vmkAmount
    }
}
