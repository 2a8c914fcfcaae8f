/// A campaign as goTom returns it, with its flights.
///
/// The sales and campaign-type fields are nullable here although the composed `Campaign` schema is
/// not; null is what the server sends when they are unset, so they decode as nil.
public struct CampaignRead: Codable, Hashable, Sendable {
    /// goTom's own id for the campaign, also called the booking id.
    public var campaignId: Int?

    /// Your id for the campaign.
    public var externalId: String

    /// The campaign name.
    public var name: String

    /// Booking or reservation.
    public var status: CampaignStatus

    /// The day the campaign was booked.
    public var bookingDate: CalendarDate

    /// The advertiser; the key is always sent, the spec lets it be null.
    public var customer: ContactRef?

    /// Campaign type id, from the `campaignType` primary keys.
    public var campaignTypeId: Int?

    /// Free-text reference that goes with the campaign type.
    public var campaignTypeReference: String?

    /// The intermediator, if any.
    public var intermediator: ContactRef?

    /// The agency, if any.
    public var agency: ContactRef?

    /// Remarks; the spec allows null.
    public var note: String?

    /// Internal remarks.
    public var noteInternal: String?

    /// Notes on clarifying the reservation.
    public var noteReservation: String?

    /// Whether invoice PDFs carry attachments like the order confirmation; default true.
    public var pdfInvoiceWithAttachment: Bool?

    /// How flights are invoiced; leave it out to let goTom choose.
    public var billingType: BillingType?

    /// User id of the sales support person; send this or the e-mail, not both.
    public var salesSupportId: Int?

    /// E-mail of the sales support user; send this or the id, not both.
    public var salesSupportEmail: String?

    /// User id of the salesperson; send this or the e-mail, not both.
    public var salesId: Int?

    /// E-mail of the salesperson; send this or the id, not both.
    public var salesEmail: String?

    /// Currency code.
    public var currency: String?

    /// How commissions are settled for this campaign.
    public var commissionStatus: CommissionSettlement?

    /// The campaign's flights.
    public var flights: [FlightRead]?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - campaignId: goTom's own id for the campaign, also called the booking id.
    ///   - externalId: Your id for the campaign.
    ///   - name: The campaign name.
    ///   - status: Booking or reservation.
    ///   - bookingDate: The day the campaign was booked.
    ///   - customer: The advertiser; the key is always sent, the spec lets it be null.
    ///   - campaignTypeId: Campaign type id, from the `campaignType` primary keys.
    ///   - campaignTypeReference: Free-text reference that goes with the campaign type.
    ///   - intermediator: The intermediator, if any.
    ///   - agency: The agency, if any.
    ///   - note: Remarks; the spec allows null.
    ///   - noteInternal: Internal remarks.
    ///   - noteReservation: Notes on clarifying the reservation.
    ///   - pdfInvoiceWithAttachment: Whether invoice PDFs carry attachments like the order confirmation; default true.
    ///   - billingType: How flights are invoiced; leave it out to let goTom choose.
    ///   - salesSupportId: User id of the sales support person; send this or the e-mail, not both.
    ///   - salesSupportEmail: E-mail of the sales support user; send this or the id, not both.
    ///   - salesId: User id of the salesperson; send this or the e-mail, not both.
    ///   - salesEmail: E-mail of the salesperson; send this or the id, not both.
    ///   - currency: Currency code.
    ///   - commissionStatus: How commissions are settled for this campaign.
    ///   - flights: The campaign's flights.
    public init(
        campaignId: Int? = nil,
        externalId: String,
        name: String,
        status: CampaignStatus,
        bookingDate: CalendarDate,
        customer: ContactRef?,
        campaignTypeId: Int? = nil,
        campaignTypeReference: String? = nil,
        intermediator: ContactRef? = nil,
        agency: ContactRef? = nil,
        note: String? = nil,
        noteInternal: String? = nil,
        noteReservation: String? = nil,
        pdfInvoiceWithAttachment: Bool? = nil,
        billingType: BillingType? = nil,
        salesSupportId: Int? = nil,
        salesSupportEmail: String? = nil,
        salesId: Int? = nil,
        salesEmail: String? = nil,
        currency: String? = nil,
        commissionStatus: CommissionSettlement? = nil,
        flights: [FlightRead]? = nil
    ) {
        self.campaignId = campaignId
        self.externalId = externalId
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
        self.commissionStatus = commissionStatus
        self.flights = flights
    }

    private enum CodingKeys: String, CodingKey {
        case campaignId
        case externalId
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
        case commissionStatus
        case flights
    }

    /// Decodes the value; keys the spec requires must be present, even when their value is `null`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when a required key is missing or a value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        campaignId = try container.decodeIfPresent(Int.self, forKey: .campaignId)
        externalId = try container.decode(String.self, forKey: .externalId)
        name = try container.decode(String.self, forKey: .name)
        status = try container.decode(CampaignStatus.self, forKey: .status)
        bookingDate = try container.decode(CalendarDate.self, forKey: .bookingDate)
        customer = try container.decodeNullable(ContactRef.self, forKey: .customer)
        campaignTypeId = try container.decodeIfPresent(Int.self, forKey: .campaignTypeId)
        campaignTypeReference = try container.decodeIfPresent(String.self, forKey: .campaignTypeReference)
        intermediator = try container.decodeIfPresent(ContactRef.self, forKey: .intermediator)
        agency = try container.decodeIfPresent(ContactRef.self, forKey: .agency)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        noteInternal = try container.decodeIfPresent(String.self, forKey: .noteInternal)
        noteReservation = try container.decodeIfPresent(String.self, forKey: .noteReservation)
        pdfInvoiceWithAttachment = try container.decodeIfPresent(Bool.self, forKey: .pdfInvoiceWithAttachment)
        billingType = try container.decodeIfPresent(BillingType.self, forKey: .billingType)
        salesSupportId = try container.decodeIfPresent(Int.self, forKey: .salesSupportId)
        salesSupportEmail = try container.decodeIfPresent(String.self, forKey: .salesSupportEmail)
        salesId = try container.decodeIfPresent(Int.self, forKey: .salesId)
        salesEmail = try container.decodeIfPresent(String.self, forKey: .salesEmail)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        commissionStatus = try container.decodeIfPresent(CommissionSettlement.self, forKey: .commissionStatus)
        flights = try container.decodeIfPresent([FlightRead].self, forKey: .flights)
    }

    /// Encodes the value, writing `null` for unset required keys and leaving unset optional keys out.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` from a field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(campaignId, forKey: .campaignId)
        try container.encode(externalId, forKey: .externalId)
        try container.encode(name, forKey: .name)
        try container.encode(status, forKey: .status)
        try container.encode(bookingDate, forKey: .bookingDate)
        try container.encodeNullable(customer, forKey: .customer)
        try container.encodeIfPresent(campaignTypeId, forKey: .campaignTypeId)
        try container.encodeIfPresent(campaignTypeReference, forKey: .campaignTypeReference)
        try container.encodeIfPresent(intermediator, forKey: .intermediator)
        try container.encodeIfPresent(agency, forKey: .agency)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(noteInternal, forKey: .noteInternal)
        try container.encodeIfPresent(noteReservation, forKey: .noteReservation)
        try container.encodeIfPresent(pdfInvoiceWithAttachment, forKey: .pdfInvoiceWithAttachment)
        try container.encodeIfPresent(billingType, forKey: .billingType)
        try container.encodeIfPresent(salesSupportId, forKey: .salesSupportId)
        try container.encodeIfPresent(salesSupportEmail, forKey: .salesSupportEmail)
        try container.encodeIfPresent(salesId, forKey: .salesId)
        try container.encodeIfPresent(salesEmail, forKey: .salesEmail)
        try container.encodeIfPresent(currency, forKey: .currency)
        try container.encodeIfPresent(commissionStatus, forKey: .commissionStatus)
        try container.encodeIfPresent(flights, forKey: .flights)
    }
}
