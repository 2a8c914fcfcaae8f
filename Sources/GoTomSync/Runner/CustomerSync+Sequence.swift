import GoTomAPI
import GoTomModels

extension CustomerSync {
    /// Syncs a sequence of customers through a journal in one call: opens (or resumes) the journal, loads the
    /// customers, sends what is not acknowledged, and closes the journal.
    ///
    /// Call it again with the same sequence after an interruption (a crash, a kill, a deploy): customers already
    /// acknowledged are not sent again, the others are, and a customer whose content changed is sent again.
    ///
    /// - Parameters:
    ///   - customers: The customers, in a stable order (a customer is known by its position).
    ///   - client: The client; its CRM-sync user signs the upserts.
    ///   - journalPath: The journal file; its folder must exist.
    ///   - options: Concurrency and follow-up time.
    ///   - events: Called with the run's progress and each record's trouble.
    /// - Returns: The run's result and the counts over the whole input.
    /// - Throws: What the sequence throws, or ``SyncError`` when the journal cannot be used.
    public static func sync<Customers: AsyncSequence>(
        _ customers: Customers, client: GoTomClient, journalPath: String, options: Options = Options(),
        events: @escaping @Sendable (SyncEvent) -> Void = { _ in }
    ) async throws -> (result: SyncRunResult, counts: SyncCounts) where Customers.Element == CustomerWrite {
        let journal = try await SyncJournal.open(path: journalPath)
        do {
            _ = try await journal.load(customers: customers)
            let result = try await CustomerSync(client: client, journal: journal, options: options, events: events)
                .run()
            let counts = try await journal.counts()
            await journal.close()
            return (result, counts)
        } catch {
            await journal.close()
            throw error
        }
    }
}
