import Foundation
import GoTomModels

/// The result of one CRM-sync upsert.
enum CrmUpsertOutcome: Sendable {
    case applied(warnings: [String])
    case failed(apiError: String, warnings: [String])
}

extension SandboxState {
    static let customerKeys: Set<String> = [
        "externalCrmId", "externalId", "firm", "mwst", "note", "status", "statusEc", "pipelineStatus", "language",
        "bankAccountNumber", "bankIBANNumber", "bankClearingNumber", "bankName", "searchstring", "vatType",
        "softDeleted", "commission", "industry", "addresses", "mainAddress", "contacts", "tags", "references",
        "consultants", "paymentTerm",
    ]

    /// Upserts a customer from a CRM-sync `customer` object given as a JSON tree (fixtures, tests).
    ///
    /// - Parameters:
    ///   - object: The `customer` object.
    ///   - defaultDiscounts: Default discounts to store with the customer (fixtures only).
    /// - Returns: The outcome, as for the same object in a request body.
    mutating func upsertCustomer(
        _ object: [String: JSONValue], defaultDiscounts: [CustomerRead.DefaultDiscount]? = nil
    ) -> CrmUpsertOutcome {
        let upsert: CustomerUpsert
        do {
            upsert = try CustomerUpsert(object)
        } catch {
            return .failed(apiError: "The customer data cannot be read: \(error)", warnings: [])
        }
        return upsertCustomer(upsert, defaultDiscounts: defaultDiscounts)
    }

    /// Upserts a customer from the CRM-sync `customer` object, merging addresses and contacts by externalCrmId.
    ///
    /// Nothing changes when the data is rejected. Unknown keys are ignored with a warning, like goTom does.
    mutating func upsertCustomer(
        _ upsert: CustomerUpsert, defaultDiscounts: [CustomerRead.DefaultDiscount]? = nil
    ) -> CrmUpsertOutcome {
        var warnings = upsert.keys.filter { !Self.customerKeys.contains($0) }.sorted().map {
            "Unknown key '\($0)' in the customer data was ignored."
        }
        let write: CustomerWrite
        do {
            write = try upsert.write.get()
        } catch let error as DecodingError {
            let (path, _) = JSONBody.violationPath(of: error, droppingFirst: upsert.pathPrefixLength)
            switch error {
            case .keyNotFound:
                return .failed(apiError: "The customer data lacks the required key '\(path)'.", warnings: warnings)
            default:
                return .failed(apiError: "The customer data has an invalid value at '\(path)'.", warnings: warnings)
            }
        } catch {
            return .failed(apiError: "The customer data cannot be read: \(error)", warnings: warnings)
        }
        if let problem = Self.enumProblem(write) { return .failed(apiError: problem, warnings: warnings) }
        if let failure = settings.crmFailures[write.externalCrmId] {
            return .failed(apiError: failure, warnings: warnings)
        }

        var record =
            customer(write.externalCrmId)
            ?? CustomerRecord(
                entityId: nextCustomerId(), externalCrmId: write.externalCrmId, firm: write.firm,
                status: write.status.rawValue, statusEc: write.statusEc.rawValue, language: write.language.rawValue
            )
        record.firm = write.firm
        record.status = write.status.rawValue
        record.statusEc = write.statusEc.rawValue
        record.language = write.language.rawValue
        if let value = write.externalId { record.externalId = value }
        if let value = write.mwst { record.mwst = value }
        if let value = write.note { record.note = value }
        if let value = write.bankAccountNumber { record.bankAccountNumber = value }
        if let value = write.bankIBANNumber { record.bankIBANNumber = value }
        if let value = write.bankClearingNumber { record.bankClearingNumber = value }
        if let value = write.bankName { record.bankName = value }
        if let value = write.searchstring { record.searchstring = value }
        if let value = write.vatType { record.vatType = value.rawValue }
        if let value = write.softDeleted { record.softDeleted = value }
        if let value = write.commission { record.commission = value }
        switch write.pipelineStatus {
        case .absent: break
        case .null: record.pipelineStatus = nil
        case .value(let status):
            if settings.pipelineStatuses.contains(status.externalCrmId) {
                record.pipelineStatus = status.externalCrmId
            } else {
                warnings.append("Unknown pipeline status '\(status.externalCrmId)' was ignored.")
            }
        }
        // Shared values this upsert sets; the registry takes them once the customer is stored.
        var industryNames: [String: String] = [:]
        var tagNames: [String: String] = [:]
        var paymentTerms: [String: CustomerPaymentTerm] = [:]
        if let industry = write.industry {
            record.industryId = industry.externalCrmId
            industryNames[industry.externalCrmId] =
                industry.name
                ?? registry.industries[industry.externalCrmId] ?? industry.externalCrmId
        }
        for address in write.addresses ?? [] { mergeAddress(address, into: &record) }
        if !record.addresses.contains(where: { $0.address.externalCrmId == write.mainAddress.externalCrmId }) {
            // goTom creates an empty address for an unknown main address.
            record.addresses.append(
                CustomerRecord.AddressRecord(
                    id: nextAddressId(),
                    address: CustomerRead.Address(
                        externalCrmId: write.mainAddress.externalCrmId, title: "", firm: "", department: "", street: "",
                        number: "", addresstext: "", zip: "", place: "", country: "", externalId: nil, sendingRule: nil,
                        sendingRuleAddresses: nil, softDeleted: false
                    )
                )
            )
        }
        record.mainAddressCrmId = write.mainAddress.externalCrmId
        for contact in write.contacts ?? [] { mergeContact(contact, into: &record, warnings: &warnings) }
        if let tags = write.tags {
            record.tagIds = tags.map(\.externalCrmId)
            for tag in tags {
                tagNames[tag.externalCrmId] =
                    tag.name ?? tagNames[tag.externalCrmId] ?? registry.tags[tag.externalCrmId] ?? tag.externalCrmId
            }
        }
        for reference in write.references ?? [] {
            if let index = record.references.firstIndex(where: { $0.externalCrmId == reference.externalCrmId }) {
                if let type = reference.referenceType { record.references[index].referenceType = type }
                if let value = reference.referenceValue { record.references[index].referenceValue = value }
            } else {
                record.references.append(
                    CustomerRead.Reference(
                        externalCrmId: reference.externalCrmId, referenceType: reference.referenceType ?? "",
                        referenceValue: reference.referenceValue ?? ""
                    )
                )
            }
        }
        if let consultants = write.consultants, !consultants.isEmpty { record.consultants = consultants }
        if let term = write.paymentTerm {
            record.paymentTermId = term.externalCrmId
            var stored =
                registry.paymentTerms[term.externalCrmId] ?? CustomerPaymentTerm(externalCrmId: term.externalCrmId)
            if let days = term.days { stored.days = days }
            if let name = term.name { stored.name = name }
            if let days = term.cashDiscountDays { stored.cashDiscountDays = days }
            if let percent = term.cashDiscountPercent { stored.cashDiscountPercent = percent }
            if let phrases = term.billingPhrases { stored.billingPhrases = phrases }
            paymentTerms[term.externalCrmId] = stored
        }
        if let defaultDiscounts { record.defaultDiscounts = defaultDiscounts }
        record.upserts = (record.upserts ?? 0) + 1
        put(record)
        updateRegistry(industries: industryNames, tags: tagNames, paymentTerms: paymentTerms)
        return .applied(warnings: warnings)
    }

    private mutating func mergeAddress(_ address: CustomerWrite.Address, into record: inout CustomerRecord) {
        if let index = record.addresses.firstIndex(where: { $0.address.externalCrmId == address.externalCrmId }) {
            var stored = record.addresses[index].address
            stored.title = address.title
            stored.firm = address.firm
            stored.zip = address.zip
            stored.place = address.place
            stored.country = address.country
            if let value = address.department { stored.department = value }
            if let value = address.street { stored.street = value }
            if let value = address.number { stored.number = value }
            if let value = address.addresstext { stored.addresstext = value }
            if let value = address.externalId { stored.externalId = value }
            if let value = address.sendingRule { stored.sendingRule = value }
            if let value = address.sendingRuleAddresses { stored.sendingRuleAddresses = value }
            if let value = address.softDeleted { stored.softDeleted = value }
            record.addresses[index].address = stored
        } else {
            record.addresses.append(
                CustomerRecord.AddressRecord(
                    id: nextAddressId(),
                    address: CustomerRead.Address(
                        externalCrmId: address.externalCrmId, title: address.title, firm: address.firm,
                        department: address.department ?? "", street: address.street ?? "",
                        number: address.number ?? "",
                        addresstext: address.addresstext ?? "", zip: address.zip, place: address.place,
                        country: address.country, externalId: address.externalId, sendingRule: address.sendingRule,
                        sendingRuleAddresses: address.sendingRuleAddresses, softDeleted: address.softDeleted ?? false
                    )
                )
            )
        }
    }

    private mutating func mergeContact(
        _ contact: CustomerWrite.Contact, into record: inout CustomerRecord, warnings: inout [String]
    ) {
        let index = record.contacts.firstIndex { $0.contact.externalCrmId == contact.externalCrmId }
        var stored =
            index.map { record.contacts[$0].contact }
            ?? CustomerRead.Contact(
                externalCrmId: contact.externalCrmId, peopleGender: contact.peopleGender,
                peopleLastname: contact.peopleLastname, peopleName: contact.peopleName, peoplePhone: "",
                peopleNatel: "",
                peopleEmail: "", peopleStatus: .active, lead: false, jobFunctions: [], pipelineStatus: nil
            )
        stored.peopleGender = contact.peopleGender
        stored.peopleLastname = contact.peopleLastname
        stored.peopleName = contact.peopleName
        if let value = contact.peoplePhone { stored.peoplePhone = value }
        if let value = contact.peopleNatel { stored.peopleNatel = value }
        if let value = contact.peopleEmail { stored.peopleEmail = value }
        if let value = contact.peopleStatus { stored.peopleStatus = value }
        if let value = contact.lead { stored.lead = value }
        if let value = contact.jobFunctions { stored.jobFunctions = value }
        switch contact.pipelineStatus {
        case .absent: break
        case .null: stored.pipelineStatus = nil
        case .value(let status):
            if let id = status.externalCrmId, settings.pipelineStatuses.contains(id) {
                stored.pipelineStatus = CustomerRead.ContactPipelineStatus(externalCrmId: id)
            } else if status.externalCrmId == nil {
                stored.pipelineStatus = nil
            } else {
                warnings.append(
                    "Unknown pipeline status '\(status.externalCrmId ?? "")' of contact "
                        + "'\(contact.externalCrmId)' was ignored."
                )
            }
        }
        if let index {
            record.contacts[index].contact = stored
        } else {
            record.contacts.append(CustomerRecord.ContactRecord(id: nextContactId(), contact: stored))
        }
    }

    /// The first enum value the specs do not allow, described for `errorLogs.api_error`.
    private static func enumProblem(_ write: CustomerWrite) -> String? {
        func problem(_ path: String, _ value: some CustomStringConvertible) -> String {
            "The value '\(value)' is not allowed for '\(path)'."
        }
        if !write.status.isKnown { return problem("status", write.status) }
        if !write.statusEc.isKnown { return problem("statusEc", write.statusEc) }
        if !write.language.isKnown { return problem("language", write.language) }
        if let vatType = write.vatType, !vatType.isKnown { return problem("vatType", vatType) }
        if let commission = write.commission, !commission.type.isKnown {
            return problem("commission.type", commission.type)
        }
        for (index, address) in (write.addresses ?? []).enumerated() {
            if let rule = address.sendingRule, !rule.isKnown { return problem("addresses[\(index)].sendingRule", rule) }
        }
        for (index, contact) in (write.contacts ?? []).enumerated() {
            if !contact.peopleGender.isKnown { return problem("contacts[\(index)].peopleGender", contact.peopleGender) }
            if let status = contact.peopleStatus, !status.isKnown {
                return problem("contacts[\(index)].peopleStatus", status)
            }
            for (position, function) in (contact.jobFunctions ?? []).enumerated() where function.lang != .german {
                return problem("contacts[\(index)].jobFunctions[\(position)].lang", function.lang)
            }
        }
        return nil
    }
}
