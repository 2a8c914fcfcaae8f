import ArgumentParser
import GoTomAPI
import GoTomModels

/// `gotom campaign create`: a new campaign.
struct CampaignCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a campaign.",
        discussion: """
            The body is a campaign-create object from --file FILE, from stdin when it is piped, or from flags \
            alone; flags win over the file. Required: externalId, name, status, bookingDate, customer. The input \
            is checked against the model before anything is sent; a problem names the field and exits 64. An \
            externalId that is already used is a constraint violation (exit 4).

            goTom answers without a body: stdout stays empty unless --show, which reads the new campaign back \
            (with its campaignId).

            Examples:
              gotom campaign create --external-id P-1 --name "Sommer 2025" \\
                --status reservation --booking-date 2025-06-01 --customer CRM-1001
              gotom campaign create --file campaign.json --name "Sommer 2025 (copy)" --show
              gotom campaign create --file campaign.json --dry-run
            """
    )

    @OptionGroup var payload: PayloadOptions

    @Option(help: ArgumentHelp("Your id of the campaign, used to address it later (externalId).", valueName: "id"))
    var externalId: String?

    @OptionGroup var fields: CampaignFieldOptions

    @Option(
        help: ArgumentHelp(
            "An ISO currency code configured on the instance, e.g. CHF (currency).",
            valueName: "code"))
    var currency: String?

    @Flag(help: BookingCommands.dryRunHelp)
    var dryRun = false

    @Flag(help: BookingCommands.showHelp)
    var show = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let campaign = try Payload.load(
                CampaignCreate.self, options: payload,
                overrides: [("externalId", .text(externalId)), ("currency", .text(currency))] + fields.overrides)
            if dryRun {
                try ObjectPrinter(options: output).print(campaign)
                return .success
            }
            return try await BookingCommands.change(
                using: clientOptions, show: show, output: output,
                confirmation: "created campaign \(campaign.externalId)",
                { client in try await client.campaigns.create(campaign) },
                readBack: { client in try await client.campaigns.get(campaign.externalId) })
        }
    }
}
