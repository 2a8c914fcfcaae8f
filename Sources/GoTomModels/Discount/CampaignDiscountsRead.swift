/// All discounts of a campaign.
public struct CampaignDiscountsRead: Codable, Hashable, Sendable {
    /// The campaign discounts, each with its flight discounts.
    public var campaignDiscounts: [CampaignDiscountRead]?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameter campaignDiscounts: The campaign discounts, each with its flight discounts.
    public init(campaignDiscounts: [CampaignDiscountRead]? = nil) {
        self.campaignDiscounts = campaignDiscounts
    }
}
