/// A value of a Google Ad Manager key.
public struct KeyValueValue: Codable, Hashable, Sendable {
    /// The ad server's value id, or `custom_` plus the text for free-text values (`custom_15`).
    public var id: String?

    /// Display label of the value.
    public var label: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - id: The ad server's value id, or `custom_` plus the text for free-text values (`custom_15`).
    ///   - label: Display label of the value.
    public init(id: String? = nil, label: String? = nil) {
        self.id = id
        self.label = label
    }
}
