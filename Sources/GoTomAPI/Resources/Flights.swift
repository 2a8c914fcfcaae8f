import GoTomModels

/// Flights of a campaign, addressed by the campaign's and the flight's `externalId`: `client.flights`.
public struct Flights: Sendable {
    let client: GoTomClient

    private func path(_ campaign: String, _ flight: String? = nil, _ suffix: String = "") -> String {
        var path = "/app-api/campaign/\(Path.segment(campaign))/flight"
        if let flight { path += "/\(Path.segment(flight))" }
        return path + suffix
    }

    /// Reads a flight.
    ///
    /// `GET /app-api/campaign/{campaignExternalId}/flight/{flightExternalId}`
    ///
    /// - Parameters:
    ///   - flightExternalId: The flight's externalId.
    ///   - campaignExternalId: The campaign's externalId.
    /// - Returns: The flight, with tags expanded to ids and names.
    /// - Throws: ``GoTomError/notFound`` when the campaign or flight does not exist.
    public func get(_ flightExternalId: String, in campaignExternalId: String) async throws -> FlightRead {
        try await client.fetch(
            FlightRead.self,
            APIRequest(
                operation: "flights.get", group: .campaign, method: "GET",
                requestURI: path(campaignExternalId, flightExternalId), repeatability: .idempotent
            )
        )
    }

    /// Adds a flight to a campaign.
    ///
    /// `POST /app-api/campaign/{campaignExternalId}/flight`. Not re-sent after it may have reached goTom unless
    /// ``RetryPolicy/retryCreates`` is set.
    ///
    /// - Parameters:
    ///   - flight: The new flight.
    ///   - campaignExternalId: The campaign's externalId.
    /// - Throws: ``GoTomError/notFound`` (campaign), ``GoTomError/constraintViolations`` (e.g.
    ///   `unknownPlatformChannelAdvertising`, `priceNotFound`, `externalIdAlreadyUsed`),
    ///   ``GoTomError/externalIdAlreadyInUse`` when a re-sent create finds its externalId taken.
    public func create(_ flight: FlightCreate, in campaignExternalId: String) async throws {
        let operation = "flights.create"
        try await client.perform(
            APIRequest(
                operation: operation, group: .campaign, method: "POST", requestURI: path(campaignExternalId),
                body: try client.encode(flight, operation: operation), repeatability: .notIdempotent,
                duplicateCodes: [.externalIdAlreadyUsed]
            ),
            expecting: [201]
        )
    }

    /// Changes the fields present in `changes`.
    ///
    /// `POST /app-api/campaign/{campaignExternalId}/flight/{flightExternalId}`. Retried like any request that
    /// sets absolute values, except when `changes.adServerPushChanges` is set: that triggers a push to the
    /// ad server and is treated like a create.
    ///
    /// - Parameters:
    ///   - flightExternalId: The flight's externalId.
    ///   - campaignExternalId: The campaign's externalId.
    ///   - changes: The fields to change.
    /// - Throws: ``GoTomError/notFound``, ``GoTomError/constraintViolations``.
    public func update(
        _ flightExternalId: String, in campaignExternalId: String, with changes: FlightUpdate
    ) async throws {
        let operation = "flights.update"
        try await client.perform(
            APIRequest(
                operation: operation, group: .campaign, method: "POST",
                requestURI: path(campaignExternalId, flightExternalId),
                body: try client.encode(changes, operation: operation),
                repeatability: changes.adServerPushChanges == nil ? .idempotent : .notIdempotent
            ),
            expecting: [204]
        )
    }

    /// Deletes a flight with its discounts, sublines and commission.
    ///
    /// `DELETE /app-api/campaign/{campaignExternalId}/flight/{flightExternalId}`. Retried; if an earlier
    /// attempt did delete the flight, the retry reports ``GoTomError/notFound``.
    ///
    /// - Parameters:
    ///   - flightExternalId: The flight's externalId.
    ///   - campaignExternalId: The campaign's externalId.
    /// - Throws: ``GoTomError/notFound``; ``GoTomError/constraintViolations`` (archived campaign, invoiced
    ///   flight, ad-server data, deferred data, publisher payouts).
    public func delete(_ flightExternalId: String, in campaignExternalId: String) async throws {
        try await client.perform(
            APIRequest(
                operation: "flights.delete", group: .campaign, method: "DELETE",
                requestURI: path(campaignExternalId, flightExternalId), repeatability: .idempotent
            ),
            expecting: [204]
        )
    }

    /// Reads the ad-server strategy and line item of a flight.
    ///
    /// `GET /app-api/campaign/{campaignExternalId}/flight-lineitemid/{flightExternalId}`
    ///
    /// - Parameters:
    ///   - flightExternalId: The flight's externalId.
    ///   - campaignExternalId: The campaign's externalId.
    /// - Returns: The strategy and line item ids.
    /// - Throws: ``GoTomError/notFound`` when the campaign or flight does not exist.
    public func lineItemId(
        _ flightExternalId: String, in campaignExternalId: String
    ) async throws -> FlightLineItemId {
        try await client.fetch(
            FlightLineItemId.self,
            APIRequest(
                operation: "flights.lineItemId", group: .campaign, method: "GET",
                requestURI:
                    "/app-api/campaign/\(Path.segment(campaignExternalId))/flight-lineitemid/\(Path.segment(flightExternalId))",
                repeatability: .idempotent
            )
        )
    }

    /// Reads how a network flight is split across the network's platforms (marketer-network module).
    ///
    /// `GET /app-api/campaign/{campaignExternalId}/flight/{flightExternalId}/sublines`
    ///
    /// - Parameters:
    ///   - flightExternalId: The flight's externalId.
    ///   - campaignExternalId: The campaign's externalId.
    /// - Returns: The sublines; empty for flights outside a network.
    /// - Throws: ``GoTomError/notFound`` when the campaign or flight does not exist or the module is off.
    public func sublines(
        _ flightExternalId: String, in campaignExternalId: String
    ) async throws -> FlightSublines {
        try await client.fetch(
            FlightSublines.self,
            APIRequest(
                operation: "flights.sublines", group: .campaign, method: "GET",
                requestURI: path(campaignExternalId, flightExternalId, "/sublines"), repeatability: .idempotent
            )
        )
    }

    /// Replaces the sublines of a network flight.
    ///
    /// `POST /app-api/campaign/{campaignExternalId}/flight/{flightExternalId}/sublines`
    ///
    /// - Parameters:
    ///   - flightExternalId: The flight's externalId.
    ///   - campaignExternalId: The campaign's externalId.
    ///   - sublines: The complete new split; percentages must add up to 100.
    /// - Throws: ``GoTomError/notFound``; ``GoTomError/constraintViolations`` (`sublinePlatformNotInNetwork`,
    ///   `sublinePercentagesNotHundred`).
    public func setSublines(
        _ flightExternalId: String, in campaignExternalId: String, to sublines: FlightSublines
    ) async throws {
        let operation = "flights.setSublines"
        try await client.perform(
            APIRequest(
                operation: operation, group: .campaign, method: "POST",
                requestURI: path(campaignExternalId, flightExternalId, "/sublines"),
                body: try client.encode(sublines, operation: operation), repeatability: .idempotent
            ),
            expecting: [204]
        )
    }

    /// Reads the agency and intermediator commission of a flight.
    ///
    /// `GET /app-api/campaign/{campaignExternalId}/flight/{flightExternalId}/commission`
    ///
    /// - Parameters:
    ///   - flightExternalId: The flight's externalId.
    ///   - campaignExternalId: The campaign's externalId.
    /// - Returns: The commission.
    /// - Throws: ``GoTomError/notFound`` when the campaign or flight does not exist.
    public func commission(
        _ flightExternalId: String, in campaignExternalId: String
    ) async throws -> FlightCommission {
        try await client.fetch(
            FlightCommission.self,
            APIRequest(
                operation: "flights.commission", group: .campaign, method: "GET",
                requestURI: path(campaignExternalId, flightExternalId, "/commission"), repeatability: .idempotent
            )
        )
    }

    /// Sets the commission of a flight; per party send the percentage or the amount, not both.
    ///
    /// `POST /app-api/campaign/{campaignExternalId}/flight/{flightExternalId}/commission`
    ///
    /// - Parameters:
    ///   - flightExternalId: The flight's externalId.
    ///   - campaignExternalId: The campaign's externalId.
    ///   - commission: The commission values to store.
    /// - Throws: ``GoTomError/notFound``; ``GoTomError/constraintViolations``
    ///   (`commissionPercentAndAmountBothSet`, invoiced flight, delta invoice).
    public func setCommission(
        _ flightExternalId: String, in campaignExternalId: String, to commission: FlightCommission
    ) async throws {
        let operation = "flights.setCommission"
        try await client.perform(
            APIRequest(
                operation: operation, group: .campaign, method: "POST",
                requestURI: path(campaignExternalId, flightExternalId, "/commission"),
                body: try client.encode(commission, operation: operation), repeatability: .idempotent
            ),
            expecting: [204]
        )
    }
}
