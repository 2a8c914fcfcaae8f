import Foundation
import GoTomModels
import HTTPTypes
import Logging

extension SandboxHandlers {
    /// C5 `POST /app-api/campaign/{c}/flight`: 201 without body.
    func createFlight(_ request: SandboxRequest) async throws(Rejection) -> SandboxReply {
        let campaignId = request.parameter(0)
        guard await exists(campaign: campaignId) else { return .notFound }
        let body = try JSONBody.object(request.body)
        try JSONBody.validate(body, BodySchemas.flightCreate)
        let flight = try JSONBody.decode(FlightCreate.self, from: body)
        return await change { state throws(Rejection) in
            try state.createFlight(flight, in: campaignId)
            return .empty(.created)
        }
    }

    /// C6 `GET /app-api/campaign/{c}/flight-lineitemid/{f}`: the seeded line item, or nulls.
    func getFlightLineItem(_ request: SandboxRequest) async -> SandboxReply {
        let (campaignId, flightId) = (request.parameter(0), request.parameter(1))
        return await inspect { state throws(Rejection) in
            let campaign = try state.requireCampaign(campaignId)
            let lineItem = campaign.flights[try campaign.requireFlight(flightId)].lineItem
            let value: JSONValue = [
                "strategyId": lineItem?.strategyId.map(JSONValue.string) ?? .null,
                "adserverId": lineItem?.adserverId.map { JSONValue.number(Decimal($0)) } ?? .null,
            ]
            return .json(.ok, value)
        }
    }

    /// C7 `GET /app-api/campaign/{c}/flight/{f}`.
    func getFlight(_ request: SandboxRequest) async -> SandboxReply {
        let (campaignId, flightId) = (request.parameter(0), request.parameter(1))
        return await inspect { state throws(Rejection) in
            let campaign = try state.requireCampaign(campaignId)
            return .json(.ok, state.flightRead(campaign.flights[try campaign.requireFlight(flightId)]))
        }
    }

    /// C8 `POST /app-api/campaign/{c}/flight/{f}`: partial update, 204.
    func updateFlight(_ request: SandboxRequest) async throws(Rejection) -> SandboxReply {
        let (campaignId, flightId) = (request.parameter(0), request.parameter(1))
        guard await exists(campaign: campaignId, flight: flightId) else { return .notFound }
        let body = try JSONBody.object(request.body)
        try JSONBody.validate(body, BodySchemas.flightUpdate)
        let update = try JSONBody.decode(FlightUpdate.self, from: body)
        if let push = update.adServerPushChanges {
            logger.debug(
                "ad server push requested",
                metadata: [
                    "gotom.flight": "\(flightId)", "gotom.ad_server": "\(push.adServerId ?? "-")",
                    "gotom.types": "\((push.types ?? []).map(\.rawValue).joined(separator: ","))",
                ]
            )
        }
        return await change { state throws(Rejection) in
            try state.updateFlight(flightId, in: campaignId, with: update)
            return .empty(.noContent)
        }
    }

    /// C9 `DELETE /app-api/campaign/{c}/flight/{f}`: 204; blocked by archive, invoices and ad-server data.
    func deleteFlight(_ request: SandboxRequest) async -> SandboxReply {
        let (campaignId, flightId) = (request.parameter(0), request.parameter(1))
        return await change { state throws(Rejection) in
            var campaign = try state.requireCampaign(campaignId)
            let index = try campaign.requireFlight(flightId)
            let flight = campaign.flights[index]
            var violations = ViolationList()
            let value = JSONValue.string(flightId)
            if campaign.archived {
                violations.add(.deleteBlockedByArchivedCampaign, "", "The campaign is archived.", invalidValue: value)
            }
            if flight.invoice != .none {
                violations.add(.deleteBlockedByInvoicedFlight, "", "The flight is invoiced.", invalidValue: value)
            }
            if flight.adServerData {
                violations.add(.deleteBlockedByAdServerData, "", "The flight has ad server data.", invalidValue: value)
            }
            if flight.deferred {
                violations.add(.deleteBlockedByDeferredData, "", "The flight has deferred data.", invalidValue: value)
            }
            if flight.publisherPayouts {
                violations.add(
                    .deleteBlockedByPublisherPayouts, "", "The flight has publisher payouts.", invalidValue: value)
            }
            if !violations.isEmpty { throw Rejection(violations.reply()) }
            campaign.flights.remove(at: index)
            for discount in campaign.discounts.indices {
                campaign.discounts[discount].flightDiscounts.removeAll { $0.flightExternalId == flightId }
            }
            state.put(campaign)
            return .empty(.noContent)
        }
    }

    /// C18 `GET /app-api/campaign/{c}/flight/{f}/sublines`.
    func getSublines(_ request: SandboxRequest) async -> SandboxReply {
        guard settings.marketerNetwork else { return .notFound }
        let (campaignId, flightId) = (request.parameter(0), request.parameter(1))
        return await inspect { state throws(Rejection) in
            let campaign = try state.requireCampaign(campaignId)
            return .json(.ok, FlightSublines(sublines: campaign.flights[try campaign.requireFlight(flightId)].sublines))
        }
    }

    /// C19 `POST /app-api/campaign/{c}/flight/{f}/sublines`: replaces the sublines, 204.
    func setSublines(_ request: SandboxRequest) async throws(Rejection) -> SandboxReply {
        guard settings.marketerNetwork else { return .notFound }
        let (campaignId, flightId) = (request.parameter(0), request.parameter(1))
        guard await exists(campaign: campaignId, flight: flightId) else { return .notFound }
        let body = try JSONBody.object(request.body)
        try JSONBody.validate(body, BodySchemas.sublines)
        let sublines = try JSONBody.decode(FlightSublines.self, from: body).sublines ?? []
        return await change { state throws(Rejection) in
            var campaign = try state.requireCampaign(campaignId)
            let index = try campaign.requireFlight(flightId)
            let members = state.master.networks[campaign.flights[index].platformId] ?? []
            var violations = ViolationList()
            for (position, subline) in sublines.enumerated() where !members.contains(subline.platformId ?? -1) {
                violations.add(
                    .sublinePlatformNotInNetwork, "sublines[\(position)].platformId",
                    "The platform is not part of the network of the flight's platform.",
                    invalidValue: .number(Decimal(subline.platformId ?? 0))
                )
            }
            let total = sublines.reduce(Decimal(0)) { $0 + ($1.percentage ?? 0) }
            if !sublines.isEmpty, abs(total - 100) > Decimal(1) / 100 {
                violations.add(
                    .sublinePercentagesNotHundred, "sublines", "The percentages add up to \(total), not 100.",
                    invalidValue: .number(total)
                )
            }
            if !violations.isEmpty { throw Rejection(violations.reply()) }
            campaign.flights[index].sublines = sublines
            state.put(campaign)
            return .empty(.noContent)
        }
    }

    /// C23 `GET /app-api/campaign/{c}/flight/{f}/commission`.
    func getFlightCommission(_ request: SandboxRequest) async -> SandboxReply {
        let (campaignId, flightId) = (request.parameter(0), request.parameter(1))
        return await inspect { state throws(Rejection) in
            let campaign = try state.requireCampaign(campaignId)
            let commission = campaign.flights[try campaign.requireFlight(flightId)].commission
            func number(_ value: Decimal?) -> JSONValue { value.map(JSONValue.number) ?? .null }
            let value: JSONValue = [
                "bkPercent": number(commission.bkPercent),
                "bkAmount": number(commission.bkAmount),
                "vmkType": campaign.vmkType.map(JSONValue.string) ?? .null,
                "vmkPercent": number(commission.vmkPercent),
                "vmkAmount": number(commission.vmkAmount),
            ]
            return .json(.ok, value)
        }
    }

    /// C24 `POST /app-api/campaign/{c}/flight/{f}/commission`: 204; `vmkType` is stored on the campaign.
    func setFlightCommission(_ request: SandboxRequest) async throws(Rejection) -> SandboxReply {
        let (campaignId, flightId) = (request.parameter(0), request.parameter(1))
        guard await exists(campaign: campaignId, flight: flightId) else { return .notFound }
        let body = try JSONBody.object(request.body)
        try JSONBody.validate(body, BodySchemas.flightCommission)
        let members = body.objectValue ?? [:]
        return await change { state throws(Rejection) in
            var campaign = try state.requireCampaign(campaignId)
            let index = try campaign.requireFlight(flightId)
            var violations = ViolationList()
            for (percent, amount) in [("bkPercent", "bkAmount"), ("vmkPercent", "vmkAmount")] {
                if let p = members[percent], !p.isNull, let a = members[amount], !a.isNull {
                    violations.add(
                        .commissionPercentAndAmountBothSet, amount, "Give either \(percent) or \(amount), not both.",
                        invalidValue: a
                    )
                }
            }
            if campaign.deltaInvoice {
                violations.add(
                    .deltaInvoiceExists, "", "A delta invoice exists (campaign #\(campaign.campaignId)).",
                    invalidValue: nil
                )
            }
            if campaign.flights[index].invoice != .none {
                violations.add(
                    .commissionBlockedByInvoicedFlight, "", "The flight is invoiced; its commission cannot change.",
                    invalidValue: nil
                )
            }
            if !violations.isEmpty { throw Rejection(violations.reply()) }
            var commission = campaign.flights[index].commission
            // A percentage replaces an amount of the same party and the other way round.
            func apply(
                _ key: String, _ own: WritableKeyPath<CommissionValues, Decimal?>,
                clearing other: WritableKeyPath<CommissionValues, Decimal?>
            ) {
                guard let member = members[key] else { return }
                commission[keyPath: own] = member.decimalValue
                if !member.isNull { commission[keyPath: other] = nil }
            }
            apply("bkPercent", \.bkPercent, clearing: \.bkAmount)
            apply("bkAmount", \.bkAmount, clearing: \.bkPercent)
            apply("vmkPercent", \.vmkPercent, clearing: \.vmkAmount)
            apply("vmkAmount", \.vmkAmount, clearing: \.vmkPercent)
            campaign.flights[index].commission = commission
            if let member = members["vmkType"] { campaign.vmkType = member.stringValue }
            state.put(campaign)
            return .empty(.noContent)
        }
    }
}
