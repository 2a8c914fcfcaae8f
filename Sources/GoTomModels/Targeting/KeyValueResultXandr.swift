/// Xandr key-value targeting for one ad server, as groups of key sets.
///
/// Read and written in the same shape.
public struct KeyValueResultXandr: Codable, Hashable, Sendable {
    /// The Xandr ad server; the targeting applies only when the flight uses it.
    public var adServerId: String

    /// The groups of keys; at least one.
    public var keyValueSets: [KeyValueSetXandr]

    /// Joins the groups; goTom assumes AND.
    public var outerOp: XandrLogicalOperator?

    /// Joins the keys inside a group (the opposite of `outerOp`); goTom assumes OR.
    public var innerOp: XandrLogicalOperator?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - adServerId: The Xandr ad server; the targeting applies only when the flight uses it.
    ///   - keyValueSets: The groups of keys; at least one.
    ///   - outerOp: Joins the groups; goTom assumes AND.
    ///   - innerOp: Joins the keys inside a group (the opposite of `outerOp`); goTom assumes OR.
    public init(
        adServerId: String,
        keyValueSets: [KeyValueSetXandr],
        outerOp: XandrLogicalOperator? = nil,
        innerOp: XandrLogicalOperator? = nil
    ) {
        self.adServerId = adServerId
        self.keyValueSets = keyValueSets
        self.outerOp = outerOp
        self.innerOp = innerOp
    }
}
