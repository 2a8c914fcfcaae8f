import Foundation
import GoTomModels
import Testing

/// The named constants match the values the specs list, and every violation code in the specs has a name.
@Suite("Spec enums and violation codes")
struct SpecEnumTests {
    /// Where each value set appears in the specs (file, JSON pointer of the schema holding `enum`).
    static let enumSources: [(name: String, known: [JSONValue], places: [(file: String, pointer: String)])] = [
        ("CampaignStatus", raw(CampaignStatus.self), [(campaign, "/components/schemas/Campaign/properties/status")]),
        ("BillingType", raw(BillingType.self), [(campaign, "/components/schemas/Campaign/properties/billingType")]),
        (
            "CommissionSettlement", raw(CommissionSettlement.self),
            [
                (campaign, "/components/schemas/CommissionStatus/properties/commissionStatus"),
                (crm, "/components/schemas/CustomerRead/properties/commission/properties/type"),
            ]
        ),
        (
            "AdvertisingStatus", raw(AdvertisingStatus.self),
            [(campaign, "/components/schemas/Flight/properties/advertisingStatus")]
        ),
        (
            "GeoTargetingCountry", raw(GeoTargetingCountry.self),
            [(campaign, "/components/schemas/Flight/properties/geoTargetingByZip/properties/countryId")]
        ),
        (
            "AdServerPushChangeType", raw(AdServerPushChangeType.self),
            [
                (
                    campaign,
                    "/components/schemas/FlightUpdate/allOf/1/properties/adServerPushChanges/properties/types/items"
                )
            ]
        ),
        (
            "IntermediatorCommissionType", raw(IntermediatorCommissionType.self),
            [(campaign, "/components/schemas/FlightCommission/properties/vmkType")]
        ),
        (
            "KeyValueComparisonOperator", raw(KeyValueComparisonOperator.self),
            [(campaign, "/components/schemas/KeyValue/properties/comparisonOperator")]
        ),
        (
            "XandrComparisonOperator", raw(XandrComparisonOperator.self),
            [
                (campaign, "/components/schemas/KeyValueXandr/properties/comparisonOperator"),
                (campaign, "/components/schemas/KeyValueXandrNumeric/properties/comparisonOperator"),
                (crm, "/components/schemas/KeyValueXandrNumeric/properties/comparisonOperator"),
            ]
        ),
        (
            "XandrLogicalOperator", raw(XandrLogicalOperator.self),
            [
                (campaign, "/components/schemas/KeyValueResultXandr/properties/outerOp"),
                (campaign, "/components/schemas/KeyValueResultXandr/properties/innerOp"),
            ]
        ),
        ("CustomerStatus", raw(CustomerStatus.self), [(crm, "/components/schemas/CustomerRead/properties/status")]),
        ("CustomerType", raw(CustomerType.self), [(crm, "/components/schemas/CustomerRead/properties/statusEc")]),
        (
            "CustomerLanguage", raw(CustomerLanguage.self),
            [(crm, "/components/schemas/CustomerRead/properties/language")]
        ),
        ("VatType", raw(VatType.self), [(crm, "/components/schemas/CustomerRead/properties/vatType")]),
        (
            "InvoiceSendingRule", raw(InvoiceSendingRule.self),
            [(crm, "/components/schemas/CustomerRead/properties/addresses/items/properties/sendingRule")]
        ),
        (
            "ContactGender", raw(ContactGender.self),
            [(crm, "/components/schemas/CustomerRead/properties/contacts/items/properties/peopleGender")]
        ),
        (
            "ContactStatus", raw(ContactStatus.self),
            [(crm, "/components/schemas/CustomerRead/properties/contacts/items/properties/peopleStatus")]
        ),
        (
            "CrmJobStatus", raw(CrmJobStatus.self),
            [(crm, "/components/schemas/CustomerErrorLogResponse/properties/jobStatus")]
        ),
        (
            "CrmSyncReason", raw(CrmSyncReason.self),
            [
                (
                    crm,
                    "/paths/~1app-api~1crm-sync-import-external-crm-id~1update-customer/post/responses/400/content/"
                        + "application~1json/schema/allOf/1/properties/reason"
                )
            ]
        ),
        (
            "PrimaryKeyEntity", raw(PrimaryKeyEntity.self),
            [(campaign, "/paths/~1app-api~1primary-keys~1{entity}/get/parameters/0/schema")]
        ),
    ]

    static let campaign = "campaign-api-doc.yaml"
    static let crm = "crm-sync-api-doc.yaml"

    static func raw<Value: ExtensibleEnum>(_ type: Value.Type) -> [JSONValue] {
        Value.knownValues.compactMap { value in
            (try? JSONEncoder().encode(value)).flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
        }
    }

    @Test("Named constants are exactly the values the specs enumerate", arguments: enumSources.indices)
    func constantsMatchSpecEnums(index: Int) throws {
        let documents = try SpecLibrary.documents()
        let source = Self.enumSources[index]
        var specValues: [JSONValue] = []
        for place in source.places {
            let document = try #require(documents.first { $0.fileName == place.file })
            let values = try #require(
                document.value(at: place.pointer + "/enum")?.arrayValue,
                "\(source.name): no enum at \(place.file) \(place.pointer)"
            )
            specValues += values
        }
        #expect(Set(specValues) == Set(source.known), "\(source.name): spec \(specValues) vs constants \(source.known)")
        #expect(Set(source.known).count == source.known.count, "\(source.name) lists a value twice")
    }

    @Test("Every violation code in the spec texts is a named ViolationCode constant")
    func violationCodesAreNamed() throws {
        let documents = try SpecLibrary.documents()
        let uuid = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/
        let specCodes = Set(documents.flatMap(\.violationCodes))
        for code in specCodes.sorted() {
            #expect(code.wholeMatch(of: uuid) != nil && code == code.lowercased(), "\(code) is not a lower-case UUID")
        }
        let named = Set(ViolationCode.knownValues.map(\.rawValue))
        #expect(specCodes.count == 41, "the specs name \(specCodes.count) distinct codes")
        for code in specCodes.sorted() {
            #expect(named.contains(code), "violation code \(code) from the specs has no named constant")
        }
        #expect(named.count == ViolationCode.knownValues.count, "a ViolationCode constant is listed twice")
    }
}
