import ArgumentParser

/// `gotom customer`: Read, upsert and sync customers (CRM).
struct CustomerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "Read, upsert and sync customers (CRM).",
        subcommands: [CustomerSyncCommand.self]
    )
}
