import ArgumentParser
import GoTomAPI
import GoTomModels

/// `gotom campaign commission-status CAMPAIGN STATUS`.
struct CampaignCommissionStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commission-status",
        abstract: "Set how the commissions of a campaign are settled.",
        discussion: """
            STATUS is one of goTom's values: 0 commissions direct; 2 agency commission direct, agency rebate \
            indirect (accrual); 3 agency commission separate, rebate indirect (accrual); 4 agency rebate separate. \
            goTom refuses other values, and campaigns with invoiced or deferred flights, with a constraint \
            violation (exit 4). The current value is the campaign's commissionStatus (gotom campaign get).

            Examples:
              gotom campaign commission-status P-1 4
              gotom campaign commission-status P-1 0 --show
            """
    )

    @Argument(help: ArgumentHelp("The campaign's externalId.", valueName: "campaign"))
    var campaign: String

    @Argument(help: ArgumentHelp("0, 2, 3 or 4 (commissionStatus).", valueName: "status"))
    var status: Int

    @Flag(help: BookingCommands.showHelp)
    var show = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let id = campaign
            let settlement = CommissionSettlement(rawValue: status)
            return try await BookingCommands.change(
                using: clientOptions, show: show, output: output,
                confirmation: "set the commission status of campaign \(id) to \(settlement.rawValue)",
                { client in try await client.campaigns.setCommissionStatus(id, to: settlement) },
                readBack: { client in try await client.campaigns.get(id) })
        }
    }
}
