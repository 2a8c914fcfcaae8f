import GoTomModels

/// Campaigns, addressed by your `externalId`: `client.campaigns`.
public struct Campaigns: Sendable {
    let client: GoTomClient

    /// Reads a campaign with its flights.
    ///
    /// `GET /app-api/campaign/{campaignExternalId}`
    ///
    /// - Parameter campaignExternalId: The campaign's externalId.
    /// - Returns: The campaign.
    /// - Throws: ``GoTomError/notFound`` when there is no such campaign; see ``GoTomError`` for the rest.
    public func get(_ campaignExternalId: String) async throws -> CampaignRead {
        try await client.fetch(
            CampaignRead.self,
            APIRequest(
                operation: "campaigns.get", group: .campaign, method: "GET",
                requestURI: "/app-api/campaign/\(Path.segment(campaignExternalId))", repeatability: .idempotent
            )
        )
    }

    /// Creates a campaign. goTom answers without a body; read the campaign to learn its `campaignId`.
    ///
    /// `POST /app-api/campaign`. Not re-sent after it may have reached goTom unless
    /// ``RetryPolicy/retryCreates`` is set.
    ///
    /// - Parameter campaign: The new campaign.
    /// - Throws: ``GoTomError/constraintViolations`` (e.g. `externalIdAlreadyUsed`, `referencedIdNotFound`),
    ///   ``GoTomError/externalIdAlreadyInUse`` when a re-sent create finds its externalId taken.
    public func create(_ campaign: CampaignCreate) async throws {
        let operation = "campaigns.create"
        try await client.perform(
            APIRequest(
                operation: operation, group: .campaign, method: "POST", requestURI: "/app-api/campaign",
                body: try client.encode(campaign, operation: operation), repeatability: .notIdempotent,
                duplicateCodes: [.externalIdAlreadyUsed]
            ),
            expecting: [201]
        )
    }

    /// Changes the fields present in `changes`; `Patch` fields set to `.null` are cleared.
    ///
    /// `POST /app-api/campaign/{campaignExternalId}[?update_commissions=0|1]`. Retried like any request that
    /// sets absolute values.
    ///
    /// - Parameters:
    ///   - campaignExternalId: The campaign's externalId.
    ///   - changes: The fields to change.
    ///   - updateCommissions: Whether a changed agency or intermediator resets the commissions of the campaign
    ///     and all its flights (`true`, goTom's default), or leaves them (`false`); `nil` sends nothing.
    /// - Throws: ``GoTomError/notFound``, ``GoTomError/constraintViolations``.
    public func update(
        _ campaignExternalId: String, with changes: CampaignUpdate, updateCommissions: Bool? = nil
    ) async throws {
        let operation = "campaigns.update"
        var uri = "/app-api/campaign/\(Path.segment(campaignExternalId))"
        if let updateCommissions { uri += "?update_commissions=\(updateCommissions ? "1" : "0")" }
        try await client.perform(
            APIRequest(
                operation: operation, group: .campaign, method: "POST", requestURI: uri,
                body: try client.encode(changes, operation: operation), repeatability: .idempotent
            ),
            expecting: [204]
        )
    }

    /// Archives or reactivates a campaign.
    ///
    /// `POST /app-api/campaign/{campaignExternalId}/archive-status`
    ///
    /// - Parameters:
    ///   - campaignExternalId: The campaign's externalId.
    ///   - archived: `true` to archive, `false` to reactivate.
    /// - Throws: ``GoTomError/notFound``; ``GoTomError/constraintViolations`` for a billed or partly
    ///   invoiced campaign.
    public func setArchiveStatus(_ campaignExternalId: String, archived: Bool) async throws {
        let operation = "campaigns.setArchiveStatus"
        try await client.perform(
            APIRequest(
                operation: operation, group: .campaign, method: "POST",
                requestURI: "/app-api/campaign/\(Path.segment(campaignExternalId))/archive-status",
                body: try client.encode(ArchiveStatus(setIsArchived: archived), operation: operation),
                repeatability: .idempotent
            ),
            expecting: [204]
        )
    }

    /// Sets how commissions are settled for a campaign.
    ///
    /// `POST /app-api/campaign/{campaignExternalId}/commission-status`
    ///
    /// - Parameters:
    ///   - campaignExternalId: The campaign's externalId.
    ///   - status: The settlement (0, 2, 3 or 4).
    /// - Throws: ``GoTomError/notFound``; ``GoTomError/constraintViolations`` (`invalidCommissionStatus`,
    ///   invoiced or deferred flights).
    public func setCommissionStatus(
        _ campaignExternalId: String, to status: CommissionSettlement
    ) async throws {
        let operation = "campaigns.setCommissionStatus"
        try await client.perform(
            APIRequest(
                operation: operation, group: .campaign, method: "POST",
                requestURI: "/app-api/campaign/\(Path.segment(campaignExternalId))/commission-status",
                body: try client.encode(CommissionStatus(commissionStatus: status), operation: operation),
                repeatability: .idempotent
            ),
            expecting: [204]
        )
    }

    /// Attaches a document (base64-encoded by the model) to a campaign.
    ///
    /// `POST /app-api/campaign/{campaignExternalId}/document`. Not re-sent after it may have reached goTom
    /// unless ``RetryPolicy/retryCreates`` is set; documents have no id, so a re-send may store it twice.
    ///
    /// - Parameters:
    ///   - document: The file name and content.
    ///   - campaignExternalId: The campaign's externalId.
    /// - Throws: ``GoTomError/notFound`` when there is no such campaign.
    public func addDocument(_ document: Document, to campaignExternalId: String) async throws {
        let operation = "campaigns.addDocument"
        try await client.perform(
            APIRequest(
                operation: operation, group: .campaign, method: "POST",
                requestURI: "/app-api/campaign/\(Path.segment(campaignExternalId))/document",
                body: try client.encode(document, operation: operation), repeatability: .notIdempotent
            ),
            expecting: [201]
        )
    }
}
