/// A boolean operator that joins Xandr key-value sets or the keys inside a set.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct XandrLogicalOperator: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: String

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// All operands must match.
    public static let and = XandrLogicalOperator(rawValue: "AND")

    /// At least one operand must match.
    public static let or = XandrLogicalOperator(rawValue: "OR")

    /// The values the specs document, in spec order.
    public static let knownValues: [XandrLogicalOperator] = [.and, .or]
}
