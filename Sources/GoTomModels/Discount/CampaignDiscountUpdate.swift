/// The body that renames a campaign discount.
///
/// The spec attaches this inline shape to the 204 response of the PATCH call and declares no request
/// body; it is evidently the input.
public struct CampaignDiscountUpdate: Codable, Hashable, Sendable {
    /// The new name printed on finance documents.
    public var name: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameter name: The new name printed on finance documents.
    public init(name: String? = nil) {
        self.name = name
    }
}
