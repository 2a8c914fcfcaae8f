import Foundation
import GoTomModels

/// How a model treats `null` for optional fields, which decides how strictly a round trip is compared.
enum NullHandling: Sendable {
    /// Patch-style models: an explicit `null` must come back as `null`, a missing key as missing.
    case preserved
    /// Plain models: an optional field sent as `null` may come back left out.
    case optionalNullMayBeOmitted
}

/// Ties a spec schema to the Swift type that models it.
struct ModelBinding: Sendable {
    let typeName: String
    let nullHandling: NullHandling
    /// Decodes JSON into the model, checks that re-encoding is stable, and returns the re-encoded JSON.
    let roundTrip: @Sendable (Data) throws -> Data

    static func model<Model: Codable & Equatable & Sendable>(
        _ type: Model.Type,
        nulls: NullHandling = .optionalNullMayBeOmitted
    ) -> ModelBinding {
        ModelBinding(typeName: String(reflecting: Model.self), nullHandling: nulls) { data in
            let decoded = try JSONDecoder().decode(Model.self, from: data)
            let encoded = try JSONEncoder().encode(decoded)
            let decodedAgain = try JSONDecoder().decode(Model.self, from: encoded)
            guard decodedAgain == decoded else {
                throw UnstableRoundTrip(typeName: String(reflecting: Model.self))
            }
            return encoded
        }
    }
}

struct UnstableRoundTrip: Error, CustomStringConvertible {
    let typeName: String
    var description: String { "\(typeName) decodes differently after being re-encoded" }
}

/// The mapping from every schema in the specs to its Swift model.
enum ModelBindings {
    /// `components/schemas` of all three files, by schema name. Names that occur in two files (Pagination,
    /// the Xandr schemas, InternalServerErrorResponse) map to one type.
    static let components: [String: ModelBinding] = [
        // Campaign
        "ContactRef": .model(ContactRef.self),
        // `Campaign` and `CampaignSalesMixin` are allOf building blocks only; CampaignUpdate has exactly their
        // fields (all optional), so their instances are checked against it.
        "Campaign": .model(CampaignUpdate.self, nulls: .preserved),
        "CampaignSalesMixin": .model(CampaignUpdate.self, nulls: .preserved),
        "CampaignCreate": .model(CampaignCreate.self),
        "CampaignUpdate": .model(CampaignUpdate.self, nulls: .preserved),
        "CampaignRead": .model(CampaignRead.self),
        "Document": .model(Document.self),
        "ArchiveStatus": .model(ArchiveStatus.self),
        "CommissionStatus": .model(CommissionStatus.self),
        // Flight; `Flight` is the allOf base, whose fields FlightUpdate has, all optional.
        "Flight": .model(FlightUpdate.self, nulls: .preserved),
        "FlightCreate": .model(FlightCreate.self),
        "FlightUpdate": .model(FlightUpdate.self, nulls: .preserved),
        "FlightRead": .model(FlightRead.self),
        "FlightLineItemId": .model(FlightLineItemId.self),
        "FlightSublines": .model(FlightSublines.self),
        "FlightCommission": .model(FlightCommission.self),
        "DateTimeComponents": .model(DateTimeComponents.self),
        // Targeting
        "KeyValueSet": .model(KeyValueSet.self),
        "KeyValue": .model(KeyValue.self),
        "KeyValueValue": .model(KeyValueValue.self),
        "KeyValueResultXandr": .model(KeyValueResultXandr.self),
        "KeyValueSetXandr": .model(KeyValueSetXandr.self),
        "KeyValueXandr": .model(KeyValueXandr.self),
        "KeyValueXandrNumeric": .model(KeyValueXandrNumeric.self),
        "KeyValueValueXandr": .model(KeyValueValueXandr.self),
        // Discounts
        "CampaignDiscountWrite": .model(CampaignDiscountWrite.self),
        "CampaignDiscountRead": .model(CampaignDiscountRead.self),
        "CampaignDiscountsRead": .model(CampaignDiscountsRead.self),
        "FlightDiscount": .model(FlightDiscount.self),
        "FlightDiscountCreate": .model(FlightDiscountCreate.self),
        "FlightDiscountUpdate": .model(FlightDiscountUpdate.self),
        "FlightDiscountRead": .model(FlightDiscountRead.self),
        // Paging, prices, primary keys
        "Pagination": .model(Pagination.self),
        "TarifPriceList": .model(TarifPriceList.self),
        "TarifPriceItem": .model(TarifPriceItem.self),
        "PrimaryKeysRead": .model(PrimaryKeysRead.self),
        // Errors
        "AnyValue": .model(JSONValue.self, nulls: .preserved),
        "ConstraintViolationResponse": .model(ConstraintViolationResponse.self),
        "ConstraintViolationItem": .model(ConstraintViolationItem.self),
        "InternalServerErrorResponse": .model(InternalServerErrorResponse.self),
        // Customer and CRM sync; `CrmSyncErrorLogsMixin` is an allOf building block of the two job responses.
        "Customer": .model(Customer.self, nulls: .preserved),
        "CustomerRead": .model(CustomerRead.self),
        "CustomerList": .model(CustomerList.self),
        "CustomerFoundResponse": .model(CustomerFoundResponse.self),
        "NoCustomerFoundResponse": .model(NoCustomerFoundResponse.self),
        "UpdateCustomerResponse": .model(UpdateCustomerResponse.self),
        "CustomerErrorLogResponse": .model(CustomerErrorLogResponse.self),
        "CrmSyncErrorLogsMixin": .model(UpdateCustomerResponse.self),
    ]

    /// JSON bodies that operations declare inline instead of by `$ref`, keyed `file METHOD path status`.
    static let inlineBodies: [String: ModelBinding] = [
        "campaign-api-doc.yaml GET /app-api/primary-keys/{entity} 422": .model(InvalidEntityResponse.self),
        "campaign-api-doc.yaml PATCH /app-api/campaign/{campaignExternalId}/campaign-discount/{cDiscountEID} 204":
            .model(CampaignDiscountUpdate.self),
        "crm-sync-api-doc.yaml POST /app-api/crm-sync-import-external-crm-id/update-customer 200":
            .model(UpdateCustomerResponse.self),
        "crm-sync-api-doc.yaml POST /app-api/crm-sync-import-external-crm-id/update-customer 202":
            .model(UpdateCustomerAcceptedResponse.self),
        "crm-sync-api-doc.yaml POST /app-api/crm-sync-import-external-crm-id/update-customer 400":
            .model(UpdateCustomerErrorResponse.self),
    ]

    /// Property paths where a model deliberately refuses `null` although the schema allows it.
    ///
    /// CampaignCreate.customer: `ContactRef` is nullable, but a campaign cannot be created without a customer,
    /// so the create body requires one.
    static let neverNull: Set<String> = ["CampaignCreate.customer"]
}
