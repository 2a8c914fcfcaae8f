import ArgumentParser

/// `gotom customer`: Read, upsert and sync customers (CRM).
struct CustomerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "Read, upsert and sync customers (CRM).",
        discussion: """
            Customers are addressed by their CRM id (externalCrmId). Reads use the customer API; upsert, logs and \
            sync use goTom's CRM sync, which goTom must have switched on for the instance.

            Examples:
              gotom customer get CRM-1001
              gotom customer list --all --output csv > customers.csv
              gotom customer upsert --file customer.json --firm "Muster AG"
              gotom customer logs 4711
            """,
        subcommands: [
            CustomerGetCommand.self, CustomerListCommand.self, CustomerUpsertCommand.self, CustomerLogsCommand.self,
            CustomerSyncCommand.self,
        ]
    )
}
