/// How a Google Ad Manager key is compared with its values.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct KeyValueComparisonOperator: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: Int

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The key must equal one of the values.
    public static let equal = KeyValueComparisonOperator(rawValue: 0)

    /// The key must not equal any of the values.
    public static let notEqual = KeyValueComparisonOperator(rawValue: 1)

    /// The values the specs document, in spec order.
    public static let knownValues: [KeyValueComparisonOperator] = [.equal, .notEqual]
}
