/// The body of a campaign update: only the fields you send change.
///
/// Fields the spec marks nullable use `Patch`, so leaving a field out and sending `null` stay different
/// requests. Besides `note` and the three contacts, the campaign type and the four sales fields are
/// `Patch` too: `CampaignRead` reports them as nullable and the spec's own examples send them as `null`.
/// `currency` is not declared in the schema, but the endpoint documents a violation for changing it
/// (`ViolationCode.currencyChangeBlockedByInvoicedFlights`), so it is accepted here.
public struct CampaignUpdate: Codable, Hashable, Sendable {
    /// New campaign name.
    public var name: String?

    /// New status.
    public var status: CampaignStatus?

    /// New booking date.
    public var bookingDate: CalendarDate?

    /// New customer; changing it applies that customer's default discounts.
    public var customer: Patch<ContactRef>

    /// Campaign type id, from the `campaignType` primary keys.
    public var campaignTypeId: Patch<Int>

    /// Free-text reference that goes with the campaign type.
    public var campaignTypeReference: Patch<String>

    /// The intermediator, if any. `null` removes it and, by default, resets commissions.
    public var intermediator: Patch<ContactRef>

    /// The agency, if any. `null` removes it and, by default, resets commissions.
    public var agency: Patch<ContactRef>

    /// Remarks; `null` clears them.
    public var note: Patch<String>

    /// Internal remarks.
    public var noteInternal: String?

    /// Notes on clarifying the reservation.
    public var noteReservation: String?

    /// Whether invoice PDFs carry attachments like the order confirmation; default true.
    public var pdfInvoiceWithAttachment: Bool?

    /// How flights are invoiced; leave it out to let goTom choose.
    public var billingType: BillingType?

    /// User id of the sales support person; send this or the e-mail, not both.
    public var salesSupportId: Patch<Int>

    /// E-mail of the sales support user; send this or the id, not both.
    public var salesSupportEmail: Patch<String>

    /// User id of the salesperson; send this or the e-mail, not both.
    public var salesId: Patch<Int>

    /// E-mail of the salesperson; send this or the id, not both.
    public var salesEmail: Patch<String>

    /// New currency; not in the spec's schema, see the type notes.
    public var currency: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - name: New campaign name.
    ///   - status: New status.
    ///   - bookingDate: New booking date.
    ///   - customer: New customer; changing it applies that customer's default discounts.
    ///   - campaignTypeId: Campaign type id, from the `campaignType` primary keys.
    ///   - campaignTypeReference: Free-text reference that goes with the campaign type.
    ///   - intermediator: The intermediator, if any. `null` removes it and, by default, resets commissions.
    ///   - agency: The agency, if any. `null` removes it and, by default, resets commissions.
    ///   - note: Remarks; `null` clears them.
    ///   - noteInternal: Internal remarks.
    ///   - noteReservation: Notes on clarifying the reservation.
    ///   - pdfInvoiceWithAttachment: Whether invoice PDFs carry attachments like the order confirmation; default true.
    ///   - billingType: How flights are invoiced; leave it out to let goTom choose.
    ///   - salesSupportId: User id of the sales support person; send this or the e-mail, not both.
    ///   - salesSupportEmail: E-mail of the sales support user; send this or the id, not both.
    ///   - salesId: User id of the salesperson; send this or the e-mail, not both.
    ///   - salesEmail: E-mail of the salesperson; send this or the id, not both.
    ///   - currency: New currency; not in the spec's schema, see the type notes.
    public init(
        name: String? = nil,
        status: CampaignStatus? = nil,
        bookingDate: CalendarDate? = nil,
        customer: Patch<ContactRef> = .absent,
        campaignTypeId: Patch<Int> = .absent,
        campaignTypeReference: Patch<String> = .absent,
        intermediator: Patch<ContactRef> = .absent,
        agency: Patch<ContactRef> = .absent,
        note: Patch<String> = .absent,
        noteInternal: String? = nil,
        noteReservation: String? = nil,
        pdfInvoiceWithAttachment: Bool? = nil,
        billingType: BillingType? = nil,
        salesSupportId: Patch<Int> = .absent,
        salesSupportEmail: Patch<String> = .absent,
        salesId: Patch<Int> = .absent,
        salesEmail: Patch<String> = .absent,
        currency: String? = nil
    ) {
        self.name = name
        self.status = status
        self.bookingDate = bookingDate
        self.customer = customer
        self.campaignTypeId = campaignTypeId
        self.campaignTypeReference = campaignTypeReference
        self.intermediator = intermediator
        self.agency = agency
        self.note = note
        self.noteInternal = noteInternal
        self.noteReservation = noteReservation
        self.pdfInvoiceWithAttachment = pdfInvoiceWithAttachment
        self.billingType = billingType
        self.salesSupportId = salesSupportId
        self.salesSupportEmail = salesSupportEmail
        self.salesId = salesId
        self.salesEmail = salesEmail
        self.currency = currency
    }

    private enum CodingKeys: String, CodingKey {
        case name
        case status
        case bookingDate
        case customer
        case campaignTypeId
        case campaignTypeReference
        case intermediator
        case agency
        case note
        case noteInternal
        case noteReservation
        case pdfInvoiceWithAttachment
        case billingType
        case salesSupportId
        case salesSupportEmail
        case salesId
        case salesEmail
        case currency
    }

    /// Decodes the value, keeping a missing key apart from an explicit `null`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when a required key is missing or a value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        status = try container.decodeIfPresent(CampaignStatus.self, forKey: .status)
        bookingDate = try container.decodeIfPresent(CalendarDate.self, forKey: .bookingDate)
        customer = try container.decode(Patch<ContactRef>.self, forKey: .customer)
        campaignTypeId = try container.decode(Patch<Int>.self, forKey: .campaignTypeId)
        campaignTypeReference = try container.decode(Patch<String>.self, forKey: .campaignTypeReference)
        intermediator = try container.decode(Patch<ContactRef>.self, forKey: .intermediator)
        agency = try container.decode(Patch<ContactRef>.self, forKey: .agency)
        note = try container.decode(Patch<String>.self, forKey: .note)
        noteInternal = try container.decodeIfPresent(String.self, forKey: .noteInternal)
        noteReservation = try container.decodeIfPresent(String.self, forKey: .noteReservation)
        pdfInvoiceWithAttachment = try container.decodeIfPresent(Bool.self, forKey: .pdfInvoiceWithAttachment)
        billingType = try container.decodeIfPresent(BillingType.self, forKey: .billingType)
        salesSupportId = try container.decode(Patch<Int>.self, forKey: .salesSupportId)
        salesSupportEmail = try container.decode(Patch<String>.self, forKey: .salesSupportEmail)
        salesId = try container.decode(Patch<Int>.self, forKey: .salesId)
        salesEmail = try container.decode(Patch<String>.self, forKey: .salesEmail)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
    }

    /// Encodes the value, leaving absent fields out and writing `null` only where it was asked for.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` from a field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeIfPresent(bookingDate, forKey: .bookingDate)
        try container.encode(customer, forKey: .customer)
        try container.encode(campaignTypeId, forKey: .campaignTypeId)
        try container.encode(campaignTypeReference, forKey: .campaignTypeReference)
        try container.encode(intermediator, forKey: .intermediator)
        try container.encode(agency, forKey: .agency)
        try container.encode(note, forKey: .note)
        try container.encodeIfPresent(noteInternal, forKey: .noteInternal)
        try container.encodeIfPresent(noteReservation, forKey: .noteReservation)
        try container.encodeIfPresent(pdfInvoiceWithAttachment, forKey: .pdfInvoiceWithAttachment)
        try container.encodeIfPresent(billingType, forKey: .billingType)
        try container.encode(salesSupportId, forKey: .salesSupportId)
        try container.encode(salesSupportEmail, forKey: .salesSupportEmail)
        try container.encode(salesId, forKey: .salesId)
        try container.encode(salesEmail, forKey: .salesEmail)
        try container.encodeIfPresent(currency, forKey: .currency)
    }
}
