// A service's nightly job: push the customers of its own database to goTom with GoTomSync, resumably.
//
//   swift run customer-sync-service customers.sync.sqlite 200
//
// Arguments: the journal file and how many customers to push (100 by default).
// The customers come from code (here: COUNT generated ones, standing in for a database cursor), not from a file.
// The journal (a SQLite file) makes the job safe to kill: run it again with the same customers and it sends only
// what goTom had not acknowledged. Connection settings are resolved as `gotom` resolves them (GoTomSettings):
// GOTOM_BASE_URL, GOTOM_USER, GOTOM_SECRET, GOTOM_CACERT, or a profile of ~/.config/gotom/config, where
// customer.user/customer.secret may name the CRM-sync user.
import Foundation
import GoTomAPI
import GoTomModels
import GoTomSync

let arguments = CommandLine.arguments.dropFirst()
guard (1...2).contains(arguments.count), let journalPath = arguments.first,
    let count = Int(arguments.dropFirst().first ?? "100"), count > 0
else {
    print("usage: customer-sync-service JOURNAL [COUNT]  (with GOTOM_BASE_URL, GOTOM_USER, GOTOM_SECRET set)")
    exit(64)
}

/// The customers to push, in a stable order: the journal knows each by its position.
func customers(count: Int) -> AsyncStream<CustomerWrite> {
    AsyncStream { continuation in
        for number in 0..<count {
            let id = "SVC-\(number)"
            var customer = CustomerWrite(
                externalCrmId: id, firm: "Service Customer \(number)", status: .active, statusEc: .customer,
                language: .german, mainAddress: CustomerWrite.MainAddress(externalCrmId: "\(id)-A"))
            customer.addresses = [
                CustomerWrite.Address(
                    externalCrmId: "\(id)-A", title: "Hauptsitz", firm: customer.firm, zip: "8000", place: "Zürich",
                    country: "CH")
            ]
            customer.note = "synced by customer-sync-service"
            continuation.yield(customer)
        }
        continuation.finish()
    }
}

do {
    let configuration = try GoTomSettings.resolve().configuration()
    let outcome = try await GoTomClient.withClient(configuration: configuration) { client in
        try await CustomerSync.sync(
            customers(count: count), client: client, journalPath: journalPath,
            options: CustomerSync.Options(concurrency: 4)
        ) { event in
            if case .recordFailed(let position, let message) = event { print("customer \(position): \(message)") }
        }
    }
    let counts = outcome.counts
    print(
        "\(counts.records) customers: \(counts.created) created, \(counts.updated) updated, \(counts.failed) failed, "
            + "\(counts.pending) pending; \(outcome.result.sent) sent by this run")
    if let stop = outcome.result.stop {
        switch stop {
        case .fatal(let error), .unavailable(let error): print("stopped: \(error.shortDescription)")
        }
        exit(1)
    }
    exit(counts.pending == 0 && counts.failed == 0 ? 0 : 1)
} catch let error as GoTomError {
    print("customer-sync-service: \(error.detail ?? error.shortDescription)")
    exit(1)
} catch {
    print("customer-sync-service: \(error)")
    exit(1)
}
