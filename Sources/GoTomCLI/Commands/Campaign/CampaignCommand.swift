import ArgumentParser

/// `gotom campaign`: Read and change campaigns.
struct CampaignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Read and change campaigns.",
        subcommands: []
    )
}
