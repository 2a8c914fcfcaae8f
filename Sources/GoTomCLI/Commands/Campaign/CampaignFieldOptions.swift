import ArgumentParser
import GoTomModels

/// Flags for the fields of a campaign that create and update share.
struct CampaignFieldOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The campaign name (name).", valueName: "text"))
    var name: String?

    @Option(help: ArgumentHelp("booking or reservation (status).", valueName: "status"))
    var status: String?

    @Option(help: ArgumentHelp("The booking date, YYYY-MM-DD (bookingDate).", valueName: "date"))
    var bookingDate: String?

    @Option(help: ArgumentHelp("The customer's CRM id (customer.entityExternalCrmId).", valueName: "crm-id"))
    var customer: String?

    @Option(help: ArgumentHelp("The agency's CRM id (agency.entityExternalCrmId).", valueName: "crm-id"))
    var agency: String?

    @Option(
        help: ArgumentHelp(
            "The intermediator's CRM id (intermediator.entityExternalCrmId).",
            valueName: "crm-id"))
    var intermediator: String?

    @Option(help: ArgumentHelp("Remarks (note).", valueName: "text"))
    var note: String?

    @Option(help: ArgumentHelp("Internal remarks (noteInternal).", valueName: "text"))
    var noteInternal: String?

    @Option(help: ArgumentHelp("Reservation remarks (noteReservation).", valueName: "text"))
    var noteReservation: String?

    @Option(help: ArgumentHelp("A campaign type id from gotom keys campaignType (campaignTypeId).", valueName: "id"))
    var campaignTypeId: Int?

    @Option(help: ArgumentHelp("A free campaign type reference (campaignTypeReference).", valueName: "text"))
    var campaignTypeReference: String?

    @Option(
        help: ArgumentHelp(
            "0 manual, 1 one invoice at the end, 2 monthly by daily value, 3 monthly by "
                + "delivery (billingType).", valueName: "n"))
    var billingType: Int?

    /// The flag values by dotted JSON path.
    var overrides: [(String, JSONValue?)] {
        [
            ("name", .text(name)), ("status", .text(status)), ("bookingDate", .text(bookingDate)),
            ("customer.entityExternalCrmId", .text(customer)), ("agency.entityExternalCrmId", .text(agency)),
            ("intermediator.entityExternalCrmId", .text(intermediator)), ("note", .text(note)),
            ("noteInternal", .text(noteInternal)), ("noteReservation", .text(noteReservation)),
            ("campaignTypeId", .integer(campaignTypeId)), ("campaignTypeReference", .text(campaignTypeReference)),
            ("billingType", .integer(billingType)),
        ]
    }
}
