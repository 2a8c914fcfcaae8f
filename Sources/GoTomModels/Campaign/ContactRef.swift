/// Points at a customer, agency, intermediator or publisher, optionally with one of its addresses and people.
///
/// Name each part (entity, address, person) by one kind of id: goTom id, external id or CRM id.
/// A `null` address or person id reads the same as a missing one, so both are plain optionals here.
public struct ContactRef: Codable, Hashable, Sendable {
    /// goTom id of the customer, agency, intermediator or publisher.
    public var entityId: Int?

    /// External id of that customer record.
    public var entityExternalId: String?

    /// CRM id (`externalCrmId`) of that customer record.
    public var entityExternalCrmId: String?

    /// goTom id of the address to use; the spec allows null.
    public var addressId: Int?

    /// External id of the address; the spec allows null.
    public var addressExternalId: String?

    /// CRM id of the address; the spec allows null.
    public var addressExternalCrmId: String?

    /// goTom id of the contact person; the spec allows null.
    public var personId: Int?

    /// External id of the contact person; the spec allows null.
    public var personExternalId: String?

    /// CRM id of the contact person; the spec allows null.
    public var personExternalCrmId: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - entityId: goTom id of the customer, agency, intermediator or publisher.
    ///   - entityExternalId: External id of that customer record.
    ///   - entityExternalCrmId: CRM id (`externalCrmId`) of that customer record.
    ///   - addressId: goTom id of the address to use; the spec allows null.
    ///   - addressExternalId: External id of the address; the spec allows null.
    ///   - addressExternalCrmId: CRM id of the address; the spec allows null.
    ///   - personId: goTom id of the contact person; the spec allows null.
    ///   - personExternalId: External id of the contact person; the spec allows null.
    ///   - personExternalCrmId: CRM id of the contact person; the spec allows null.
    public init(
        entityId: Int? = nil,
        entityExternalId: String? = nil,
        entityExternalCrmId: String? = nil,
        addressId: Int? = nil,
        addressExternalId: String? = nil,
        addressExternalCrmId: String? = nil,
        personId: Int? = nil,
        personExternalId: String? = nil,
        personExternalCrmId: String? = nil
    ) {
        self.entityId = entityId
        self.entityExternalId = entityExternalId
        self.entityExternalCrmId = entityExternalCrmId
        self.addressId = addressId
        self.addressExternalId = addressExternalId
        self.addressExternalCrmId = addressExternalCrmId
        self.personId = personId
        self.personExternalId = personExternalId
        self.personExternalCrmId = personExternalCrmId
    }
}
