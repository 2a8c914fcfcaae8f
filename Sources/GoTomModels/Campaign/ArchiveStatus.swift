/// The body that archives or reactivates a campaign.
public struct ArchiveStatus: Codable, Hashable, Sendable {
    /// `true` archives the campaign, `false` makes it active again.
    public var setIsArchived: Bool?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameter setIsArchived: `true` archives the campaign, `false` makes it active again.
    public init(setIsArchived: Bool? = nil) {
        self.setIsArchived = setIsArchived
    }
}
