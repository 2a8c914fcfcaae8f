import ArgumentParser

/// `gotom flight`: Read and change flights of a campaign.
struct FlightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flight",
        abstract: "Read and change flights of a campaign.",
        subcommands: []
    )
}
