/// A customer record to create or update through the CRM sync.
///
/// The inner object of the spec's `Customer` schema. The upsert changes only what is sent, and the two
/// nullable pipeline statuses use `Patch` because `null` removes the status.
public struct CustomerWrite: Codable, Hashable, Sendable {
    /// The CRM id; it decides whether the record is created or updated.
    public var externalCrmId: String

    /// The customer's name.
    public var firm: String

    /// Whether the customer is active.
    public var status: CustomerStatus

    /// The role: customer, intermediator, agency or publisher.
    public var statusEc: CustomerType

    /// The preferred language.
    public var language: CustomerLanguage

    /// Which address is the main one; an unknown id creates an empty address.
    public var mainAddress: CustomerWrite.MainAddress

    /// Another external id, unrelated to the CRM sync.
    public var externalId: String?

    /// The VAT number.
    public var mwst: String?

    /// Notes on the customer.
    public var note: String?

    /// The CRM pipeline stage; the spec allows `null`.
    public var pipelineStatus: Patch<CustomerWrite.PipelineStatus>

    /// Bank account number.
    public var bankAccountNumber: String?

    /// IBAN.
    public var bankIBANNumber: String?

    /// Bank clearing number.
    public var bankClearingNumber: String?

    /// Bank name.
    public var bankName: String?

    /// Other names to find the customer by.
    public var searchstring: String?

    /// The VAT treatment; goTom assumes standard.
    public var vatType: VatType?

    /// Whether the record counts as deleted; goTom assumes false.
    public var softDeleted: Bool?

    /// Default commissions (used for agencies and intermediators).
    public var commission: CustomerCommission?

    /// The industry; a name renames it for every customer.
    public var industry: CustomerWrite.Industry?

    /// Addresses to add or update by CRM id; none are deleted.
    public var addresses: [CustomerWrite.Address]?

    /// Contacts to add or update by CRM id; none are deleted.
    public var contacts: [CustomerWrite.Contact]?

    /// Tags; a name renames the tag for every customer.
    public var tags: [CustomerWrite.Tag]?

    /// References to other systems.
    public var references: [CustomerWrite.Reference]?

    /// Consultants; an empty list leaves the current ones.
    public var consultants: [CustomerConsultant]?

    /// The payment term.
    public var paymentTerm: CustomerPaymentTerm?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - externalCrmId: The CRM id; it decides whether the record is created or updated.
    ///   - firm: The customer's name.
    ///   - status: Whether the customer is active.
    ///   - statusEc: The role: customer, intermediator, agency or publisher.
    ///   - language: The preferred language.
    ///   - mainAddress: Which address is the main one; an unknown id creates an empty address.
    ///   - externalId: Another external id, unrelated to the CRM sync.
    ///   - mwst: The VAT number.
    ///   - note: Notes on the customer.
    ///   - pipelineStatus: The CRM pipeline stage; the spec allows `null`.
    ///   - bankAccountNumber: Bank account number.
    ///   - bankIBANNumber: IBAN.
    ///   - bankClearingNumber: Bank clearing number.
    ///   - bankName: Bank name.
    ///   - searchstring: Other names to find the customer by.
    ///   - vatType: The VAT treatment; goTom assumes standard.
    ///   - softDeleted: Whether the record counts as deleted; goTom assumes false.
    ///   - commission: Default commissions (used for agencies and intermediators).
    ///   - industry: The industry; a name renames it for every customer.
    ///   - addresses: Addresses to add or update by CRM id; none are deleted.
    ///   - contacts: Contacts to add or update by CRM id; none are deleted.
    ///   - tags: Tags; a name renames the tag for every customer.
    ///   - references: References to other systems.
    ///   - consultants: Consultants; an empty list leaves the current ones.
    ///   - paymentTerm: The payment term.
    public init(
        externalCrmId: String,
        firm: String,
        status: CustomerStatus,
        statusEc: CustomerType,
        language: CustomerLanguage,
        mainAddress: CustomerWrite.MainAddress,
        externalId: String? = nil,
        mwst: String? = nil,
        note: String? = nil,
        pipelineStatus: Patch<CustomerWrite.PipelineStatus> = .absent,
        bankAccountNumber: String? = nil,
        bankIBANNumber: String? = nil,
        bankClearingNumber: String? = nil,
        bankName: String? = nil,
        searchstring: String? = nil,
        vatType: VatType? = nil,
        softDeleted: Bool? = nil,
        commission: CustomerCommission? = nil,
        industry: CustomerWrite.Industry? = nil,
        addresses: [CustomerWrite.Address]? = nil,
        contacts: [CustomerWrite.Contact]? = nil,
        tags: [CustomerWrite.Tag]? = nil,
        references: [CustomerWrite.Reference]? = nil,
        consultants: [CustomerConsultant]? = nil,
        paymentTerm: CustomerPaymentTerm? = nil
    ) {
        self.externalCrmId = externalCrmId
        self.firm = firm
        self.status = status
        self.statusEc = statusEc
        self.language = language
        self.mainAddress = mainAddress
        self.externalId = externalId
        self.mwst = mwst
        self.note = note
        self.pipelineStatus = pipelineStatus
        self.bankAccountNumber = bankAccountNumber
        self.bankIBANNumber = bankIBANNumber
        self.bankClearingNumber = bankClearingNumber
        self.bankName = bankName
        self.searchstring = searchstring
        self.vatType = vatType
        self.softDeleted = softDeleted
        self.commission = commission
        self.industry = industry
        self.addresses = addresses
        self.contacts = contacts
        self.tags = tags
        self.references = references
        self.consultants = consultants
        self.paymentTerm = paymentTerm
    }

    private enum CodingKeys: String, CodingKey {
        case externalCrmId
        case firm
        case status
        case statusEc
        case language
        case mainAddress
        case externalId
        case mwst
        case note
        case pipelineStatus
        case bankAccountNumber
        case bankIBANNumber
        case bankClearingNumber
        case bankName
        case searchstring
        case vatType
        case softDeleted
        case commission
        case industry
        case addresses
        case contacts
        case tags
        case references
        case consultants
        case paymentTerm
    }

    /// Decodes the value, keeping a missing key apart from an explicit `null`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when a required key is missing or a value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        externalCrmId = try container.decode(String.self, forKey: .externalCrmId)
        firm = try container.decode(String.self, forKey: .firm)
        status = try container.decode(CustomerStatus.self, forKey: .status)
        statusEc = try container.decode(CustomerType.self, forKey: .statusEc)
        language = try container.decode(CustomerLanguage.self, forKey: .language)
        mainAddress = try container.decode(CustomerWrite.MainAddress.self, forKey: .mainAddress)
        externalId = try container.decodeIfPresent(String.self, forKey: .externalId)
        mwst = try container.decodeIfPresent(String.self, forKey: .mwst)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        pipelineStatus = try container.decode(Patch<CustomerWrite.PipelineStatus>.self, forKey: .pipelineStatus)
        bankAccountNumber = try container.decodeIfPresent(String.self, forKey: .bankAccountNumber)
        bankIBANNumber = try container.decodeIfPresent(String.self, forKey: .bankIBANNumber)
        bankClearingNumber = try container.decodeIfPresent(String.self, forKey: .bankClearingNumber)
        bankName = try container.decodeIfPresent(String.self, forKey: .bankName)
        searchstring = try container.decodeIfPresent(String.self, forKey: .searchstring)
        vatType = try container.decodeIfPresent(VatType.self, forKey: .vatType)
        softDeleted = try container.decodeIfPresent(Bool.self, forKey: .softDeleted)
        commission = try container.decodeIfPresent(CustomerCommission.self, forKey: .commission)
        industry = try container.decodeIfPresent(CustomerWrite.Industry.self, forKey: .industry)
        addresses = try container.decodeIfPresent([CustomerWrite.Address].self, forKey: .addresses)
        contacts = try container.decodeIfPresent([CustomerWrite.Contact].self, forKey: .contacts)
        tags = try container.decodeIfPresent([CustomerWrite.Tag].self, forKey: .tags)
        references = try container.decodeIfPresent([CustomerWrite.Reference].self, forKey: .references)
        consultants = try container.decodeIfPresent([CustomerConsultant].self, forKey: .consultants)
        paymentTerm = try container.decodeIfPresent(CustomerPaymentTerm.self, forKey: .paymentTerm)
    }

    /// Encodes the value, leaving absent fields out and writing `null` only where it was asked for.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` from a field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(externalCrmId, forKey: .externalCrmId)
        try container.encode(firm, forKey: .firm)
        try container.encode(status, forKey: .status)
        try container.encode(statusEc, forKey: .statusEc)
        try container.encode(language, forKey: .language)
        try container.encode(mainAddress, forKey: .mainAddress)
        try container.encodeIfPresent(externalId, forKey: .externalId)
        try container.encodeIfPresent(mwst, forKey: .mwst)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encode(pipelineStatus, forKey: .pipelineStatus)
        try container.encodeIfPresent(bankAccountNumber, forKey: .bankAccountNumber)
        try container.encodeIfPresent(bankIBANNumber, forKey: .bankIBANNumber)
        try container.encodeIfPresent(bankClearingNumber, forKey: .bankClearingNumber)
        try container.encodeIfPresent(bankName, forKey: .bankName)
        try container.encodeIfPresent(searchstring, forKey: .searchstring)
        try container.encodeIfPresent(vatType, forKey: .vatType)
        try container.encodeIfPresent(softDeleted, forKey: .softDeleted)
        try container.encodeIfPresent(commission, forKey: .commission)
        try container.encodeIfPresent(industry, forKey: .industry)
        try container.encodeIfPresent(addresses, forKey: .addresses)
        try container.encodeIfPresent(contacts, forKey: .contacts)
        try container.encodeIfPresent(tags, forKey: .tags)
        try container.encodeIfPresent(references, forKey: .references)
        try container.encodeIfPresent(consultants, forKey: .consultants)
        try container.encodeIfPresent(paymentTerm, forKey: .paymentTerm)
    }
}
