/// A Xandr numeric key compared with one value.
///
/// The Customer API file repeats this schema with the string operators 0/1 by mistake;
/// `XandrComparisonOperator` holds either set.
public struct KeyValueXandrNumeric: Codable, Hashable, Sendable {
    /// The key id.
    public var id: String

    /// The key name.
    public var name: String

    /// The name shown to users.
    public var displayName: String?

    /// The number to compare with, as text.
    public var numericValue: String?

    /// One of the numeric comparisons (2, 3, 4, 6, 7); goTom assumes 2.
    public var comparisonOperator: XandrComparisonOperator?

    /// Whether the match is negated; goTom assumes false.
    public var not: Bool?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - id: The key id.
    ///   - name: The key name.
    ///   - displayName: The name shown to users.
    ///   - numericValue: The number to compare with, as text.
    ///   - comparisonOperator: One of the numeric comparisons (2, 3, 4, 6, 7); goTom assumes 2.
    ///   - not: Whether the match is negated; goTom assumes false.
    public init(
        id: String,
        name: String,
        displayName: String? = nil,
        numericValue: String? = nil,
        comparisonOperator: XandrComparisonOperator? = nil,
        not: Bool? = nil
    ) {
        self.id = id
        self.name = name
        self.displayName = displayName
        self.numericValue = numericValue
        self.comparisonOperator = comparisonOperator
        self.not = not
    }
}
