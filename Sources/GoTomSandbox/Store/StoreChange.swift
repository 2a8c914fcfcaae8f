import Foundation

/// One write to the SQLite store, recorded while the in-memory state changes and committed before the 2xx answer.
enum StoreChange: Sendable {
    case putCampaign(CampaignRecord)
    case putCustomer(CustomerRecord)
    case putRegistry(CrmRegistry)
    case putCounters(Counters)
    case addDocument(campaignExternalId: String, name: String, content: Data)
    /// Deletes every entity and document; the changes after it in the same batch are the new content.
    case clearAll
}
