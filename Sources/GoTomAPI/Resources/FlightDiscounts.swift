import GoTomModels

/// Discounts on single flights, inside a campaign discount: `client.flightDiscounts`.
public struct FlightDiscounts: Sendable {
    let client: GoTomClient

    private func path(_ campaign: String, _ campaignDiscount: String, _ flightDiscount: String? = nil) -> String {
        let base =
            "/app-api/campaign/\(Path.segment(campaign))/campaign-discount/\(Path.segment(campaignDiscount))"
            + "/flight-discount"
        return flightDiscount.map { base + "/" + Path.segment($0) } ?? base
    }

    /// Reads a flight discount.
    ///
    /// `GET /app-api/campaign/{c}/campaign-discount/{cDiscountEID}/flight-discount/{fDiscountEID}`
    ///
    /// - Parameters:
    ///   - flightDiscountExternalId: The flight discount's externalId.
    ///   - campaignExternalId: The campaign's externalId.
    ///   - campaignDiscountExternalId: The campaign discount's externalId.
    /// - Returns: The flight discount; the amount not in use is 0.
    /// - Throws: ``GoTomError/notFound`` when the campaign, campaign discount or flight discount does not exist.
    public func get(
        _ flightDiscountExternalId: String, campaign campaignExternalId: String,
        campaignDiscount campaignDiscountExternalId: String
    ) async throws -> FlightDiscountRead {
        try await client.fetch(
            FlightDiscountRead.self,
            APIRequest(
                operation: "flightDiscounts.get", group: .campaign, method: "GET",
                requestURI: path(campaignExternalId, campaignDiscountExternalId, flightDiscountExternalId),
                repeatability: .idempotent
            )
        )
    }

    /// Adds a discount to one flight; give either `amountPercent` or `amountSum`. goTom answers 204.
    ///
    /// `POST /app-api/campaign/{c}/campaign-discount/{cDiscountEID}/flight-discount`. Not re-sent after it may
    /// have reached goTom unless ``RetryPolicy/retryCreates`` is set.
    ///
    /// - Parameters:
    ///   - discount: The flight, your externalId and one amount.
    ///   - campaignExternalId: The campaign's externalId.
    ///   - campaignDiscountExternalId: The campaign discount's externalId.
    /// - Throws: ``GoTomError/notFound`` (also when the flight in the body is unknown);
    ///   ``GoTomError/constraintViolations`` (`flightDiscountAmountMissing`, `flightDiscountAmountsBothSet`,
    ///   `flightDiscountExternalIdAlreadyUsed`, invoicing rules; status 501 for the sum-up strategy);
    ///   ``GoTomError/externalIdAlreadyInUse`` when a re-sent create finds its externalId taken.
    public func create(
        _ discount: FlightDiscountCreate, campaign campaignExternalId: String,
        campaignDiscount campaignDiscountExternalId: String
    ) async throws {
        let operation = "flightDiscounts.create"
        try await client.perform(
            APIRequest(
                operation: operation, group: .campaign, method: "POST",
                requestURI: path(campaignExternalId, campaignDiscountExternalId),
                body: try client.encode(discount, operation: operation), repeatability: .notIdempotent,
                duplicateCodes: [.flightDiscountExternalIdAlreadyUsed]
            ),
            expecting: [204, 201]
        )
    }

    /// Sets the amount of a flight discount (exactly one of sum or percentage); the other becomes 0.
    ///
    /// `PATCH /app-api/campaign/{c}/campaign-discount/{cDiscountEID}/flight-discount/{fDiscountEID}`
    ///
    /// - Parameters:
    ///   - flightDiscountExternalId: The flight discount's externalId.
    ///   - campaignExternalId: The campaign's externalId.
    ///   - campaignDiscountExternalId: The campaign discount's externalId.
    ///   - changes: The new amount, e.g. `.percent(5)`.
    /// - Throws: ``GoTomError/notFound``; ``GoTomError/constraintViolations``.
    public func update(
        _ flightDiscountExternalId: String, campaign campaignExternalId: String,
        campaignDiscount campaignDiscountExternalId: String, with changes: FlightDiscountUpdate
    ) async throws {
        let operation = "flightDiscounts.update"
        try await client.perform(
            APIRequest(
                operation: operation, group: .campaign, method: "PATCH",
                requestURI: path(campaignExternalId, campaignDiscountExternalId, flightDiscountExternalId),
                body: try client.encode(changes, operation: operation), repeatability: .idempotent
            ),
            expecting: [204]
        )
    }

    /// Deletes a flight discount.
    ///
    /// `DELETE /app-api/campaign/{c}/campaign-discount/{cDiscountEID}/flight-discount/{fDiscountEID}`
    ///
    /// - Parameters:
    ///   - flightDiscountExternalId: The flight discount's externalId.
    ///   - campaignExternalId: The campaign's externalId.
    ///   - campaignDiscountExternalId: The campaign discount's externalId.
    /// - Throws: ``GoTomError/notFound``; ``GoTomError/constraintViolations`` (invoiced or deferred flight).
    public func delete(
        _ flightDiscountExternalId: String, campaign campaignExternalId: String,
        campaignDiscount campaignDiscountExternalId: String
    ) async throws {
        try await client.perform(
            APIRequest(
                operation: "flightDiscounts.delete", group: .campaign, method: "DELETE",
                requestURI: path(campaignExternalId, campaignDiscountExternalId, flightDiscountExternalId),
                repeatability: .idempotent
            ),
            expecting: [204]
        )
    }
}
