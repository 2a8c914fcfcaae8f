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
        let store = try await SandboxStore.open(path: dataDirectory + "/sandbox.sqlite", logger: logger)
        do {
            let bodies = try await store.bodies(kind: SandboxStore.EntityKind.customer)
            try await store.close()
            let decoder = JSONDecoder()
            return try bodies.map { entry in
                let record = try decoder.decode(CustomerRecord.self, from: Data(entry.body.utf8))
                return StoredCustomer(
                    externalCrmId: record.externalCrmId, firm: record.firm, note: record.note,
                    upserts: record.upserts ?? 0)
            }
        } catch {
            try? await store.close()
            throw SandboxError.databaseFailure("cannot read the customers: \(error)")
        }
    }
}
