import Foundation

/// The default commissions of an agency or intermediator.
///
/// Only meaningful for intermediators and agencies; goTom still sends it for every customer.
public struct CustomerCommission: Codable, Hashable, Sendable {
    /// Agency commission (BK) in percent.
    public var bkCommission: Decimal

    /// Intermediator commission (VMK) in percent.
    public var vmkCommission: Decimal

    /// How the commissions are settled.
    public var type: CommissionSettlement

    /// Creates the value from its fields.
    ///
    /// - Parameters:
    ///   - bkCommission: Agency commission (BK) in percent.
    ///   - vmkCommission: Intermediator commission (VMK) in percent.
    ///   - type: How the commissions are settled.
    public init(bkCommission: Decimal, vmkCommission: Decimal, type: CommissionSettlement) {
        self.bkCommission = bkCommission
        self.vmkCommission = vmkCommission
        self.type = type
    }
}
