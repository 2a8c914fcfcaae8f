/// The body that creates a campaign.
///
/// Flattened from the spec's `Campaign`, `CampaignSalesMixin` and the create-only fields.
/// `customer` is non-optional: the schema lets `ContactRef` be null, but a campaign without a customer
/// cannot be created, so the type asks for one.
public struct CampaignCreate: Codable, Hashable, Sendable {
    /// Your id for the campaign; it must not be in use yet.
    public var externalId: String

    /// The campaign name.
    public var name: String

    /// Booking or reservation; the spec requires it although it names booking as default.
    public var status: CampaignStatus

    /// The day the campaign was booked.
    public var bookingDate: CalendarDate

    /// The advertiser the campaign is for.
    public var customer: ContactRef

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

    /// Currency code; the instance default applies when it is left out.
    public var currency: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - externalId: Your id for the campaign; it must not be in use yet.
    ///   - name: The campaign name.
    ///   - status: Booking or reservation; the spec requires it although it names booking as default.
    ///   - bookingDate: The day the campaign was booked.
    ///   - customer: The advertiser the campaign is for.
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
    ///   - currency: Currency code; the instance default applies when it is left out.
    public init(
        externalId: String,
        name: String,
        status: CampaignStatus = .booking,
        bookingDate: CalendarDate,
        customer: ContactRef,
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
        currency: String? = nil
    ) {
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
    }
}
