import GoTomModels

/// Discounts on a campaign, addressed by the campaign's and the discount's `externalId`:
/// `client.campaignDiscounts`.
public struct CampaignDiscounts: Sendable {
    let client: GoTomClient

    private func path(_ campaign: String, _ discount: String? = nil) -> String {
        let base = "/app-api/campaign/\(Path.segment(campaign))/campaign-discount"
        return discount.map { base + "/" + Path.segment($0) } ?? base
    }

    /// Lists the discounts of a campaign, each with its flight discounts.
    ///
    /// `GET /app-api/campaign/{campaignExternalId}/campaign-discount`
    ///
    /// - Parameter campaignExternalId: The campaign's externalId.
    /// - Returns: The discounts; goTom's automatic ones have an `entityId` instead of an externalId.
    /// - Throws: ``GoTomError/notFound`` when there is no such campaign.
    public func list(in campaignExternalId: String) async throws -> [CampaignDiscountRead] {
        try await client.fetch(
            CampaignDiscountsRead.self,
            APIRequest(
                operation: "campaignDiscounts.list", group: .campaign, method: "GET",
                requestURI: path(campaignExternalId), repeatability: .idempotent
            )
        ).campaignDiscounts ?? []
    }

    /// Adds a discount to a campaign.
    ///
    /// `POST /app-api/campaign/{campaignExternalId}/campaign-discount`. Not re-sent after it may have reached
    /// goTom unless ``RetryPolicy/retryCreates`` is set.
    ///
    /// - Parameters:
    ///   - discount: The name printed on finance documents and your externalId.
    ///   - campaignExternalId: The campaign's externalId.
    /// - Returns: The discount as goTom echoes it.
    /// - Throws: ``GoTomError/notFound``; ``GoTomError/constraintViolations``
    ///   (`campaignDiscountExternalIdAlreadyUsed`, `flightPartlyInvoiced`); ``GoTomError/externalIdAlreadyInUse``
    ///   when a re-sent create finds its externalId taken.
    @discardableResult
    public func create(
        _ discount: CampaignDiscountWrite, in campaignExternalId: String
    ) async throws -> CampaignDiscountWrite {
        let operation = "campaignDiscounts.create"
        let request = APIRequest(
            operation: operation, group: .campaign, method: "POST", requestURI: path(campaignExternalId),
            body: try client.encode(discount, operation: operation), repeatability: .notIdempotent,
            duplicateCodes: [.campaignDiscountExternalIdAlreadyUsed]
        )
        let exchange = try await client.pipeline.send(request, accepting: [201])
        return try await client.decode(CampaignDiscountWrite.self, from: exchange, request: request)
    }

    /// Renames a campaign discount.
    ///
    /// `PATCH /app-api/campaign/{campaignExternalId}/campaign-discount/{cDiscountEID}`
    ///
    /// - Parameters:
    ///   - discountExternalId: The discount's externalId.
    ///   - campaignExternalId: The campaign's externalId.
    ///   - changes: The new name.
    /// - Throws: ``GoTomError/notFound``; ``GoTomError/constraintViolations`` (delta invoice, invoiced flight).
    public func update(
        _ discountExternalId: String, in campaignExternalId: String, with changes: CampaignDiscountUpdate
    ) async throws {
        let operation = "campaignDiscounts.update"
        try await client.perform(
            APIRequest(
                operation: operation, group: .campaign, method: "PATCH",
                requestURI: path(campaignExternalId, discountExternalId),
                body: try client.encode(changes, operation: operation), repeatability: .idempotent
            ),
            expecting: [204]
        )
    }

    /// Deletes a campaign discount that has no flight discounts left.
    ///
    /// `DELETE /app-api/campaign/{campaignExternalId}/campaign-discount/{cDiscountEID}`
    ///
    /// - Parameters:
    ///   - discountExternalId: The discount's externalId.
    ///   - campaignExternalId: The campaign's externalId.
    /// - Throws: ``GoTomError/notFound``; ``GoTomError/constraintViolations``
    ///   (`campaignDiscountHasFlightDiscounts`).
    public func delete(_ discountExternalId: String, in campaignExternalId: String) async throws {
        try await client.perform(
            APIRequest(
                operation: "campaignDiscounts.delete", group: .campaign, method: "DELETE",
                requestURI: path(campaignExternalId, discountExternalId), repeatability: .idempotent
            ),
            expecting: [204]
        )
    }
}
