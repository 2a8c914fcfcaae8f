import Foundation
import GoTomModels
import HTTPTypes

extension SandboxHandlers {
    /// C2 `POST /app-api/campaign`: 201 without body.
    func createCampaign(_ request: SandboxRequest) async throws(Rejection) -> SandboxReply {
        let body = try JSONBody.object(request.body)
        try JSONBody.validate(body, BodySchemas.campaignCreate)
        return await change { state throws(Rejection) in
            try state.createCampaign(body)
            return .empty(.created)
        }
    }

    /// C3 `GET /app-api/campaign/{c}`.
    func getCampaign(_ request: SandboxRequest) async -> SandboxReply {
        let externalId = request.parameter(0)
        return await inspect { state throws(Rejection) in
            .json(.ok, state.campaignRead(try state.requireCampaign(externalId)))
        }
    }

    /// C4 `POST /app-api/campaign/{c}?update_commissions=0|1`: partial update, 204.
    func updateCampaign(_ request: SandboxRequest) async throws(Rejection) -> SandboxReply {
        let externalId = request.parameter(0)
        let updateCommissions: Bool
        switch request.query["update_commissions"]?.lowercased() {
        case nil, "1", "true": updateCommissions = true
        case "0", "false": updateCommissions = false
        case let other?:
            throw Rejection(
                .violation(
                    .invalidChoice, path: "update_commissions", message: "Use 0 or 1.", invalidValue: .string(other)
                )
            )
        }
        // goTom does not declare a 404 here, but a missing campaign cannot be updated; answer 404 before the body.
        guard await exists(campaign: externalId) else { return .notFound }
        let body = try JSONBody.object(request.body)
        try JSONBody.validate(body, BodySchemas.campaignUpdate)
        return await change { state throws(Rejection) in
            try state.updateCampaign(externalId, body: body, updateCommissions: updateCommissions)
            return .empty(.noContent)
        }
    }

    /// C20 `POST /app-api/campaign/{c}/document`: stores the decoded file, 201.
    func createDocument(_ request: SandboxRequest) async throws(Rejection) -> SandboxReply {
        let externalId = request.parameter(0)
        guard await exists(campaign: externalId) else { return .notFound }
        let body = try JSONBody.object(request.body)
        try JSONBody.validate(body, BodySchemas.document)
        let name = body["name"]?.stringValue ?? ""
        guard let content = Data(base64Encoded: body["content"]?.stringValue ?? "") else {
            throw Rejection(
                .violation(.invalidType, path: "content", message: "This value is not valid base64.", invalidValue: nil)
            )
        }
        return await change { state throws(Rejection) in
            var campaign = try state.requireCampaign(externalId)
            campaign.documentCount += 1
            state.put(campaign)
            state.addDocument(to: externalId, name: name, content: content)
            return .empty(.created)
        }
    }

    /// C21 `POST /app-api/campaign/{c}/archive-status`: 204.
    func setArchiveStatus(_ request: SandboxRequest) async throws(Rejection) -> SandboxReply {
        let externalId = request.parameter(0)
        guard await exists(campaign: externalId) else { return .notFound }
        let body = try JSONBody.object(request.body)
        try JSONBody.validate(body, BodySchemas.archiveStatus)
        let archive = body["setIsArchived"]?.boolValue ?? false
        return await change { state throws(Rejection) in
            var campaign = try state.requireCampaign(externalId)
            var violations = ViolationList()
            if campaign.isBilled {
                violations.add(
                    .archiveBlockedByBilledCampaign, "setIsArchived",
                    "The campaign is billed; it can be neither archived nor reactivated.", invalidValue: .bool(archive)
                )
            } else if archive, campaign.isPartlyInvoiced {
                violations.add(
                    .archiveBlockedByPartialInvoice, "setIsArchived",
                    "The campaign is partly invoiced and cannot be archived.", invalidValue: .bool(archive)
                )
            }
            if !violations.isEmpty { throw Rejection(violations.reply()) }
            if campaign.archived != archive {
                campaign.archived = archive
                state.put(campaign)
            }
            return .empty(.noContent)
        }
    }

    /// C22 `POST /app-api/campaign/{c}/commission-status`: 204.
    func setCommissionStatus(_ request: SandboxRequest) async throws(Rejection) -> SandboxReply {
        let externalId = request.parameter(0)
        guard await exists(campaign: externalId) else { return .notFound }
        let body = try JSONBody.object(request.body)
        try JSONBody.validate(body, BodySchemas.commissionStatus)
        let value = body["commissionStatus"]?.intValue ?? -1
        return await change { state throws(Rejection) in
            var campaign = try state.requireCampaign(externalId)
            var violations = ViolationList()
            if !CommissionSettlement(rawValue: value).isKnown {
                violations.add(
                    .invalidCommissionStatus, "commissionStatus", "Use one of 0, 2, 3 or 4.",
                    invalidValue: .number(Decimal(value))
                )
            }
            if campaign.hasInvoicedFlight {
                violations.add(
                    .commissionStatusBlockedByInvoicedFlights, "commissionStatus",
                    "Flights of this campaign are invoiced; the commission status cannot change.",
                    invalidValue: .number(Decimal(value))
                )
            }
            if let flight = campaign.flights.first(where: \.deferred) {
                violations.add(
                    .commissionStatusBlockedByDeferredFlight, "commissionStatus",
                    "Flight '\(flight.externalId)' is deferred; no changes allowed.",
                    invalidValue: .number(Decimal(value))
                )
            }
            if !violations.isEmpty { throw Rejection(violations.reply()) }
            campaign.commissionStatus = value
            state.put(campaign)
            return .empty(.noContent)
        }
    }
}

extension SandboxState {
    /// Checks and stores a new campaign (also used to seed fixtures).
    mutating func createCampaign(_ body: JSONValue) throws(Rejection) {
        let members = body.objectValue ?? [:]
        var violations = ViolationList()
        let customer = members["customer"].flatMap { resolveParty($0, path: "customer", violations: &violations) }
        let intermediator = members["intermediator"].flatMap {
            $0.isNull ? nil : resolveParty($0, path: "intermediator", violations: &violations)
        }
        let agency = members["agency"].flatMap {
            $0.isNull ? nil : resolveParty($0, path: "agency", violations: &violations)
        }
        let campaignTypeId = members["campaignTypeId"]?.intValue
        if let campaignTypeId, !master.contains(.campaignType, campaignTypeId) {
            violations.add(
                .referencedIdNotFound, "campaignTypeId", Self.unresolvedMessage,
                invalidValue: .number(Decimal(campaignTypeId))
            )
        }
        let salesSupport = resolveUser(
            members, idKey: "salesSupportId", emailKey: "salesSupportEmail", violations: &violations
        )
        let sales = resolveUser(members, idKey: "salesId", emailKey: "salesEmail", violations: &violations)
        let currency = members["currency"]?.stringValue ?? settings.defaultCurrency
        checkCurrency(currency, violations: &violations)
        let billingType = members["billingType"]?.intValue ?? settings.defaultBillingType
        if members["billingType"] != nil { checkBillingType(billingType, violations: &violations) }
        let externalId = members["externalId"]?.stringValue ?? ""
        if campaign(externalId) != nil {
            violations.add(
                .externalIdAlreadyUsed, "externalId", "The externalId \"\(externalId)\" is already in use.",
                invalidValue: .string(externalId)
            )
        }
        for rule in settings.expressionRules where members[rule.whenField] == rule.equals {
            let required = members[rule.requireField]
            if required == nil || required == .null || required == .string("") {
                violations.add(
                    .expressionConstraintFailed, rule.requireField, rule.message, invalidValue: required ?? .null)
            }
        }
        let bookingDate = members["bookingDate"]?.stringValue.flatMap(CalendarDate.init)
        if bookingDate == nil {
            violations.add(
                .invalidType, "bookingDate", "This value is not a valid date.", invalidValue: members["bookingDate"])
        }
        guard violations.isEmpty, let bookingDate else { throw Rejection(violations.reply()) }

        let agencyCommission = commission(of: agency)
        let intermediatorCommission = commission(of: intermediator)
        var campaign = CampaignRecord(
            campaignId: nextCampaignId(),
            externalId: externalId,
            name: members["name"]?.stringValue ?? "",
            status: members["status"]?.stringValue ?? "booking",
            bookingDate: bookingDate,
            campaignTypeId: campaignTypeId,
            campaignTypeReference: members["campaignTypeReference"]?.stringValue,
            customer: customer,
            intermediator: intermediator,
            agency: agency,
            note: members["note"]?.stringValue,
            noteInternal: members["noteInternal"]?.stringValue,
            noteReservation: members["noteReservation"]?.stringValue,
            pdfInvoiceWithAttachment: members["pdfInvoiceWithAttachment"]?.boolValue ?? true,
            billingType: billingType,
            salesSupportUserId: salesSupport,
            salesUserId: sales,
            currency: currency,
            commissionStatus: (agencyCommission ?? intermediatorCommission)?.type.rawValue ?? 0,
            vmkType: intermediator == nil ? nil : IntermediatorCommissionType.vmk.rawValue,
            defaultCommission: CommissionValues(
                bkPercent: agencyCommission?.bkCommission ?? 0,
                vmkPercent: intermediatorCommission?.vmkCommission ?? 0
            )
        )
        applyDefaultDiscounts(of: customer, to: &campaign)
        put(campaign)
    }

    /// Checks and applies a partial campaign update.
    mutating func updateCampaign(_ externalId: String, body: JSONValue, updateCommissions: Bool) throws(Rejection) {
        var campaign = try requireCampaign(externalId)
        let members = body.objectValue ?? [:]
        var violations = ViolationList()

        let customer = members["customer"].flatMap { resolveParty($0, path: "customer", violations: &violations) }
        func optionalParty(_ key: String) -> PartyRef?? {
            guard let member = members[key] else { return .none }
            if member.isNull { return .some(nil) }
            return .some(resolveParty(member, path: key, violations: &violations))
        }
        let intermediator = optionalParty("intermediator")
        let agency = optionalParty("agency")
        if let campaignTypeId = members["campaignTypeId"]?.intValue, !master.contains(.campaignType, campaignTypeId) {
            violations.add(
                .referencedIdNotFound, "campaignTypeId", Self.unresolvedMessage,
                invalidValue: .number(Decimal(campaignTypeId))
            )
        }
        let salesSupport = resolveUser(
            members, idKey: "salesSupportId", emailKey: "salesSupportEmail", violations: &violations
        )
        let sales = resolveUser(members, idKey: "salesId", emailKey: "salesEmail", violations: &violations)
        let currency = members["currency"]?.stringValue
        if let currency { checkCurrency(currency, violations: &violations) }
        let billingType = members["billingType"]?.intValue
        if let billingType { checkBillingType(billingType, violations: &violations) }

        if campaign.hasInvoicedFlight {
            let blocked = "Flights of this campaign are already invoiced."
            if let status = members["status"]?.stringValue, campaign.status == "booking", status == "reservation" {
                violations.add(.reservationBlockedByInvoicedFlights, "status", blocked, invalidValue: .string(status))
            }
            if let customer, customer.customerEntityId != campaign.customer?.customerEntityId {
                violations.add(
                    .customerChangeBlockedByInvoicedFlights, "customer", blocked, invalidValue: members["customer"])
            }
            if let agency, agency?.customerEntityId != campaign.agency?.customerEntityId {
                violations.add(
                    .agencyChangeBlockedByInvoicedFlights, "agency", blocked, invalidValue: members["agency"])
            }
            if let intermediator, intermediator?.customerEntityId != campaign.intermediator?.customerEntityId {
                violations.add(
                    .intermediatorChangeBlockedByInvoicedFlights, "intermediator", blocked,
                    invalidValue: members["intermediator"]
                )
            }
            if let currency, currency != campaign.currency {
                violations.add(
                    .currencyChangeBlockedByInvoicedFlights, "currency", blocked, invalidValue: .string(currency))
            }
            if let billingType, billingType != campaign.billingType {
                violations.add(
                    .billingTypeChangeBlockedByInvoices, "billingType",
                    "The campaign is already invoiced; its billingType cannot change and nothing was updated.",
                    invalidValue: .number(Decimal(billingType))
                )
            }
        }
        if !violations.isEmpty { throw Rejection(violations.reply()) }

        if let name = members["name"]?.stringValue { campaign.name = name }
        if let status = members["status"]?.stringValue { campaign.status = status }
        if let date = members["bookingDate"]?.stringValue.flatMap(CalendarDate.init) { campaign.bookingDate = date }
        if let member = members["campaignTypeId"] { campaign.campaignTypeId = member.intValue }
        if let member = members["campaignTypeReference"] { campaign.campaignTypeReference = member.stringValue }
        if let member = members["note"] { campaign.note = member.stringValue }
        if let text = members["noteInternal"]?.stringValue { campaign.noteInternal = text }
        if let text = members["noteReservation"]?.stringValue { campaign.noteReservation = text }
        if let flag = members["pdfInvoiceWithAttachment"]?.boolValue { campaign.pdfInvoiceWithAttachment = flag }
        if let billingType { campaign.billingType = billingType }
        if let currency { campaign.currency = currency }
        if members["salesSupportId"] != nil || members["salesSupportEmail"] != nil {
            campaign.salesSupportUserId = salesSupport
        }
        if members["salesId"] != nil || members["salesEmail"] != nil { campaign.salesUserId = sales }
        if let customer, customer != campaign.customer {
            let changedEntity = customer.customerEntityId != campaign.customer?.customerEntityId
            campaign.customer = customer
            if changedEntity {
                // A new customer brings its own default discounts instead of the previous customer's.
                campaign.discounts.removeAll { $0.externalId == nil && $0.defaultPercent != nil }
                applyDefaultDiscounts(of: customer, to: &campaign)
            }
        }
        if let intermediator { campaign.intermediator = intermediator }
        if let agency { campaign.agency = agency }
        if intermediator != nil, campaign.intermediator != nil, campaign.vmkType == nil {
            campaign.vmkType = IntermediatorCommissionType.vmk.rawValue
        }
        if updateCommissions, agency != nil || intermediator != nil {
            resetCommissions(of: &campaign, agency: agency, intermediator: intermediator)
        }
        put(campaign)
    }

    /// Sets the campaign's default commissions and every flight's from a new agency and/or intermediator.
    private func resetCommissions(of campaign: inout CampaignRecord, agency: PartyRef??, intermediator: PartyRef??) {
        if let agency {
            let percent = commission(of: agency)?.bkCommission ?? 0
            campaign.defaultCommission.bkPercent = percent
            campaign.defaultCommission.bkAmount = nil
            for index in campaign.flights.indices {
                campaign.flights[index].commission.bkPercent = percent
                campaign.flights[index].commission.bkAmount = nil
            }
        }
        if let intermediator {
            let percent = commission(of: intermediator)?.vmkCommission ?? 0
            campaign.defaultCommission.vmkPercent = percent
            campaign.defaultCommission.vmkAmount = nil
            for index in campaign.flights.indices {
                campaign.flights[index].commission.vmkPercent = percent
                campaign.flights[index].commission.vmkAmount = nil
            }
        }
        if agency == .some(nil) || intermediator == .some(nil) {
            campaign.commissionStatus = 0
        } else if let type = (commission(of: campaign.agency) ?? commission(of: campaign.intermediator))?.type {
            campaign.commissionStatus = type.rawValue
        }
    }

    /// Adds the customer's default discounts as campaign discounts without externalId, on every flight.
    mutating func applyDefaultDiscounts(of party: PartyRef?, to campaign: inout CampaignRecord) {
        guard settings.applyCustomerDefaultDiscounts, let party,
            let customer = customer(entityId: party.customerEntityId)
        else { return }
        for discount in customer.defaultDiscounts {
            var record = CampaignDiscountRecord(
                externalId: nil, entityId: nextEntityId(), name: discount.name, defaultPercent: discount.percent
            )
            for flight in campaign.flights {
                record.flightDiscounts.append(
                    FlightDiscountRecord(
                        externalId: nil, entityId: nextEntityId(), flightExternalId: flight.externalId,
                        amountPercent: discount.percent, amountSum: 0
                    )
                )
            }
            campaign.discounts.append(record)
        }
    }

    func checkCurrency(_ currency: String, violations: inout ViolationList) {
        if !settings.currencies.contains(currency) {
            violations.add(
                .currencyNotConfigured, "currency",
                "The currency \"\(currency)\" is not configured; use one of "
                    + settings.currencies.joined(separator: ", ") + ".",
                invalidValue: .string(currency)
            )
        }
    }

    func checkBillingType(_ billingType: Int, violations: inout ViolationList) {
        if !settings.billingTypes.contains(billingType) {
            let allowed = settings.billingTypes.map(String.init).joined(separator: ", ")
            violations.add(
                .billingTypeNotSupported, "billingType",
                "This billingType is not supported on this instance; allowed values: \(allowed).",
                invalidValue: .number(Decimal(billingType))
            )
        }
    }
}
