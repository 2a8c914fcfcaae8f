import ArgumentParser

/// `gotom prices`: List the prices of a tarif.
struct PricesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prices",
        abstract: "List the prices of a tarif.",
        subcommands: []
    )
}
