/// The request-body schemas of the operations that take JSON, written from goTom's specs.
package enum BodySchemas {
    package static let contactRef = Schema.object([
        .field("entityId", .integer()),
        .field("entityExternalId", .string()),
        .field("entityExternalCrmId", .string()),
        .field("addressId", .integer(), nullable: true),
        .field("addressExternalId", .string(), nullable: true),
        .field("addressExternalCrmId", .string(), nullable: true),
        .field("personId", .integer(), nullable: true),
        .field("personExternalId", .string(), nullable: true),
        .field("personExternalCrmId", .string(), nullable: true),
    ])

    package static let campaignCreate = Schema.object([
        .field("externalId", .string(notBlank: true), required: true),
        .field("name", .string(notBlank: true), required: true),
        .field("status", .string(allowed: ["booking", "reservation"]), required: true),
        .field("bookingDate", .date, required: true),
        .field("customer", contactRef, required: true),
        .field("campaignTypeId", .integer(), nullable: true),
        .field("campaignTypeReference", .string(), nullable: true),
        .field("intermediator", contactRef, nullable: true),
        .field("agency", contactRef, nullable: true),
        .field("note", .string(), nullable: true),
        .field("noteInternal", .string()),
        .field("noteReservation", .string()),
        .field("pdfInvoiceWithAttachment", .boolean),
        .field("billingType", .integer()),
        .field("salesSupportId", .integer(), nullable: true),
        .field("salesSupportEmail", .string(), nullable: true),
        .field("salesId", .integer(), nullable: true),
        .field("salesEmail", .string(), nullable: true),
        .field("currency", .string(notBlank: true)),
    ])

    package static let campaignUpdate = Schema.object([
        .field("name", .string(notBlank: true)),
        .field("status", .string(allowed: ["booking", "reservation"])),
        .field("bookingDate", .date),
        .field("customer", contactRef),
        .field("campaignTypeId", .integer(), nullable: true),
        .field("campaignTypeReference", .string(), nullable: true),
        .field("intermediator", contactRef, nullable: true),
        .field("agency", contactRef, nullable: true),
        .field("note", .string(), nullable: true),
        .field("noteInternal", .string()),
        .field("noteReservation", .string()),
        .field("pdfInvoiceWithAttachment", .boolean),
        .field("billingType", .integer()),
        .field("salesSupportId", .integer(), nullable: true),
        .field("salesSupportEmail", .string(), nullable: true),
        .field("salesId", .integer(), nullable: true),
        .field("salesEmail", .string(), nullable: true),
        .field("currency", .string(notBlank: true)),
    ])

    package static let dateTime = Schema.object([
        .field("date", .date, required: true),
        .field("time", .time),
    ])

    package static let keyValueSet = Schema.object([
        .field("adServerId", .string()),
        .field(
            "keyValues",
            .array(
                .object([
                    .field("id", .string()),
                    .field("label", .string()),
                    .field("comparisonOperator", .integer(allowed: [0, 1])),
                    .field("values", .array(.object([.field("id", .string()), .field("label", .string())]))),
                ])
            )
        ),
    ])

    package static let keyValueResultXandr = Schema.object([
        .field("adServerId", .string(), required: true),
        .field(
            "keyValueSets",
            .array(.object([.field("set", .array(.any, minItems: 1), required: true)]), minItems: 1),
            required: true
        ),
        .field("outerOp", .string(allowed: ["AND", "OR"])),
        .field("innerOp", .string(allowed: ["AND", "OR"])),
    ])

    /// The flight members with the eleven documented ones required (built once, not per request).
    package static let flightCreate = flight(create: true)
    /// The flight members, all optional.
    package static let flightUpdate = flight(create: false)

    /// The flight members; `create` makes the eleven documented ones required.
    private static func flight(create: Bool) -> Schema {
        var fields: [SchemaField] = [
            .field(
                "runtime",
                .object([.field("start", dateTime, required: create), .field("end", dateTime, required: create)]),
                required: create
            ),
            .field("tarifId", .integer(), required: create),
            .field("mediaId", .integer(), required: create),
            .field("platformId", .integer(), required: create),
            .field("channelId", .integer(), required: create),
            .field("advertisingId", .integer(), required: create),
            .field("priceTypeId", .integer(), required: create),
            .field("extraPriceLevelId", .integer(), nullable: true),
            .field("flightPositionTypeName", .string(), nullable: true),
            .field("units", .integer(), required: create),
            .field("bruttoPriceUnit", .priceUnit, required: create),
            .field("advertisingStatus", .string(allowed: ["open", "received", "integrated"])),
            .field("note", .string()),
            .field("noteInternal", .string()),
            .field("noteBilling", .string()),
            .field("adServerId", .string(notBlank: create), required: create),
            .field("keyValueSets", .array(keyValueSet)),
            .field(
                "geoTargetingByZip",
                .object([
                    .field("countryId", .string(allowed: ["US", "CA", "DE", "FR", "GB", "IN"])),
                    .field("zipCodes", .string()),
                ])
            ),
            .field("flightTags", .array(.integer()), nullable: !create),
            .field("keyValueSetsXandr", .array(keyValueResultXandr)),
        ]
        if create {
            fields.insert(.field("externalId", .string(notBlank: true), required: true), at: 0)
        } else {
            fields.append(
                .field(
                    "adServerPushChanges",
                    .object([
                        .field("adServerId", .string()),
                        .field("types", .array(.string(allowed: ["runtime", "units", "other", "placements"]))),
                        .field("remarks", .string()),
                    ])
                )
            )
        }
        return .object(fields)
    }

    package static let campaignDiscountCreate = Schema.object([
        .field("name", .string(notBlank: true), required: true),
        .field("externalId", .string(notBlank: true), required: true),
    ])

    package static let campaignDiscountUpdate = Schema.object([
        .field("name", .string(notBlank: true), required: true)
    ])

    package static let flightDiscountCreate = Schema.object([
        .field("flightExternalId", .string(notBlank: true), required: true),
        .field("externalId", .string(notBlank: true), required: true),
        .field("amountPercent", .number, required: true, nullable: true),
        .field("amountSum", .number, required: true, nullable: true),
    ])

    package static let flightDiscountUpdate = Schema.object([
        .field("amountPercent", .number, nullable: true),
        .field("amountSum", .number, nullable: true),
    ])

    package static let sublines = Schema.object([
        .field(
            "sublines",
            .array(
                .object([
                    .field("platformId", .integer(), required: true),
                    .field("percentage", .number, required: true),
                    .field("note", .string(), nullable: true),
                ])
            ),
            required: true
        )
    ])

    package static let document = Schema.object([
        .field("name", .string(notBlank: true), required: true),
        .field("content", .string(), required: true),
    ])

    package static let archiveStatus = Schema.object([.field("setIsArchived", .boolean, required: true)])

    package static let commissionStatus = Schema.object([.field("commissionStatus", .integer(), required: true)])

    package static let flightCommission = Schema.object([
        .field("bkPercent", .number, nullable: true),
        .field("bkAmount", .number, nullable: true),
        .field("vmkType", .string(allowed: ["VMK", "DBE"]), nullable: true),
        .field("vmkPercent", .number, nullable: true),
        .field("vmkAmount", .number, nullable: true),
    ])
}
