import Foundation
import GoTomModels
import HTTPTypes

/// Builds the tenant from the demo data and the fixtures file.
enum SandboxBootstrap {
    /// The instance settings after applying the fixtures' `settings`.
    static func settings(from fixtures: SandboxFixtures?) throws(SandboxError) -> SandboxSettings {
        var settings = SandboxSettings()
        for failure in fixtures?.crmFailures ?? [] { settings.crmFailures[failure.externalCrmId] = failure.apiError }
        guard let given = fixtures?.settings else { return settings }
        if let value = given.currencies { settings.currencies = value }
        if let value = given.defaultCurrency { settings.defaultCurrency = value }
        if let value = given.billingTypes { settings.billingTypes = value }
        if let value = given.defaultBillingType { settings.defaultBillingType = value }
        switch given.discountStrategy {
        case nil, "normal": break
        case "sumUp": settings.sumUpDiscountStrategy = true
        case let other?: throw .invalidFixtures("settings.discountStrategy must be normal or sumUp, not \(other)")
        }
        if let value = given.marketerNetwork { settings.marketerNetwork = value }
        if let value = given.crmSync { settings.crmSync = value }
        if let value = given.crmSyncMode {
            guard let mode = SandboxSettings.CrmSyncMode(rawValue: value) else {
                throw .invalidFixtures("settings.crmSyncMode must be sync, deferred or pending, not \(value)")
            }
            settings.crmSyncMode = mode
        }
        switch given.flightExternalIdScope {
        case nil, "tenant": break
        case "campaign": settings.flightExternalIdUniquePerCampaign = true
        case let other?:
            throw .invalidFixtures("settings.flightExternalIdScope must be tenant or campaign, not \(other)")
        }
        if let value = given.applyCustomerDefaultDiscounts { settings.applyCustomerDefaultDiscounts = value }
        if let value = given.customerPageSize { settings.customerPageSize = max(1, value) }
        if let value = given.pricePageSize { settings.pricePageSize = max(1, value) }
        if let value = given.primaryKeyPageSize { settings.primaryKeyPageSize = max(1, value) }
        if let value = given.pipelineStatuses { settings.pipelineStatuses = Set(value) }
        if let value = given.expressionRules { settings.expressionRules = value }
        return settings
    }

    /// The master data: demo data (unless replaced) with the fixtures' rows on top.
    static func masterData(from fixtures: SandboxFixtures?, largeReport: LargeReport) throws(SandboxError) -> MasterData
    {
        let demo = fixtures?.replaceDemoData != true
        var master = MasterData(largeReport: largeReport)
        if demo {
            master.primaryKeys = DemoData.primaryKeys
            master.networks = DemoData.networks
            master.prices = DemoData.prices
            master.graphReports = DemoData.graphReports
            master.customReports = DemoData.customReports
        }
        for (entity, rows) in fixtures?.primaryKeys ?? [:] {
            guard PrimaryKeyEntity(rawValue: entity).isKnown else {
                throw .invalidFixtures("primaryKeys: unknown entity '\(entity)'")
            }
            var byId: [String: PrimaryKeyItem] = [:]
            for row in master.primaryKeys[entity] ?? [] { byId[row.id.description] = row }
            for row in rows { byId[row.id.description] = row }
            master.primaryKeys[entity] = MasterData.sorted(Array(byId.values))
        }
        for network in fixtures?.networks ?? [] { master.networks[network.platformId] = Set(network.memberPlatformIds) }
        master.prices += fixtures?.prices ?? []
        for report in fixtures?.reports ?? [] {
            switch report.kind {
            case "graph": master.graphReports[report.id] = report.csv
            case "custom": master.customReports[report.id] = report.csv
            default: throw .invalidFixtures("reports: kind must be graph or custom, not \(report.kind)")
            }
        }
        return master
    }

    /// Seeds customers, campaigns and CRM jobs that do not exist yet.
    static func seed(_ state: inout SandboxState, from fixtures: SandboxFixtures?) throws(SandboxError) {
        var customers = fixtures?.replaceDemoData == true ? [] : DemoData.customers
        customers += fixtures?.customers ?? []
        for (index, value) in customers.enumerated() {
            guard var object = value.objectValue, let key = object["externalCrmId"]?.stringValue else {
                throw .invalidFixtures("customers[\(index)] needs an externalCrmId")
            }
            guard state.customer(key) == nil else { continue }
            var discounts: [CustomerRead.DefaultDiscount]?
            if let raw = object.removeValue(forKey: "defaultDiscounts") {
                do {
                    discounts = try JSONBody.convert([CustomerRead.DefaultDiscount].self, from: raw)
                } catch {
                    throw .invalidFixtures("customers[\(index)].defaultDiscounts: \(error)")
                }
            }
            if case .failed(let apiError, _) = state.upsertCustomer(object, defaultDiscounts: discounts) {
                throw .invalidFixtures("customers[\(index)] (\(key)): \(apiError)")
            }
        }
        for (index, value) in (fixtures?.campaigns ?? []).enumerated() {
            try seedCampaign(value, index: index, into: &state)
        }
        // After the fixtures' campaigns, so that a fixture may take one of the demo ids for itself.
        for (index, value) in (fixtures?.replaceDemoData == true ? [] : DemoData.campaigns).enumerated() {
            try seedCampaign(value, index: index, into: &state, place: "demo campaigns[\(index)]")
        }
        for job in fixtures?.crmJobs ?? [] {
            state.record(
                CrmJob(id: job.jobId, status: job.status, apiError: job.apiError, warnings: job.warningLogs)
            )
        }
    }

    private static func seedCampaign(
        _ value: JSONValue, index: Int, into state: inout SandboxState, place: String? = nil
    ) throws(SandboxError) {
        let place = place ?? "campaigns[\(index)]"
        guard let object = value.objectValue, let externalId = object["externalId"]?.stringValue else {
            throw .invalidFixtures("\(place) needs an externalId")
        }
        guard state.campaign(externalId) == nil else { return }
        do {
            try JSONBody.validate(value, BodySchemas.campaignCreate)
            try state.createCampaign(value)
        } catch {
            throw .invalidFixtures("\(place): \(describe(error.reply))")
        }
        for (position, flightValue) in (object["flights"]?.arrayValue ?? []).enumerated() {
            do {
                try JSONBody.validate(flightValue, BodySchemas.flightCreate)
                try state.createFlight(JSONBody.decode(FlightCreate.self, from: flightValue), in: externalId)
            } catch {
                throw .invalidFixtures("\(place).flights[\(position)]: \(describe(error.reply))")
            }
        }
        guard var campaign = state.campaign(externalId) else { return }
        campaign.archived = object["archived"]?.boolValue ?? false
        campaign.deltaInvoice = object["deltaInvoice"]?.boolValue ?? false
        campaign.billed = object["billed"]?.boolValue ?? false
        if let vmkType = object["vmkType"]?.stringValue { campaign.vmkType = vmkType }
        for flightValue in object["flights"]?.arrayValue ?? [] {
            guard let id = flightValue["externalId"]?.stringValue, let position = campaign.flightIndex(id) else {
                continue
            }
            do {
                let flags = try JSONBody.convert(FlightFlags.self, from: flightValue)
                if let invoice = flags.invoice { campaign.flights[position].invoice = invoice }
                campaign.flights[position].deferred = flags.deferred ?? false
                campaign.flights[position].adServerData = flags.adServerData ?? false
                campaign.flights[position].publisherPayouts = flags.publisherPayouts ?? false
                campaign.flights[position].lineItem = flags.lineItem
                if let commission = flags.commission { campaign.flights[position].commission = commission }
                if let sublines = flags.sublines { campaign.flights[position].sublines = sublines }
            } catch {
                throw .invalidFixtures("\(place).flights (\(id)): \(error)")
            }
        }
        if let raw = object["discounts"] {
            do {
                let discounts = try JSONBody.convert([DiscountSeed].self, from: raw)
                for discount in discounts {
                    var record = CampaignDiscountRecord(
                        externalId: discount.externalId, entityId: state.nextEntityId(), name: discount.name
                    )
                    for flightDiscount in discount.flightDiscounts ?? [] {
                        record.flightDiscounts.append(
                            FlightDiscountRecord(
                                externalId: flightDiscount.externalId, entityId: state.nextEntityId(),
                                flightExternalId: flightDiscount.flightExternalId,
                                amountPercent: flightDiscount.amountPercent ?? 0,
                                amountSum: flightDiscount.amountSum ?? 0
                            )
                        )
                    }
                    campaign.discounts.append(record)
                }
            } catch {
                throw .invalidFixtures("\(place).discounts: \(error)")
            }
        }
        state.put(campaign)
    }

    private struct FlightFlags: Decodable {
        var invoice: InvoiceState?
        var deferred: Bool?
        var adServerData: Bool?
        var publisherPayouts: Bool?
        var lineItem: FlightLineItemId?
        var sublines: [FlightSubline]?
        var commission: CommissionValues?
    }

    private struct DiscountSeed: Decodable {
        struct FlightDiscountSeed: Decodable {
            var externalId: String?
            var flightExternalId: String
            var amountPercent: Decimal?
            var amountSum: Decimal?
        }

        var externalId: String?
        var name: String
        var flightDiscounts: [FlightDiscountSeed]?
    }

    /// The text of a rejection reply, for error messages.
    static func describe(_ reply: SandboxReply) -> String {
        if case .bytes(let bytes) = reply.body { return String(decoding: bytes, as: UTF8.self) }
        return "HTTP \(reply.status.code)"
    }
}
