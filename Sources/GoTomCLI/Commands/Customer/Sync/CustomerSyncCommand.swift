import ArgumentParser

/// `gotom customer sync FILE`: bulk upsert with a resumable journal.
struct CustomerSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Upsert every customer of a JSON Lines or CSV file, resumably."
    )
}
