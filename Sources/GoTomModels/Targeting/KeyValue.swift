/// A Google Ad Manager key with the values it is matched against.
public struct KeyValue: Codable, Hashable, Sendable {
    /// The ad server's key id, or `audiencesegment` for an audience segment.
    public var id: String?

    /// Display label of the key.
    public var label: String?

    /// Whether the key must equal or differ from the values.
    public var comparisonOperator: KeyValueComparisonOperator?

    /// The values.
    public var values: [KeyValueValue]?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - id: The ad server's key id, or `audiencesegment` for an audience segment.
    ///   - label: Display label of the key.
    ///   - comparisonOperator: Whether the key must equal or differ from the values.
    ///   - values: The values.
    public init(
        id: String? = nil,
        label: String? = nil,
        comparisonOperator: KeyValueComparisonOperator? = nil,
        values: [KeyValueValue]? = nil
    ) {
        self.id = id
        self.label = label
        self.comparisonOperator = comparisonOperator
        self.values = values
    }
}
