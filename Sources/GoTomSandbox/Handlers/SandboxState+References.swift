import Foundation
import GoTomModels
import HTTPTypes

extension SandboxState {
    static let unresolvedMessage = "This value does not reference an existing entity."

    /// Resolves a `ContactRef` (customer, agency or intermediator) to stored ids, recording `5658b9ca…`
    /// violations under `path` for every id that points at nothing.
    func resolveParty(_ value: JSONValue, path: String, violations: inout ViolationList) -> PartyRef? {
        let members = value.objectValue ?? [:]
        var found: [CustomerRecord] = []
        var anyEntityKey = false
        func check(_ key: String, _ lookup: (JSONValue) -> CustomerRecord?) {
            guard let member = members[key], !member.isNull else { return }
            anyEntityKey = true
            if let customer = lookup(member) {
                if let first = found.first, first.entityId != customer.entityId {
                    violations.add(
                        .referencedIdNotFound, ViolationList.path(path, key),
                        "This value references a different entity than the other ids.", invalidValue: member
                    )
                } else {
                    found.append(customer)
                }
            } else {
                violations.add(
                    .referencedIdNotFound, ViolationList.path(path, key), Self.unresolvedMessage, invalidValue: member
                )
            }
        }
        check("entityId") { $0.intValue.flatMap { customer(entityId: $0) } }
        check("entityExternalId") { id in customers.values.first { $0.externalId == id.stringValue } }
        check("entityExternalCrmId") { $0.stringValue.flatMap { customer($0) } }
        guard anyEntityKey else {
            violations.add(
                .nullValue, ViolationList.path(path, "entityId"),
                "Give entityId, entityExternalId or entityExternalCrmId."
            )
            return nil
        }
        guard let customer = found.first else { return nil }

        var addressId: Int? = customer.addresses.first { $0.address.externalCrmId == customer.mainAddressCrmId }?.id
        var addressGiven = false
        func checkAddress(_ key: String, _ lookup: (JSONValue) -> CustomerRecord.AddressRecord?) {
            guard !addressGiven, let member = members[key], !member.isNull else { return }
            addressGiven = true
            if let address = lookup(member) {
                addressId = address.id
            } else {
                violations.add(
                    .referencedIdNotFound, ViolationList.path(path, key), Self.unresolvedMessage, invalidValue: member)
            }
        }
        checkAddress("addressId") { id in customer.addresses.first { $0.id == id.intValue } }
        checkAddress("addressExternalId") { id in
            customer.addresses.first { $0.address.externalId.map(String.init) == id.stringValue }
        }
        checkAddress("addressExternalCrmId") { id in
            customer.addresses.first { $0.address.externalCrmId == id.stringValue }
        }

        var personId: Int?
        var personGiven = false
        func checkPerson(_ key: String, _ lookup: (JSONValue) -> CustomerRecord.ContactRecord?) {
            guard !personGiven, let member = members[key], !member.isNull else { return }
            personGiven = true
            if let contact = lookup(member) {
                personId = contact.id
            } else {
                violations.add(
                    .referencedIdNotFound, ViolationList.path(path, key), Self.unresolvedMessage, invalidValue: member)
            }
        }
        checkPerson("personId") { id in customer.contacts.first { $0.id == id.intValue } }
        checkPerson("personExternalId") { id in
            customer.contacts.first { $0.externalId != nil && $0.externalId == id.stringValue }
        }
        checkPerson("personExternalCrmId") { id in
            customer.contacts.first { $0.contact.externalCrmId == id.stringValue }
        }
        return PartyRef(customerEntityId: customer.entityId, addressId: addressId, personId: personId)
    }

    /// Resolves a sales role given as user id and/or e-mail; `nil` when neither key holds a value.
    func resolveUser(
        _ members: [String: JSONValue], idKey: String, emailKey: String, violations: inout ViolationList
    ) -> Int? {
        let users = master.items(.user)
        var resolved: Int?
        if let id = members[idKey]?.intValue {
            if users.contains(where: { $0.id == .integer(id) }) {
                resolved = id
            } else {
                violations.add(.referencedIdNotFound, idKey, Self.unresolvedMessage, invalidValue: .number(.init(id)))
            }
        }
        if let email = members[emailKey]?.stringValue {
            if let user = users.first(where: { $0.email?.lowercased() == email.lowercased() }),
                let id = user.id.integerValue
            {
                if let resolved, resolved != id {
                    violations.add(
                        .referencedIdNotFound, emailKey, "This e-mail belongs to a different user than \(idKey).",
                        invalidValue: .string(email)
                    )
                }
                resolved = resolved ?? id
            } else {
                violations.add(.referencedIdNotFound, emailKey, Self.unresolvedMessage, invalidValue: .string(email))
            }
        }
        return resolved
    }

    /// The `ContactRef` a campaign read shows for a stored party, with every id form the sandbox knows.
    func contactRef(_ party: PartyRef?) -> ContactRef? {
        guard let party, let customer = customer(entityId: party.customerEntityId) else { return nil }
        let address = party.addressId.flatMap { customer.address(id: $0) }
        let person = party.personId.flatMap { customer.contact(id: $0) }
        return ContactRef(
            entityId: customer.entityId,
            entityExternalId: customer.externalId,
            entityExternalCrmId: customer.externalCrmId,
            addressId: address?.id,
            addressExternalId: address?.address.externalId.map(String.init),
            addressExternalCrmId: address?.address.externalCrmId,
            personId: person?.id,
            personExternalId: person?.externalId,
            personExternalCrmId: person?.contact.externalCrmId
        )
    }

    /// The commission settings a party brings to a campaign.
    func commission(of party: PartyRef?) -> CustomerCommission? {
        party.flatMap { customer(entityId: $0.customerEntityId) }?.commission
    }
}
