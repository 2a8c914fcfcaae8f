/// A campaign discount as created: the body you send and the one goTom echoes.
///
/// The spec declares no request body for the create call; it documents this shape as the 201 body.
public struct CampaignDiscountWrite: Codable, Hashable, Sendable {
    /// Your id for the discount; unique within the campaign.
    public var externalId: String

    /// The name printed on finance documents.
    public var name: String

    /// Creates the value from its fields.
    ///
    /// - Parameters:
    ///   - externalId: Your id for the discount; unique within the campaign.
    ///   - name: The name printed on finance documents.
    public init(externalId: String, name: String) {
        self.externalId = externalId
        self.name = name
    }
}
