import GoTomModels
import GoTomSandbox

/// The input schema of `customer_upsert`, member for member from ``CustomerWrite`` and its nested types.
///
/// The sandbox checks CRM-sync bodies by decoding the model instead of a schema, so this one is written here:
/// required members are the model's non-optional properties, optional ones may be null (the model reads null as
/// absent), enumerations are the models' documented values.
enum CustomerSchema {
    static func strings<E: ExtensibleEnum>(_ type: E.Type) -> Schema where E.RawValue == String {
        .string(allowed: E.knownValues.map(\.rawValue))
    }

    static func integers<E: ExtensibleEnum>(_ type: E.Type) -> Schema where E.RawValue == Int {
        .integer(allowed: E.knownValues.map(\.rawValue))
    }

    static func text(_ name: String) -> SchemaField { .field(name, .string(), nullable: true) }
    static func crmId() -> SchemaField { .field("externalCrmId", .string(notBlank: true), required: true) }

    static let address = Schema.object([
        crmId(),
        .field("title", .string(), required: true),
        .field("firm", .string(), required: true),
        .field("zip", .string(), required: true),
        .field("place", .string(), required: true),
        .field("country", .string(notBlank: true), required: true),
        text("department"), text("street"), text("number"), text("addresstext"),
        .field("externalId", .integer(), nullable: true),
        .field("sendingRule", strings(InvoiceSendingRule.self), nullable: true),
        .field("sendingRuleAddresses", .array(.string()), nullable: true),
        .field("softDeleted", .boolean, nullable: true),
    ])

    static let contact = Schema.object([
        crmId(),
        .field("peopleGender", strings(ContactGender.self), required: true),
        .field("peopleLastname", .string(), required: true),
        .field("peopleName", .string(), required: true),
        text("peoplePhone"), text("peopleNatel"), text("peopleEmail"),
        .field("peopleStatus", strings(ContactStatus.self), nullable: true),
        .field("lead", .boolean, nullable: true),
        .field(
            "jobFunctions",
            .array(
                .object([
                    .field("lang", strings(CustomerLanguage.self), required: true),
                    .field("function", .string(), required: true),
                ])),
            nullable: true),
        .field("pipelineStatus", .object([.field("externalCrmId", .string(), nullable: true)]), nullable: true),
    ])

    static let write = Schema.object([
        crmId(),
        .field("firm", .string(notBlank: true), required: true),
        .field("status", integers(CustomerStatus.self), required: true),
        .field("statusEc", integers(CustomerType.self), required: true),
        .field("language", strings(CustomerLanguage.self), required: true),
        .field("mainAddress", .object([crmId()]), required: true),
        text("externalId"), text("mwst"), text("note"),
        .field("pipelineStatus", .object([crmId()]), nullable: true),
        text("bankAccountNumber"), text("bankIBANNumber"), text("bankClearingNumber"), text("bankName"),
        text("searchstring"),
        .field("vatType", integers(VatType.self), nullable: true),
        .field("softDeleted", .boolean, nullable: true),
        .field(
            "commission",
            .object([
                .field("bkCommission", .number, required: true),
                .field("vmkCommission", .number, required: true),
                .field("type", integers(CommissionSettlement.self), required: true),
            ]),
            nullable: true),
        .field("industry", .object([crmId(), text("name")]), nullable: true),
        .field("addresses", .array(address), nullable: true),
        .field("contacts", .array(contact), nullable: true),
        .field("tags", .array(.object([crmId(), text("name")])), nullable: true),
        .field(
            "references",
            .array(.object([crmId(), text("referenceType"), text("referenceValue")])), nullable: true),
        .field(
            "consultants", .array(.object([.field("email", .string(notBlank: true), required: true)])),
            nullable: true),
        .field(
            "paymentTerm",
            .object([
                crmId(), .field("days", .integer(), nullable: true), text("name"),
                .field("cashDiscountDays", .integer(), nullable: true),
                .field("cashDiscountPercent", .number, nullable: true),
                .field("billingPhrases", .any, nullable: true),
            ]),
            nullable: true),
    ])
}
