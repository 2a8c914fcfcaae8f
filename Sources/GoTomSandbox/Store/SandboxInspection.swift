import Foundation
import Logging

/// Read-only looks into the data directory of a sandbox, for tests and diagnostics.
///
/// Use it on a stopped sandbox (a running one may have changes still on their way to the file).
public enum SandboxInspection {
    /// A customer as stored, with the number of CRM-sync upserts the sandbox applied to it.
    public struct StoredCustomer: Sendable, Hashable {
        /// The customer's CRM id.
        public var externalCrmId: String
        /// Its name.
        public var firm: String
        /// Its note.
        public var note: String
        /// How many CRM-sync upserts were applied to it (seeding counts as one).
        public var upserts: Int
    }

    /// Every stored customer, ordered by externalCrmId.
    ///
    /// - Parameter dataDirectory: The sandbox's `--data-dir`.
    /// - Returns: The customers.
    /// - Throws: ``SandboxError/databaseFailure`` when the store cannot be read.
    public static func storedCustomers(dataDirectory: String) async throws -> [StoredCustomer] {
        let logger = Logger(label: "gotom.sandbox.inspection") { _ in SwiftLogNoOpLogHandler() }
        let store = try await SandboxStore.open(path: SandboxStore.path(inDataDirectory: dataDirectory), logger: logger)
        do {
            let records = try await store.records(CustomerRecord.self, kind: SandboxStore.EntityKind.customer)
            try await store.close()
            return records.map { record in
                StoredCustomer(
                    externalCrmId: record.externalCrmId, firm: record.firm, note: record.note,
                    upserts: record.upserts ?? 0)
            }
        } catch {
            try? await store.close()
            throw SandboxError.databaseFailure("cannot read the customers: \(error)")
        }
    }
}
