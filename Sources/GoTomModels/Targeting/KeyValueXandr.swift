/// A Xandr string key matched against a list of values.
public struct KeyValueXandr: Codable, Hashable, Sendable {
    /// The key id.
    public var id: String

    /// The key name.
    public var name: String

    /// The name shown to users.
    public var displayName: String?

    /// The values; at least one.
    public var values: [KeyValueValueXandr]

    /// `.equals` or `.notEquals`; goTom assumes `.equals`.
    public var comparisonOperator: XandrComparisonOperator?

    /// Whether the match is negated; goTom assumes false.
    public var not: Bool?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - id: The key id.
    ///   - name: The key name.
    ///   - displayName: The name shown to users.
    ///   - values: The values; at least one.
    ///   - comparisonOperator: `.equals` or `.notEquals`; goTom assumes `.equals`.
    ///   - not: Whether the match is negated; goTom assumes false.
    public init(
        id: String,
        name: String,
        displayName: String? = nil,
        values: [KeyValueValueXandr],
        comparisonOperator: XandrComparisonOperator? = nil,
        not: Bool? = nil
    ) {
        self.id = id
        self.name = name
        self.displayName = displayName
        self.values = values
        self.comparisonOperator = comparisonOperator
        self.not = not
    }
}
