import Foundation
import GoTomModels

/// A customer (or agency, intermediator, publisher) as the sandbox stores it, keyed by `externalCrmId`.
///
/// Industries, tags and payment terms are shared between customers (renaming one renames it everywhere), so the
/// record keeps only their `externalCrmId`s; ``CrmRegistry`` holds the shared values.
struct CustomerRecord: Codable, Sendable {
    struct AddressRecord: Codable, Sendable {
        var id: Int
        var address: CustomerRead.Address
    }

    struct ContactRecord: Codable, Sendable {
        var id: Int
        /// Only fixtures can set it; goTom's contact schema has no external id.
        var externalId: String?
        var contact: CustomerRead.Contact
    }

    var entityId: Int
    var externalCrmId: String
    var externalId: String?
    var firm: String
    var mwst: String?
    var note: String = ""
    var status: Int
    var statusEc: Int
    var pipelineStatus: String?
    var language: String
    var bankAccountNumber: String?
    var bankIBANNumber: String?
    var bankClearingNumber: String?
    var bankName: String?
    var searchstring: String?
    var vatType = 0
    var softDeleted = false
    var commission = CustomerCommission(bkCommission: 0, vmkCommission: 0, type: .direct)
    var industryId: String?
    var addresses: [AddressRecord] = []
    var mainAddressCrmId: String?
    var contacts: [ContactRecord] = []
    var tagIds: [String] = []
    var references: [CustomerRead.Reference] = []
    var consultants: [CustomerConsultant] = []
    var paymentTermId: String?
    var defaultDiscounts: [CustomerRead.DefaultDiscount] = []
    /// How many CRM-sync upserts were applied to this customer (not part of the API; read by
    /// ``SandboxInspection`` so that tests can tell a customer sent twice). Optional so that older stores load.
    var upserts: Int?

    func address(id: Int) -> AddressRecord? { addresses.first { $0.id == id } }

    func contact(id: Int) -> ContactRecord? { contacts.first { $0.id == id } }
}

/// Values shared by all customers: industries and tags (externalCrmId → name) and payment terms.
struct CrmRegistry: Codable, Sendable, Equatable {
    static let defaultPaymentTermId = "net-30"

    var industries: [String: String] = [:]
    var tags: [String: String] = [:]
    var paymentTerms: [String: CustomerPaymentTerm] = [
        defaultPaymentTermId: CustomerPaymentTerm(
            externalCrmId: defaultPaymentTermId,
            days: 30,
            name: "30 Tage netto",
            cashDiscountDays: nil,
            cashDiscountPercent: nil,
            billingPhrases: nil
        )
    ]
}

/// A CRM-sync job as the error-log endpoint reports it. Jobs live in memory only: like goTom's counter, job ids
/// start over when the sandbox restarts.
struct CrmJob: Sendable {
    var id: Int
    var status: CrmJobStatus
    var apiError: String?
    var warnings: [String]?
}

/// The id counters, stored so that ids never repeat across restarts.
struct Counters: Codable, Sendable, Equatable {
    var nextCampaignId = 24001
    var nextEntityId = 700_001
    var nextCustomerId = 1001
    var nextAddressId = 5001
    var nextContactId = 8001
}
