import ArgumentParser
import GoTomAPI
import GoTomModels

/// `gotom campaign get CAMPAIGN`: one campaign with its flights.
struct CampaignGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show a campaign with its flights.",
        discussion: """
            Prints the campaign as JSON (indented on a terminal or with --pretty), or with --output table as \
            field/value rows. An unknown campaign answers 404 (exit 4). The flights alone, as a list: \
            gotom flight list CAMPAIGN.

            Examples:
              gotom campaign get P-1
              gotom campaign get P-1 --output table
              gotom campaign get P-1 | jq '.flights[].externalId'
            """
    )

    @Argument(help: ArgumentHelp("The campaign's externalId.", valueName: "campaign"))
    var campaign: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let id = campaign
            return try await clientOptions.show(output) { client in try await client.campaigns.get(id) }
        }
    }
}
