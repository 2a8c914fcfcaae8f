import Foundation
import GoTomModels

/// The whole sandboxed tenant in memory: master data, campaigns, customers and counters.
///
/// Handlers read and change it inside ``SandboxEngine/perform(_:)``; every change goes through a mutating method
/// that also records a ``StoreChange`` in the journal, which the engine commits to SQLite before answering.
///
/// A request's change runs on the state in place, between ``beginChange()`` and ``endChange()``. Meanwhile each
/// mutating method records, the first time it touches a key, what that key held before (``Savepoint``), so
/// ``rollBackChange()`` can undo a rejected request — entries, indexes, counters, CRM jobs and journal alike —
/// at a cost proportional to what it changed, never to everything stored.
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
    private(set) var crmJobs: [Int: CrmJob] = [:]
    private(set) var nextCrmJobId = 1
    private(set) var journal: [StoreChange] = []
    /// What the current change overwrote; `nil` outside a change (loading and seeding need no undo).
    private var savepoint: Savepoint?

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
        precondition(savepoint == nil, "the journal is taken only between changes")
        defer { journal = [] }
        return journal
    }

    // MARK: Changes

    /// The values a change overwrote, each recorded the first time the change touches its key: `.some(nil)` means
    /// the key did not exist.
    struct Savepoint: Sendable {
        var journalCount: Int
        var campaigns: [String: CampaignRecord?] = [:]
        var customers: [String: CustomerRecord?] = [:]
        var customerKeysByEntityId: [Int: String?] = [:]
        var flightOwners: [String: Set<String>?] = [:]
        var industries: [String: String?] = [:]
        var tags: [String: String?] = [:]
        var paymentTerms: [String: CustomerPaymentTerm?] = [:]
        var counters: Counters?
        var crmJobs: [Int: CrmJob?] = [:]
        var nextCrmJobId: Int?
    }

    /// Starts recording undo information for one request's change.
    mutating func beginChange() {
        precondition(savepoint == nil, "changes do not nest")
        savepoint = Savepoint(journalCount: journal.count)
    }

    /// Keeps everything the current change did.
    mutating func endChange() {
        savepoint = nil
    }

    /// Undoes everything the current change did, including its journal entries.
    mutating func rollBackChange() {
        guard let undo = savepoint else { return }
        savepoint = nil
        restore(&campaigns, from: undo.campaigns)
        restore(&customers, from: undo.customers)
        restore(&customerKeysByEntityId, from: undo.customerKeysByEntityId)
        restore(&flightOwners, from: undo.flightOwners)
        restore(&registry.industries, from: undo.industries)
        restore(&registry.tags, from: undo.tags)
        restore(&registry.paymentTerms, from: undo.paymentTerms)
        if let counters = undo.counters { self.counters = counters }
        restore(&crmJobs, from: undo.crmJobs)
        if let next = undo.nextCrmJobId { nextCrmJobId = next }
        journal.removeSubrange(undo.journalCount...)
    }

    private func restore<Key, Value>(_ dictionary: inout [Key: Value], from old: [Key: Value?]) {
        for (key, value) in old { dictionary[key] = value }
    }

    /// Records the value `key` holds in `dictionary` in the savepoint's `undo` map, once per change; outside a
    /// change (loading, seeding) nothing is recorded.
    private mutating func remember<Key, Value>(
        _ key: Key, of dictionary: [Key: Value], in undo: WritableKeyPath<Savepoint, [Key: Value?]>
    ) {
        guard savepoint != nil, savepoint![keyPath: undo].index(forKey: key) == nil else { return }
        savepoint![keyPath: undo][key] = .some(dictionary[key])
    }

    /// Records a single value in the savepoint, once per change.
    private mutating func remember<Value>(_ value: Value, in slot: WritableKeyPath<Savepoint, Value?>) {
        guard savepoint != nil, savepoint![keyPath: slot] == nil else { return }
        savepoint![keyPath: slot] = value
    }

    // MARK: Campaigns

    func campaign(_ externalId: String) -> CampaignRecord? { campaigns[externalId] }

    mutating func put(_ campaign: CampaignRecord) {
        index(campaign)
        journal.append(.putCampaign(campaign))
    }

    private mutating func index(_ campaign: CampaignRecord) {
        let previous = campaigns[campaign.externalId]
        remember(campaign.externalId, of: campaigns, in: \.campaigns)
        for flight in (previous?.flights ?? []) + campaign.flights {
            remember(flight.externalId, of: flightOwners, in: \.flightOwners)
        }
        if let previous {
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

    /// Journals a document for the store (documents live only there; the campaign counts them).
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
        remember(customer.externalCrmId, of: customers, in: \.customers)
        remember(customer.entityId, of: customerKeysByEntityId, in: \.customerKeysByEntityId)
        customers[customer.externalCrmId] = customer
        customerKeysByEntityId[customer.entityId] = customer.externalCrmId
    }

    /// Sets shared CRM values (externalCrmId → value) and journals the registry once if any of them differ.
    mutating func updateRegistry(
        industries: [String: String] = [:], tags: [String: String] = [:],
        paymentTerms: [String: CustomerPaymentTerm] = [:]
    ) {
        var changed = false
        for (key, name) in industries where registry.industries[key] != name {
            remember(key, of: registry.industries, in: \.industries)
            registry.industries[key] = name
            changed = true
        }
        for (key, name) in tags where registry.tags[key] != name {
            remember(key, of: registry.tags, in: \.tags)
            registry.tags[key] = name
            changed = true
        }
        for (key, term) in paymentTerms where registry.paymentTerms[key] != term {
            remember(key, of: registry.paymentTerms, in: \.paymentTerms)
            registry.paymentTerms[key] = term
            changed = true
        }
        if changed { journal.append(.putRegistry(registry)) }
    }

    // MARK: CRM jobs

    /// Hands out the next CRM job id (jobs live in memory only and are never journaled).
    mutating func takeCrmJobId() -> Int {
        remember(nextCrmJobId, in: \.nextCrmJobId)
        defer { nextCrmJobId += 1 }
        return nextCrmJobId
    }

    /// Stores a CRM job; later job ids stay above its id.
    mutating func record(_ job: CrmJob) {
        remember(job.id, of: crmJobs, in: \.crmJobs)
        remember(nextCrmJobId, in: \.nextCrmJobId)
        crmJobs[job.id] = job
        nextCrmJobId = max(nextCrmJobId, job.id + 1)
    }

    // MARK: Counters

    private mutating func next(_ keyPath: WritableKeyPath<Counters, Int>) -> Int {
        remember(counters, in: \.counters)
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
