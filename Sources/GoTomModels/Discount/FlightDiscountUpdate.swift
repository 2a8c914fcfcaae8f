import Foundation

/// The body that changes the amount of a flight discount.
///
/// The spec's `oneOf` asks for exactly one non-null amount. Both fields stay optional so that a server can
/// read a body with both and answer `ViolationCode.flightDiscountAmountsBothSet`; use `sum(_:)` or
/// `percent(_:)` to build a valid body.
public struct FlightDiscountUpdate: Codable, Hashable, Sendable {
    /// The new discount as an amount.
    public var amountSum: Decimal?

    /// The new discount in percent.
    public var amountPercent: Decimal?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - amountSum: The new discount as an amount.
    ///   - amountPercent: The new discount in percent.
    public init(amountSum: Decimal? = nil, amountPercent: Decimal? = nil) {
        self.amountSum = amountSum
        self.amountPercent = amountPercent
    }

    /// A body that sets the discount to an amount.
    ///
    /// - Parameter amount: The discount as an amount.
    /// - Returns: A body with only `amountSum`.
    public static func sum(_ amount: Decimal) -> FlightDiscountUpdate {
        FlightDiscountUpdate(amountSum: amount)
    }

    /// A body that sets the discount to a percentage.
    ///
    /// - Parameter percent: The discount in percent.
    /// - Returns: A body with only `amountPercent`.
    public static func percent(_ percent: Decimal) -> FlightDiscountUpdate {
        FlightDiscountUpdate(amountPercent: percent)
    }
}
