/// A customer record (advertiser, agency, intermediator or publisher) as goTom returns it.
///
/// Every field but `pipelineStatus` and `defaultDiscounts` is always sent; nullable ones come as `null`.
public struct CustomerRead: Codable, Hashable, Sendable {
    /// The CRM id, the key of the CRM sync.
    public var externalCrmId: String?

    /// Another external id, unrelated to the CRM sync.
    public var externalId: String?

    /// The customer's name.
    public var firm: String

    /// The VAT number.
    public var mwst: String?

    /// Notes on the customer.
    public var note: String

    /// Whether the customer is active.
    public var status: CustomerStatus

    /// The role: customer, intermediator, agency or publisher.
    public var statusEc: CustomerType

    /// The CRM pipeline stage.
    public var pipelineStatus: CustomerRead.PipelineStatus?

    /// The preferred language.
    public var language: CustomerLanguage

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

    /// The VAT treatment.
    public var vatType: VatType

    /// Whether the record counts as deleted.
    public var softDeleted: Bool

    /// Default commissions (used for agencies and intermediators).
    public var commission: CustomerCommission

    /// The industry.
    public var industry: CustomerRead.Industry?

    /// All addresses.
    public var addresses: [CustomerRead.Address]

    /// Which address is the main one.
    public var mainAddress: CustomerRead.MainAddress?

    /// The contact people.
    public var contacts: [CustomerRead.Contact]

    /// The tags.
    public var tags: [CustomerRead.Tag]

    /// References to other systems.
    public var references: [CustomerRead.Reference]

    /// The goTom users who look after the customer.
    public var consultants: [CustomerConsultant]

    /// The payment term.
    public var paymentTerm: CustomerPaymentTerm

    /// Discounts goTom applies to this customer's new campaigns.
    public var defaultDiscounts: [CustomerRead.DefaultDiscount]?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - externalCrmId: The CRM id, the key of the CRM sync.
    ///   - externalId: Another external id, unrelated to the CRM sync.
    ///   - firm: The customer's name.
    ///   - mwst: The VAT number.
    ///   - note: Notes on the customer.
    ///   - status: Whether the customer is active.
    ///   - statusEc: The role: customer, intermediator, agency or publisher.
    ///   - pipelineStatus: The CRM pipeline stage.
    ///   - language: The preferred language.
    ///   - bankAccountNumber: Bank account number.
    ///   - bankIBANNumber: IBAN.
    ///   - bankClearingNumber: Bank clearing number.
    ///   - bankName: Bank name.
    ///   - searchstring: Other names to find the customer by.
    ///   - vatType: The VAT treatment.
    ///   - softDeleted: Whether the record counts as deleted.
    ///   - commission: Default commissions (used for agencies and intermediators).
    ///   - industry: The industry.
    ///   - addresses: All addresses.
    ///   - mainAddress: Which address is the main one.
    ///   - contacts: The contact people.
    ///   - tags: The tags.
    ///   - references: References to other systems.
    ///   - consultants: The goTom users who look after the customer.
    ///   - paymentTerm: The payment term.
    ///   - defaultDiscounts: Discounts goTom applies to this customer's new campaigns.
    public init(
        externalCrmId: String?,
        externalId: String?,
        firm: String,
        mwst: String?,
        note: String,
        status: CustomerStatus,
        statusEc: CustomerType,
        pipelineStatus: CustomerRead.PipelineStatus? = nil,
        language: CustomerLanguage,
        bankAccountNumber: String?,
        bankIBANNumber: String?,
        bankClearingNumber: String?,
        bankName: String?,
        searchstring: String?,
        vatType: VatType,
        softDeleted: Bool,
        commission: CustomerCommission,
        industry: CustomerRead.Industry?,
        addresses: [CustomerRead.Address],
        mainAddress: CustomerRead.MainAddress?,
        contacts: [CustomerRead.Contact],
        tags: [CustomerRead.Tag],
        references: [CustomerRead.Reference],
        consultants: [CustomerConsultant],
        paymentTerm: CustomerPaymentTerm,
        defaultDiscounts: [CustomerRead.DefaultDiscount]? = nil
    ) {
        self.externalCrmId = externalCrmId
        self.externalId = externalId
        self.firm = firm
        self.mwst = mwst
        self.note = note
        self.status = status
        self.statusEc = statusEc
        self.pipelineStatus = pipelineStatus
        self.language = language
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
        self.mainAddress = mainAddress
        self.contacts = contacts
        self.tags = tags
        self.references = references
        self.consultants = consultants
        self.paymentTerm = paymentTerm
        self.defaultDiscounts = defaultDiscounts
    }

    private enum CodingKeys: String, CodingKey {
        case externalCrmId
        case externalId
        case firm
        case mwst
        case note
        case status
        case statusEc
        case pipelineStatus
        case language
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
        case mainAddress
        case contacts
        case tags
        case references
        case consultants
        case paymentTerm
        case defaultDiscounts
    }

    /// Decodes the value; keys the spec requires must be present, even when their value is `null`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when a required key is missing or a value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        externalCrmId = try container.decodeNullable(String.self, forKey: .externalCrmId)
        externalId = try container.decodeNullable(String.self, forKey: .externalId)
        firm = try container.decode(String.self, forKey: .firm)
        mwst = try container.decodeNullable(String.self, forKey: .mwst)
        note = try container.decode(String.self, forKey: .note)
        status = try container.decode(CustomerStatus.self, forKey: .status)
        statusEc = try container.decode(CustomerType.self, forKey: .statusEc)
        pipelineStatus = try container.decodeIfPresent(CustomerRead.PipelineStatus.self, forKey: .pipelineStatus)
        language = try container.decode(CustomerLanguage.self, forKey: .language)
        bankAccountNumber = try container.decodeNullable(String.self, forKey: .bankAccountNumber)
        bankIBANNumber = try container.decodeNullable(String.self, forKey: .bankIBANNumber)
        bankClearingNumber = try container.decodeNullable(String.self, forKey: .bankClearingNumber)
        bankName = try container.decodeNullable(String.self, forKey: .bankName)
        searchstring = try container.decodeNullable(String.self, forKey: .searchstring)
        vatType = try container.decode(VatType.self, forKey: .vatType)
        softDeleted = try container.decode(Bool.self, forKey: .softDeleted)
        commission = try container.decode(CustomerCommission.self, forKey: .commission)
        industry = try container.decodeNullable(CustomerRead.Industry.self, forKey: .industry)
        addresses = try container.decode([CustomerRead.Address].self, forKey: .addresses)
        mainAddress = try container.decodeNullable(CustomerRead.MainAddress.self, forKey: .mainAddress)
        contacts = try container.decode([CustomerRead.Contact].self, forKey: .contacts)
        tags = try container.decode([CustomerRead.Tag].self, forKey: .tags)
        references = try container.decode([CustomerRead.Reference].self, forKey: .references)
        consultants = try container.decode([CustomerConsultant].self, forKey: .consultants)
        paymentTerm = try container.decode(CustomerPaymentTerm.self, forKey: .paymentTerm)
        defaultDiscounts = try container.decodeIfPresent([CustomerRead.DefaultDiscount].self, forKey: .defaultDiscounts)
    }

    /// Encodes the value, writing `null` for unset required keys and leaving unset optional keys out.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` from a field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeNullable(externalCrmId, forKey: .externalCrmId)
        try container.encodeNullable(externalId, forKey: .externalId)
        try container.encode(firm, forKey: .firm)
        try container.encodeNullable(mwst, forKey: .mwst)
        try container.encode(note, forKey: .note)
        try container.encode(status, forKey: .status)
        try container.encode(statusEc, forKey: .statusEc)
        try container.encodeIfPresent(pipelineStatus, forKey: .pipelineStatus)
        try container.encode(language, forKey: .language)
        try container.encodeNullable(bankAccountNumber, forKey: .bankAccountNumber)
        try container.encodeNullable(bankIBANNumber, forKey: .bankIBANNumber)
        try container.encodeNullable(bankClearingNumber, forKey: .bankClearingNumber)
        try container.encodeNullable(bankName, forKey: .bankName)
        try container.encodeNullable(searchstring, forKey: .searchstring)
        try container.encode(vatType, forKey: .vatType)
        try container.encode(softDeleted, forKey: .softDeleted)
        try container.encode(commission, forKey: .commission)
        try container.encodeNullable(industry, forKey: .industry)
        try container.encode(addresses, forKey: .addresses)
        try container.encodeNullable(mainAddress, forKey: .mainAddress)
        try container.encode(contacts, forKey: .contacts)
        try container.encode(tags, forKey: .tags)
        try container.encode(references, forKey: .references)
        try container.encode(consultants, forKey: .consultants)
        try container.encode(paymentTerm, forKey: .paymentTerm)
        try container.encodeIfPresent(defaultDiscounts, forKey: .defaultDiscounts)
    }
}
