import Foundation
import GoTomModels
import HTTPTypes

extension SandboxHandlers {
    /// C10 `GET /app-api/campaign/{c}/campaign-discount`.
    func listCampaignDiscounts(_ request: SandboxRequest) async -> SandboxReply {
        let campaignId = request.parameter(0)
        return await inspect { state throws(Rejection) in
            let campaign = try state.requireCampaign(campaignId)
            return .json(.ok, CampaignDiscountsRead(campaignDiscounts: campaign.discounts.map(state.discountRead)))
        }
    }

    /// C11 `POST /app-api/campaign/{c}/campaign-discount`: 201 echoing `{name, externalId}`.
    func createCampaignDiscount(_ request: SandboxRequest) async throws(Rejection) -> SandboxReply {
        let campaignId = request.parameter(0)
        guard await exists(campaign: campaignId) else { return .notFound }
        let body = try JSONBody.object(request.body)
        try JSONBody.validate(body, BodySchemas.campaignDiscountCreate)
        let write = try JSONBody.decode(CampaignDiscountWrite.self, from: body)
        return await change { state throws(Rejection) in
            var campaign = try state.requireCampaign(campaignId)
            var violations = ViolationList()
            if campaign.discountIndex(write.externalId) != nil {
                violations.add(
                    .campaignDiscountExternalIdAlreadyUsed, "externalId",
                    "Campaign discount external id \"\(write.externalId)\" is already in use in campaign "
                        + "\"\(campaignId)\".",
                    invalidValue: .string(write.externalId)
                )
            }
            if let flight = campaign.flights.first(where: { $0.invoice == .partial }) {
                violations.add(
                    .flightPartlyInvoiced, "", "Flight '\(flight.externalId)' is already partly invoiced.",
                    invalidValue: .string(flight.externalId)
                )
            }
            if !violations.isEmpty { throw Rejection(violations.reply()) }
            campaign.discounts.append(
                CampaignDiscountRecord(externalId: write.externalId, entityId: state.nextEntityId(), name: write.name)
            )
            state.put(campaign)
            return .json(.created, write)
        }
    }

    /// C12 `PATCH /app-api/campaign/{c}/campaign-discount/{cd}`: renames, 204.
    func updateCampaignDiscount(_ request: SandboxRequest) async throws(Rejection) -> SandboxReply {
        let (campaignId, discountId) = (request.parameter(0), request.parameter(1))
        guard await exists(campaign: campaignId, discount: discountId) else { return .notFound }
        let body = try JSONBody.object(request.body)
        try JSONBody.validate(body, BodySchemas.campaignDiscountUpdate)
        let name = body["name"]?.stringValue ?? ""
        return await change { state throws(Rejection) in
            var campaign = try state.requireCampaign(campaignId)
            let index = try campaign.requireDiscount(discountId)
            var violations = ViolationList()
            // goTom words these two messages in German on this endpoint.
            if campaign.deltaInvoice {
                violations.add(
                    .deltaInvoiceExists, "", "Fehler: Delta-Rechnung vorhanden. (Kampagne: #\(campaign.campaignId))",
                    invalidValue: nil
                )
            }
            if campaign.hasInvoicedFlight {
                violations.add(
                    .campaignHasInvoicedFlight, "", "Fehler: min. 1 Flight ist bereits fakturiert.", invalidValue: nil)
            }
            if !violations.isEmpty { throw Rejection(violations.reply()) }
            campaign.discounts[index].name = name
            state.put(campaign)
            return .empty(.noContent)
        }
    }

    /// C13 `DELETE /app-api/campaign/{c}/campaign-discount/{cd}`: 204 once no flight discounts remain.
    func deleteCampaignDiscount(_ request: SandboxRequest) async -> SandboxReply {
        let (campaignId, discountId) = (request.parameter(0), request.parameter(1))
        return await change { state throws(Rejection) in
            var campaign = try state.requireCampaign(campaignId)
            let index = try campaign.requireDiscount(discountId)
            let remaining = campaign.discounts[index].flightDiscounts
            if !remaining.isEmpty {
                let names = remaining.map { $0.externalId ?? String($0.entityId) }.joined(separator: ", ")
                throw Rejection(
                    .violation(
                        .campaignDiscountHasFlightDiscounts, path: "",
                        message: "Delete the flight discounts of this campaign discount first: \(names)",
                        invalidValue: .string(discountId)
                    )
                )
            }
            campaign.discounts.remove(at: index)
            state.put(campaign)
            return .empty(.noContent)
        }
    }

    /// C14 `POST …/campaign-discount/{cd}/flight-discount`: 204 (not 201); 404 when the body's flight is unknown.
    func createFlightDiscount(_ request: SandboxRequest) async throws(Rejection) -> SandboxReply {
        let (campaignId, discountId) = (request.parameter(0), request.parameter(1))
        guard await exists(campaign: campaignId, discount: discountId) else { return .notFound }
        let body = try JSONBody.object(request.body)
        try JSONBody.validate(body, BodySchemas.flightDiscountCreate)
        let create = try JSONBody.decode(FlightDiscountCreate.self, from: body)
        return await change { state throws(Rejection) in
            var campaign = try state.requireCampaign(campaignId)
            let index = try campaign.requireDiscount(discountId)
            guard let flight = campaign.flights.first(where: { $0.externalId == create.flightExternalId }) else {
                throw Rejection(.notFound)
            }
            try state.requireDiscountStrategy()
            var violations = ViolationList()
            switch (create.amountPercent, create.amountSum) {
            case (nil, nil):
                violations.add(
                    .flightDiscountAmountMissing, "amountPercent", "Give amountPercent or amountSum.",
                    invalidValue: .null
                )
            case (.some, .some):
                violations.add(
                    .flightDiscountAmountsBothSet, "amountSum", "Give amountPercent or amountSum, not both.",
                    invalidValue: body["amountSum"]
                )
            default: break
            }
            for discount in campaign.discounts {
                if let taken = discount.flightDiscounts.first(where: { $0.externalId == create.externalId }) {
                    violations.add(
                        .flightDiscountExternalIdAlreadyUsed, "externalId",
                        "Flight discount external id \"\(create.externalId)\" is already in use with flight "
                            + "\"\(taken.flightExternalId)\".",
                        invalidValue: .string(create.externalId)
                    )
                    break
                }
            }
            violations.append(
                contentsOf: state.invoiceViolations(campaign, flight: flight, anyInvoiced: .campaignHasInvoicedFlight))
            if !violations.isEmpty { throw Rejection(violations.reply()) }
            campaign.discounts[index].flightDiscounts.append(
                FlightDiscountRecord(
                    externalId: create.externalId, entityId: state.nextEntityId(),
                    flightExternalId: create.flightExternalId,
                    amountPercent: create.amountPercent ?? 0, amountSum: create.amountSum ?? 0
                )
            )
            state.put(campaign)
            return .empty(.noContent)
        }
    }

    /// C15 `GET …/flight-discount/{fd}`.
    func getFlightDiscount(_ request: SandboxRequest) async -> SandboxReply {
        let ids = (request.parameter(0), request.parameter(1), request.parameter(2))
        return await inspect { state throws(Rejection) in
            let campaign = try state.requireCampaign(ids.0)
            let discount = campaign.discounts[try campaign.requireDiscount(ids.1)]
            guard let index = discount.flightDiscountIndex(ids.2) else { throw Rejection(.notFound) }
            return .json(.ok, state.flightDiscountRead(discount.flightDiscounts[index]))
        }
    }

    /// C16 `PATCH …/flight-discount/{fd}`: exactly one amount, 204.
    func updateFlightDiscount(_ request: SandboxRequest) async throws(Rejection) -> SandboxReply {
        let ids = (request.parameter(0), request.parameter(1), request.parameter(2))
        guard await exists(campaign: ids.0, discount: ids.1, flightDiscount: ids.2) else { return .notFound }
        let body = try JSONBody.object(request.body)
        try JSONBody.validate(body, BodySchemas.flightDiscountUpdate)
        let percent = body["amountPercent"]?.decimalValue
        let sum = body["amountSum"]?.decimalValue
        return await change { state throws(Rejection) in
            var campaign = try state.requireCampaign(ids.0)
            let index = try campaign.requireDiscount(ids.1)
            guard let position = campaign.discounts[index].flightDiscountIndex(ids.2) else {
                throw Rejection(.notFound)
            }
            try state.requireDiscountStrategy()
            let discount = campaign.discounts[index].flightDiscounts[position]
            var violations = ViolationList()
            if percent != nil, sum != nil {
                violations.add(
                    .flightDiscountAmountsBothSet, "amountSum", "Give amountPercent or amountSum, not both.",
                    invalidValue: body["amountSum"]
                )
            } else if percent == nil, sum == nil {
                violations.add(
                    .flightDiscountAmountMissing, "amountPercent", "Give amountPercent or amountSum.",
                    invalidValue: .null
                )
            }
            if let flight = campaign.flights.first(where: { $0.externalId == discount.flightExternalId }) {
                violations.append(
                    contentsOf: state.invoiceViolations(
                        campaign, flight: flight, anyInvoiced: .campaignHasInvoicedFlight)
                )
            }
            if !violations.isEmpty { throw Rejection(violations.reply()) }
            campaign.discounts[index].flightDiscounts[position].amountPercent = percent ?? 0
            campaign.discounts[index].flightDiscounts[position].amountSum = sum ?? 0
            state.put(campaign)
            return .empty(.noContent)
        }
    }

    /// C17 `DELETE …/flight-discount/{fd}`: 204.
    func deleteFlightDiscount(_ request: SandboxRequest) async -> SandboxReply {
        let ids = (request.parameter(0), request.parameter(1), request.parameter(2))
        return await change { state throws(Rejection) in
            var campaign = try state.requireCampaign(ids.0)
            let index = try campaign.requireDiscount(ids.1)
            guard let position = campaign.discounts[index].flightDiscountIndex(ids.2) else {
                throw Rejection(.notFound)
            }
            try state.requireDiscountStrategy()
            let discount = campaign.discounts[index].flightDiscounts[position]
            var violations = ViolationList()
            if let flight = campaign.flights.first(where: { $0.externalId == discount.flightExternalId }) {
                if flight.deferred {
                    violations.add(
                        .flightDiscountBlockedByDeferredFlight, "",
                        "Changes not allowed: flight '\(flight.externalId)' is deferred.",
                        invalidValue: nil
                    )
                }
                violations.append(
                    contentsOf: state.invoiceViolations(
                        campaign, flight: flight, anyInvoiced: .flightDiscountDeleteBlockedByInvoicedFlight,
                        checkDeltaInvoice: false
                    )
                )
            }
            if !violations.isEmpty { throw Rejection(violations.reply()) }
            campaign.discounts[index].flightDiscounts.remove(at: position)
            state.put(campaign)
            return .empty(.noContent)
        }
    }
}

extension SandboxState {
    /// 501 with `4c396abe…` when the tenant uses the sum-up discount strategy.
    func requireDiscountStrategy() throws(Rejection) {
        if settings.sumUpDiscountStrategy {
            throw Rejection(
                .violation(
                    .sumUpStrategyNotSupported, path: "",
                    message: "Changing discounts through the API is not supported with the sum-up strategy.",
                    invalidValue: nil, status: .notImplemented
                )
            )
        }
    }

    /// The invoice rules shared by the flight-discount endpoints: the target flight partly invoiced (`0e31a231…`),
    /// otherwise any flight invoiced (`anyInvoiced`), and a delta invoice (`504d6c75…`).
    func invoiceViolations(
        _ campaign: CampaignRecord, flight: FlightRecord, anyInvoiced: ViolationCode, checkDeltaInvoice: Bool = true
    ) -> ViolationList {
        var violations = ViolationList()
        if flight.invoice == .partial {
            violations.add(
                .flightPartlyInvoiced, "flightExternalId", "Flight '\(flight.externalId)' is already partly invoiced.",
                invalidValue: .string(flight.externalId)
            )
        } else if campaign.hasInvoicedFlight {
            violations.add(
                anyInvoiced, "", "At least one flight of the campaign is already invoiced.", invalidValue: nil)
        }
        if checkDeltaInvoice, campaign.deltaInvoice {
            violations.add(
                .deltaInvoiceExists, "", "A delta invoice exists (campaign #\(campaign.campaignId)).", invalidValue: nil
            )
        }
        return violations
    }
}
