import Foundation
import Logging
import Testing

@testable import GoTomSandbox

/// The SQLite store writes what a batch leaves behind, whatever its size and mix, and keeps it across a reopen.
@Suite("SQLite store batches")
struct StoreTests {
    static let logger = Logger(label: "gotom.sandbox.test") { _ in SwiftLogNoOpLogHandler() }

    static func customer(_ number: Int, firm: String = "Firma") -> CustomerRecord {
        CustomerRecord(
            entityId: 1000 + number, externalCrmId: "S-\(number)", firm: "\(firm) \(number)", status: 1, statusEc: 1,
            language: "de")
    }

    static func withDirectory(_ body: (String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gotom-store-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await body(directory + "/sandbox.sqlite")
    }

    static func stored(_ path: String) async throws -> (
        customers: [String: String], counters: Counters?, documents: [String]
    ) {
        let store = try await SandboxStore.open(path: path, logger: logger)
        let decoder = JSONDecoder()
        var customers: [String: String] = [:]
        for entry in try await store.bodies(kind: SandboxStore.EntityKind.customer) {
            customers[entry.key] = try decoder.decode(CustomerRecord.self, from: Data(entry.body.utf8)).firm
        }
        let counters = try await store.bodies(kind: SandboxStore.EntityKind.meta).first { $0.key == "counters" }
            .map { try decoder.decode(Counters.self, from: Data($0.body.utf8)) }
        let documents = try await store.documentNames(campaignExternalId: "c-1")
        try await store.close()
        return (customers, counters, documents)
    }

    @Test("a batch larger than one statement, with repeated puts and documents, is stored as its last puts")
    func largeBatch() async throws {
        try await Self.withDirectory { path in
            let store = try await SandboxStore.open(path: path, logger: Self.logger)
            let count = SandboxStore.entityRowsPerStatement * 2 + 7
            var changes: [StoreChange] = []
            for number in 0..<count {
                changes.append(.putCustomer(Self.customer(number, firm: "Alt")))
                changes.append(.putCounters(Counters(nextCustomerId: number)))
            }
            changes.append(.addDocument(campaignExternalId: "c-1", name: "a.pdf", content: Data("a".utf8)))
            changes.append(.putCustomer(Self.customer(3, firm: "Neu")))
            changes.append(.addDocument(campaignExternalId: "c-1", name: "b.pdf", content: Data("b".utf8)))
            try await store.apply(changes)
            try await store.close()

            let stored = try await Self.stored(path)
            #expect(stored.customers.count == count)
            #expect(stored.customers["S-3"] == "Neu 3")
            #expect(stored.customers["S-4"] == "Alt 4")
            #expect(stored.counters == Counters(nextCustomerId: count - 1))
            #expect(stored.documents == ["a.pdf", "b.pdf"])
        }
    }

    @Test("small batches, one after the other, replace what earlier batches stored")
    func smallBatches() async throws {
        try await Self.withDirectory { path in
            let store = try await SandboxStore.open(path: path, logger: Self.logger)
            try await store.apply([.putCustomer(Self.customer(1)), .putCounters(Counters(nextCustomerId: 2))])
            try await store.apply([.putCustomer(Self.customer(1, firm: "Zweite")), .putCustomer(Self.customer(2))])
            try await store.apply([.addDocument(campaignExternalId: "c-1", name: "only.pdf", content: Data())])
            try await store.apply([])
            try await store.close()

            let stored = try await Self.stored(path)
            #expect(stored.customers == ["S-1": "Zweite 1", "S-2": "Firma 2"])
            #expect(stored.counters == Counters(nextCustomerId: 2))
            #expect(stored.documents == ["only.pdf"])
        }
    }
}
