/// How a Xandr key is compared; string keys use 0/1, numeric keys 2-7.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct XandrComparisonOperator: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: String

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// String key equals a value.
    public static let equals = XandrComparisonOperator(rawValue: "0")

    /// String key does not equal a value.
    public static let notEquals = XandrComparisonOperator(rawValue: "1")

    /// Numeric key is at least the value.
    public static let greaterThanOrEqual = XandrComparisonOperator(rawValue: "2")

    /// Numeric key is at most the value.
    public static let lessThanOrEqual = XandrComparisonOperator(rawValue: "3")

    /// Numeric key is present.
    public static let exists = XandrComparisonOperator(rawValue: "4")

    /// Numeric key is above the value.
    public static let greaterThan = XandrComparisonOperator(rawValue: "6")

    /// Numeric key is below the value.
    public static let lessThan = XandrComparisonOperator(rawValue: "7")

    /// The values the specs document, in spec order.
    public static let knownValues: [XandrComparisonOperator] = [
        .equals,
        .notEquals,
        .greaterThanOrEqual,
        .lessThanOrEqual,
        .exists,
        .greaterThan,
        .lessThan,
    ]
}
