import ArgumentParser
import GoTomAPI
import GoTomModels

/// `gotom campaign archive CAMPAIGN [--unarchive]`.
struct CampaignArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Archive a campaign, or reactivate it with --unarchive.",
        discussion: """
            Sends {"setIsArchived": true} (or false with --unarchive). goTom refuses a billed or partly invoiced \
            campaign with a constraint violation (exit 4). The flights of an archived campaign cannot be deleted.

            Examples:
              gotom campaign archive P-1
              gotom campaign archive P-1 --unarchive
            """
    )

    @Argument(help: ArgumentHelp("The campaign's externalId.", valueName: "campaign"))
    var campaign: String

    @Flag(help: "Reactivate an archived campaign instead.")
    var unarchive = false

    @Flag(help: BookingCommands.showHelp)
    var show = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let id = campaign
            let archived = !unarchive
            return try await BookingCommands.change(
                using: clientOptions, show: show, output: output,
                confirmation: "\(archived ? "archived" : "reactivated") campaign \(id)",
                { client in try await client.campaigns.setArchiveStatus(id, archived: archived) },
                readBack: { client in try await client.campaigns.get(id) })
        }
    }
}
