import ArgumentParser

/// `gotom discount`: Campaign and flight discounts.
struct DiscountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discount",
        abstract: "Campaign and flight discounts.",
        subcommands: []
    )
}
