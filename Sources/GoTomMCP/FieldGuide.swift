/// What each field of goTom's entities means, written for people and agents preparing bookings.
///
/// Served as one MCP resource per entity (`gotom://guide/<entity>`) and used for the descriptions of tool inputs.
enum FieldGuide {
    struct Entity: Sendable {
        var key: String
        var title: String
        var introduction: String
        var fields: [(String, String)]
    }

    static let entities: [Entity] = [
        Entity(
            key: "campaign", title: "Campaign",
            introduction: "A campaign is one order of a customer: it groups the flights that are booked or reserved "
                + "together and is invoiced as a whole. You choose its id (externalId); goTom adds its own number.",
            fields: [
                ("externalId", "Your id for the campaign; unique, used in every later call."),
                ("name", "The campaign's title as it appears in goTom and on documents."),
                ("status", "\"reservation\" holds inventory without a firm order; \"booking\" is a firm order."),
                ("bookingDate", "The day the order was placed (yyyy-MM-dd)."),
                (
                    "customer",
                    "Who orders: a reference to a customer by entityId, entityExternalId or "
                        + "entityExternalCrmId, optionally with an address and a person."
                ),
                ("agency", "The media agency acting for the customer, if any (same reference shape); null removes it."),
                ("intermediator", "A second intermediary, if any (same reference shape); null removes it."),
                ("campaignTypeId", "The campaign type, an id from primary_keys_list entity campaignType."),
                ("campaignTypeReference", "The campaign type by its reference text instead of its id."),
                ("note", "A note visible on the campaign."),
                ("noteInternal", "A note for your own staff only."),
                ("noteReservation", "A note about the reservation."),
                ("pdfInvoiceWithAttachment", "Whether invoices are sent with the campaign's documents attached."),
                (
                    "billingType",
                    "How flights reach invoices: 0 invoices arranged by hand, 1 one invoice after the campaign, "
                        + "2 monthly by each flight's daily value, 3 monthly by delivered value (needs an ad server)."
                ),
                ("salesId", "The salesperson, a user id from primary_keys_list entity user."),
                ("salesEmail", "The salesperson by e-mail instead of id."),
                ("salesSupportId", "The sales support person, a user id."),
                ("salesSupportEmail", "The sales support person by e-mail."),
                ("currency", "ISO currency code such as CHF or EUR; it must be configured in goTom."),
            ]),
        Entity(
            key: "flight", title: "Flight",
            introduction: "A flight is one line of a campaign: one placement (media, platform, channel, "
                + "advertising format) over a runtime, with a number of units and a price per unit.",
            fields: [
                ("externalId", "Your id for the flight; unique within the campaign."),
                ("runtime", "Start and end, each a date (yyyy-MM-dd) with an optional time (HH:MM)."),
                ("tarifId", "The rate card the price comes from (primary keys: tarif)."),
                ("mediaId", "The medium (primary keys: media)."),
                ("platformId", "The platform, e.g. a website or app (primary keys: platform)."),
                ("channelId", "The channel on the platform (primary keys: channel)."),
                ("advertisingId", "The advertising format (primary keys: advertising)."),
                ("priceTypeId", "How the price is counted, e.g. per thousand impressions (primary keys: priceType)."),
                ("extraPriceLevelId", "An optional surcharge level (primary keys: extraPriceLevel)."),
                ("flightPositionTypeName", "An optional position type by name (primary keys: flightPositionType)."),
                ("units", "How many units (e.g. impressions) are booked."),
                ("bruttoPriceUnit", "Gross price per unit, or \"loadFromRate\" to take it from the rate card."),
                ("advertisingStatus", "Whether the creative is open, received or integrated."),
                ("note", "A note visible on the flight."),
                ("noteInternal", "A note for your own staff only."),
                ("noteBilling", "A note printed for billing."),
                ("adServerId", "Which ad server delivers the flight (primary keys: adServer)."),
                ("keyValueSets", "Targeting by key-values for the ad server."),
                ("keyValueSetsXandr", "Targeting sets in the Xandr format."),
                ("geoTargetingByZip", "Targeting by postal codes within one country."),
                ("flightTags", "Tag ids (primary keys: flightTags)."),
                (
                    "adServerPushChanges",
                    "Only for updates: also push the change to the ad server, naming what changed."
                ),
            ]),
        Entity(
            key: "campaignDiscount", title: "Campaign discount",
            introduction: "A named discount on a campaign. Its amounts live on the flights: each flight discount "
                + "belongs to one campaign discount.",
            fields: [
                ("externalId", "Your id for the discount; unique within the campaign."),
                ("name", "The text printed on invoices for this discount."),
            ]),
        Entity(
            key: "flightDiscount", title: "Flight discount",
            introduction: "The part of a campaign discount that applies to one flight: a percentage or an amount.",
            fields: [
                ("flightExternalId", "The flight the discount applies to."),
                ("externalId", "Your id for this flight discount."),
                ("amountPercent", "Discount in percent; null when an amount is given."),
                ("amountSum", "Discount as an amount in the campaign's currency; null when a percentage is given."),
            ]),
        Entity(
            key: "flightCommission", title: "Flight commission",
            introduction: "What the agency (bk) and the intermediator (vmk) earn on a flight. Per party give a "
                + "percentage or an amount, never both.",
            fields: [
                ("bkPercent", "Agency commission in percent."),
                ("bkAmount", "Agency commission as an amount."),
                ("vmkType", "Kind of intermediator commission (VMK or DBE)."),
                ("vmkPercent", "Intermediator commission in percent."),
                ("vmkAmount", "Intermediator commission as an amount."),
                (
                    "commissionStatus",
                    "How commissions are settled on the campaign's invoices: 0 direct, 2, 3 or 4 "
                        + "for the indirect and separate variants."
                ),
            ]),
        Entity(
            key: "sublines", title: "Network split (sublines)",
            introduction: "A flight booked on a network of platforms is split among them; the shares add up to 100.",
            fields: [
                ("sublines", "The complete split: one entry per platform with platformId, percentage and a note.")
            ]),
        Entity(
            key: "customer", title: "Customer",
            introduction: "A customer is an advertiser, agency or intermediator, kept in sync with your CRM. Every "
                + "customer, address and contact is identified by its CRM id (externalCrmId); sending it again "
                + "updates instead of duplicating.",
            fields: [
                ("externalCrmId", "The id of the record in your CRM."),
                ("firm", "The company name."),
                ("status", "1 active, 0 inactive."),
                ("statusEc", "The kind of customer: 1 advertiser, 2 intermediator, 3 agency, 5 publisher."),
                ("language", "The customer's language for documents (de, fr, it, en)."),
                ("mainAddress", "Which of the addresses (by its CRM id) is the main one."),
                ("addresses", "Addresses to add or update; each has its own CRM id."),
                ("contacts", "Contact people to add or update; each has its own CRM id."),
                ("mwst", "VAT number."),
                ("vatType", "How VAT applies to this customer."),
                ("commission", "Default agency and intermediator commission for the customer's campaigns."),
                ("paymentTerm", "Payment term: days, cash discount and invoice phrases."),
                ("softDeleted", "true marks the customer as deleted in the CRM."),
                ("note", "A free note."),
            ]),
        Entity(
            key: "primaryKeys", title: "Primary keys (master data)",
            introduction: "Ids and names of goTom's master data. Flights refer to them by id, so look them up "
                + "before booking: platform, channel, media, advertising, tarif, priceType, extraPriceLevel, "
                + "flightPositionType, flightTags, adServer, campaignType, user.",
            fields: [
                ("id", "The id to use in bookings."),
                ("name", "The name shown in goTom."),
            ]),
    ]

    /// The entity whose fields a tool's inputs are.
    static func entity(forTool name: String) -> Entity? {
        let key: String
        if name.hasPrefix("campaign_discount") {
            key = "campaignDiscount"
        } else if name.hasPrefix("flight_discount") {
            key = "flightDiscount"
        } else if name.hasPrefix("flight_commission") || name.hasPrefix("campaign_commission") {
            key = "flightCommission"
        } else if name.hasPrefix("flight_sublines") {
            key = "sublines"
        } else if name.hasPrefix("flight") {
            key = "flight"
        } else if name.hasPrefix("campaign") {
            key = "campaign"
        } else if name.hasPrefix("customer") {
            key = "customer"
        } else {
            return nil
        }
        return entities.first { $0.key == key }
    }

    /// The guide of one entity as Markdown.
    static func markdown(_ entity: Entity) -> String {
        var lines = ["# \(entity.title)", "", entity.introduction, ""]
        for (name, text) in entity.fields { lines.append("- `\(name)`: \(text)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
