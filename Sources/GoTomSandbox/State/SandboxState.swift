import Foundation
import GoTomModels

/// The whole sandboxed tenant in memory: master data, campaigns, customers and counters.
///
/// Handlers read and change it inside ``SandboxEngine/perform(_:)``; every change goes through a `put…` method
/// that also records a ``StoreChange`` in the journal, which the engine commits to SQLite before answering.
struct SandboxState: Sendable {
    let settings: SandboxSettings
    let master: MasterData
    private(set) var campaigns: [String: CampaignRecord] = [:]
    private(set) var customers: [String: CustomerRecord] = [:]
    private(set) var customerKeysByEntityId: [Int: String] = [:]
    /// Flight externalId → campaign externalIds that have a flight with it.
    private(set) var flightOwners: [String: Set<String>] = [:]
    private(set) var registry = CrmRegistry()
    private(set) var counters = Counters()
    var crmJobs: [Int: CrmJob] = [:]
    var nextCrmJobId = 1
    private(set) var journal: [StoreChange] = []

    init(settings: SandboxSettings, master: MasterData) {
        self.settings = settings
        self.master = master
    }

    /// Installs stored data without journaling it (used when loading from SQLite).
    mutating func load(
        campaigns: [CampaignRecord], customers: [CustomerRecord], registry: CrmRegistry?, counters: Counters?
    ) {
        for campaign in campaigns { index(campaign) }
        for customer in customers { index(customer) }
        if let registry { self.registry = registry }
        if let counters { self.counters = counters }
    }

    /// Hands the recorded changes to the caller and empties the journal.
    mutating func takeJournal() -> [StoreChange] {
        defer { journal = [] }
        return journal
    }

    // MARK: Campaigns

    func campaign(_ externalId: String) -> CampaignRecord? { campaigns[externalId] }

    mutating func put(_ campaign: CampaignRecord) {
        index(campaign)
        journal.append(.putCampaign(campaign))
    }

    private mutating func index(_ campaign: CampaignRecord) {
        if let previous = campaigns[campaign.externalId] {
            for flight in previous.flights { flightOwners[flight.externalId]?.remove(campaign.externalId) }
        }
        campaigns[campaign.externalId] = campaign
        for flight in campaign.flights { flightOwners[flight.externalId, default: []].insert(campaign.externalId) }
    }

    /// The flight with this externalId in any campaign (for tenant-wide uniqueness).
    func flightAnywhere(_ externalId: String) -> FlightRecord? {
        guard let owners = flightOwners[externalId] else { return nil }
        for owner in owners.sorted() {
            if let flight = campaigns[owner]?.flights.first(where: { $0.externalId == externalId }) { return flight }
        }
        return nil
    }

    mutating func addDocument(to campaignExternalId: String, name: String, content: Data) {
        journal.append(.addDocument(campaignExternalId: campaignExternalId, name: name, content: content))
    }

    // MARK: Customers

    func customer(_ externalCrmId: String) -> CustomerRecord? { customers[externalCrmId] }

    func customer(entityId: Int) -> CustomerRecord? {
        customerKeysByEntityId[entityId].flatMap { customers[$0] }
    }

    /// All customers ordered by entity id.
    var customersInOrder: [CustomerRecord] {
        customerKeysByEntityId.keys.sorted().compactMap { customerKeysByEntityId[$0].flatMap { customers[$0] } }
    }

    mutating func put(_ customer: CustomerRecord) {
        index(customer)
        journal.append(.putCustomer(customer))
    }

    private mutating func index(_ customer: CustomerRecord) {
        customers[customer.externalCrmId] = customer
        customerKeysByEntityId[customer.entityId] = customer.externalCrmId
    }

    mutating func updateRegistry(_ change: (inout CrmRegistry) -> Void) {
        change(&registry)
        journal.append(.putRegistry(registry))
    }

    // MARK: Counters

    private mutating func next(_ keyPath: WritableKeyPath<Counters, Int>) -> Int {
        let value = counters[keyPath: keyPath]
        counters[keyPath: keyPath] = value + 1
        journal.append(.putCounters(counters))
        return value
    }

    mutating func nextCampaignId() -> Int { next(\.nextCampaignId) }
    mutating func nextEntityId() -> Int { next(\.nextEntityId) }
    mutating func nextCustomerId() -> Int { next(\.nextCustomerId) }
    mutating func nextAddressId() -> Int { next(\.nextAddressId) }
    mutating func nextContactId() -> Int { next(\.nextContactId) }
}
