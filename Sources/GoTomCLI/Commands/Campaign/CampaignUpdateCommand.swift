import ArgumentParser
import GoTomAPI
import GoTomModels

/// `gotom campaign update CAMPAIGN`: a partial update.
struct CampaignUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change fields of a campaign.",
        discussion: """
            Only the fields given are changed. They come from --file FILE, from stdin when it is piped, and from \
            flags; flags win over the file. In a file, null clears a nullable field (e.g. "note": null). The \
            input is checked against the model before anything is sent; a problem names the field and exits 64.

            A changed agency or intermediator resets the commissions of the campaign and its flights unless \
            --no-update-commissions (goTom's default is to reset).

            Examples:
              gotom campaign update P-1 --status booking --note "confirmed by phone"
              gotom campaign update P-1 --file changes.json --name "Sommer 2025 (final)"
              echo '{"noteInternal": "VIP"}' | gotom campaign update P-1 --show
              gotom campaign update P-1 --agency CRM-2001 --no-update-commissions
            """
    )

    @Argument(help: ArgumentHelp("The campaign's externalId.", valueName: "campaign"))
    var campaign: String

    @OptionGroup var payload: PayloadOptions
    @OptionGroup var fields: CampaignFieldOptions

    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Whether a changed agency or intermediator resets the commissions (update_commissions; default: goTom's)."))
    var updateCommissions: Bool?

    @Flag(help: BookingCommands.dryRunHelp)
    var dryRun = false

    @Flag(help: BookingCommands.showHelp)
    var show = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let tree = try BookingCommands.tree(options: payload, overrides: fields.overrides)
            try BookingCommands.requireChanges(tree, what: "campaign \(campaign)")
            let changes = try Payload.decode(CampaignUpdate.self, from: tree)
            if dryRun {
                try ObjectPrinter(options: output).print(changes)
                return .success
            }
            let id = campaign
            let resetsCommissions = updateCommissions
            return try await BookingCommands.change(
                using: clientOptions, show: show, output: output,
                confirmation: "updated campaign \(id)",
                { client in
                    try await client.campaigns.update(id, with: changes, updateCommissions: resetsCommissions)
                },
                readBack: { client in try await client.campaigns.get(id) })
        }
    }
}
