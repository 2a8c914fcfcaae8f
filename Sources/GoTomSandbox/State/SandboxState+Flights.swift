import Foundation
import GoTomModels

extension SandboxState {
    /// Checks and stores a new flight (also used to seed fixtures).
    mutating func createFlight(_ flight: FlightCreate, in campaignExternalId: String) throws(Rejection) {
        var campaign = try requireCampaign(campaignExternalId)
        var violations = ViolationList()
        checkReferences(
            tarifId: flight.tarifId, mediaId: flight.mediaId, platformId: flight.platformId,
            channelId: flight.channelId, advertisingId: flight.advertisingId, priceTypeId: flight.priceTypeId,
            extraPriceLevelId: flight.extraPriceLevelId, adServerId: flight.adServerId,
            flightPositionTypeName: flight.flightPositionTypeName, flightTags: flight.flightTags,
            violations: &violations
        )
        let referencesValid = violations.isEmpty
        if referencesValid {
            checkCombination(
                platformId: flight.platformId, channelId: flight.channelId, advertisingId: flight.advertisingId,
                violations: &violations
            )
        }
        var price = flight.bruttoPriceUnit.amount ?? 0
        if flight.bruttoPriceUnit.amount == nil, referencesValid {
            price = priceFromRate(
                tarifId: flight.tarifId, platformId: flight.platformId, channelId: flight.channelId,
                advertisingId: flight.advertisingId, extraPriceLevelId: flight.extraPriceLevelId,
                priceTypeId: flight.priceTypeId, violations: &violations
            )
        }
        let existing =
            settings.flightExternalIdUniquePerCampaign
            ? campaign.flights.first { $0.externalId == flight.externalId }
            : flightAnywhere(flight.externalId)
        if let existing {
            if existing.invoice == .full {
                violations.add(
                    .flightFullyInvoiced, "externalId",
                    "The flight \"\(flight.externalId)\" is already fully invoiced.",
                    invalidValue: .string(flight.externalId)
                )
            } else {
                violations.add(
                    .externalIdAlreadyUsed, "externalId", "The externalId \"\(flight.externalId)\" is already in use.",
                    invalidValue: .string(flight.externalId)
                )
            }
        }
        if !violations.isEmpty { throw Rejection(violations.reply()) }

        let record = FlightRecord(
            externalId: flight.externalId,
            adServerId: flight.adServerId,
            runtime: flight.runtime,
            tarifId: flight.tarifId,
            mediaId: flight.mediaId,
            platformId: flight.platformId,
            channelId: flight.channelId,
            advertisingId: flight.advertisingId,
            priceTypeId: flight.priceTypeId,
            extraPriceLevelId: flight.extraPriceLevelId,
            units: flight.units,
            bruttoPriceUnit: price,
            flightPositionTypeName: flight.flightPositionTypeName,
            advertisingStatus: flight.advertisingStatus?.rawValue ?? AdvertisingStatus.open.rawValue,
            note: flight.note,
            noteInternal: flight.noteInternal,
            noteBilling: flight.noteBilling,
            keyValueSets: flight.keyValueSets,
            geoTargetingByZip: flight.geoTargetingByZip,
            flightTagIds: flight.flightTags ?? [],
            keyValueSetsXandr: flight.keyValueSetsXandr,
            commission: campaign.defaultCommission
        )
        campaign.flights.append(record)
        for index in campaign.discounts.indices {
            guard let percent = campaign.discounts[index].defaultPercent else { continue }
            campaign.discounts[index].flightDiscounts.append(
                FlightDiscountRecord(
                    externalId: nil, entityId: nextEntityId(), flightExternalId: flight.externalId,
                    amountPercent: percent, amountSum: 0
                )
            )
        }
        put(campaign)
    }

    /// Checks and applies a partial flight update.
    mutating func updateFlight(_ flightId: String, in campaignExternalId: String, with update: FlightUpdate)
        throws(Rejection)
    {
        var campaign = try requireCampaign(campaignExternalId)
        let index = try campaign.requireFlight(flightId)
        var flight = campaign.flights[index]
        var violations = ViolationList()
        checkReferences(
            tarifId: update.tarifId, mediaId: update.mediaId, platformId: update.platformId,
            channelId: update.channelId, advertisingId: update.advertisingId, priceTypeId: update.priceTypeId,
            extraPriceLevelId: update.extraPriceLevelId, adServerId: update.adServerId,
            flightPositionTypeName: update.flightPositionTypeName.value, flightTags: update.flightTags.value,
            violations: &violations
        )
        for (position, set) in (update.keyValueSets ?? []).enumerated() {
            if let adServerId = set.adServerId, !master.contains(.adServer, string: adServerId) {
                violations.add(
                    .invalidKeyValueSetAdServerId, "keyValueSets[\(position)].adServerId",
                    "The adServerId of the key-value set is not valid.", invalidValue: .string(adServerId)
                )
            }
        }
        let referencesValid = violations.isEmpty
        let platformId = update.platformId ?? flight.platformId
        let channelId = update.channelId ?? flight.channelId
        let advertisingId = update.advertisingId ?? flight.advertisingId
        if referencesValid, update.platformId != nil || update.channelId != nil || update.advertisingId != nil {
            checkCombination(
                platformId: platformId, channelId: channelId, advertisingId: advertisingId, violations: &violations
            )
        }
        var price = flight.bruttoPriceUnit
        if let unit = update.bruttoPriceUnit {
            if let amount = unit.amount {
                price = amount
            } else if referencesValid {
                price = priceFromRate(
                    tarifId: update.tarifId ?? flight.tarifId, platformId: platformId, channelId: channelId,
                    advertisingId: advertisingId,
                    extraPriceLevelId: update.extraPriceLevelId ?? flight.extraPriceLevelId,
                    priceTypeId: update.priceTypeId ?? flight.priceTypeId, violations: &violations
                )
            }
        }
        if !violations.isEmpty { throw Rejection(violations.reply()) }

        if let value = update.adServerId { flight.adServerId = value }
        if let runtime = update.runtime {
            flight.runtime = FlightRuntime(
                start: runtime.start ?? flight.runtime.start, end: runtime.end ?? flight.runtime.end)
        }
        if let value = update.tarifId { flight.tarifId = value }
        if let value = update.mediaId { flight.mediaId = value }
        flight.platformId = platformId
        flight.channelId = channelId
        flight.advertisingId = advertisingId
        if let value = update.priceTypeId { flight.priceTypeId = value }
        if let value = update.extraPriceLevelId { flight.extraPriceLevelId = value }
        if let value = update.units { flight.units = value }
        flight.bruttoPriceUnit = price
        switch update.flightPositionTypeName {
        case .absent: break
        case .null: flight.flightPositionTypeName = nil
        case .value(let name): flight.flightPositionTypeName = name
        }
        if let value = update.advertisingStatus { flight.advertisingStatus = value.rawValue }
        if let value = update.note { flight.note = value }
        if let value = update.noteInternal { flight.noteInternal = value }
        if let value = update.noteBilling { flight.noteBilling = value }
        if let value = update.keyValueSets { flight.keyValueSets = value }
        if let value = update.geoTargetingByZip { flight.geoTargetingByZip = value }
        switch update.flightTags {
        case .absent: break
        case .null: flight.flightTagIds = []
        case .value(let tags): flight.flightTagIds = tags
        }
        if let value = update.keyValueSetsXandr { flight.keyValueSetsXandr = value }
        campaign.flights[index] = flight
        put(campaign)
    }

    /// Records `5658b9ca…` for every primary-key reference that does not exist.
    private func checkReferences(
        tarifId: Int?, mediaId: Int?, platformId: Int?, channelId: Int?, advertisingId: Int?, priceTypeId: Int?,
        extraPriceLevelId: Int?, adServerId: String?, flightPositionTypeName: String?, flightTags: [Int]?,
        violations: inout ViolationList
    ) {
        let checks: [(String, PrimaryKeyEntity, Int?)] = [
            ("tarifId", .tarif, tarifId), ("mediaId", .media, mediaId), ("platformId", .platform, platformId),
            ("channelId", .channel, channelId), ("advertisingId", .advertising, advertisingId),
            ("priceTypeId", .priceType, priceTypeId), ("extraPriceLevelId", .extraPriceLevel, extraPriceLevelId),
        ]
        for (path, entity, id) in checks {
            if let id, !master.contains(entity, id) {
                violations.add(.referencedIdNotFound, path, Self.unresolvedMessage, invalidValue: .number(Decimal(id)))
            }
        }
        if let adServerId, !master.contains(.adServer, string: adServerId) {
            violations.add(
                .referencedIdNotFound, "adServerId", Self.unresolvedMessage, invalidValue: .string(adServerId))
        }
        if let name = flightPositionTypeName, !master.items(.flightPositionType).contains(where: { $0.name == name }) {
            violations.add(
                .referencedIdNotFound, "flightPositionTypeName", Self.unresolvedMessage, invalidValue: .string(name))
        }
        for (position, tag) in (flightTags ?? []).enumerated() where !master.contains(.flightTags, tag) {
            violations.add(
                .referencedIdNotFound, "flightTags[\(position)]", Self.unresolvedMessage,
                invalidValue: .number(Decimal(tag))
            )
        }
    }

    private func checkCombination(platformId: Int, channelId: Int, advertisingId: Int, violations: inout ViolationList)
    {
        if !master.hasCombination(platformId: platformId, channelId: channelId, advertisingId: advertisingId) {
            violations.add(
                .unknownPlatformChannelAdvertising, "platformId",
                "The combination of platformId \(platformId), channelId \(channelId) and advertisingId "
                    + "\(advertisingId) does not exist.",
                invalidValue: .number(Decimal(platformId))
            )
        }
    }

    /// The rate-card price for `loadFromRate`, recording `409d70bf…` when no row matches.
    private func priceFromRate(
        tarifId: Int, platformId: Int, channelId: Int, advertisingId: Int, extraPriceLevelId: Int?, priceTypeId: Int,
        violations: inout ViolationList
    ) -> Decimal {
        guard
            let row = master.priceRow(
                tarifId: tarifId, platformId: platformId, channelId: channelId, advertisingId: advertisingId,
                extraPriceLevelId: extraPriceLevelId, priceTypeId: priceTypeId
            )
        else {
            violations.add(
                .priceNotFound, "bruttoPriceUnit",
                "No price row matches this platform, channel, advertising, tarif, extra price level and price type.",
                invalidValue: .string("loadFromRate")
            )
            return 0
        }
        return row.price ?? 0
    }
}
