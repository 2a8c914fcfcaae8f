import ArgumentParser

/// `gotom discount`: Campaign and flight discounts.
struct DiscountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discount",
        abstract: "Campaign and flight discounts.",
        discussion: """
            A campaign discount is a named discount of a campaign (printed on finance documents); its flight \
            discounts give the amount per flight. Arguments go from the outside in, all by externalId; campaign \
            discounts first, then flight discounts:

              gotom discount VERB CAMPAIGN [DISCOUNT]
              gotom discount flight VERB CAMPAIGN DISCOUNT [FLIGHT-DISCOUNT]

            Bodies come from --file FILE (or '-' for stdin; piped stdin is read too) and from flags; flags win \
            over the file. The input is checked against goTom's model before anything is sent (a problem names \
            the field, exit 64); constraint violations are printed on stderr as a table (exit 4). Changes print \
            nothing on stdout except what goTom returns; a confirmation goes to stderr (not with -q).

            Examples:
              gotom discount list P-1
              gotom discount create P-1 --external-id EARLY --name "Frühbucherrabatt"
              gotom discount flight create P-1 EARLY --flight P-1-F1 \\
                --external-id EARLY-F1 --percent 10
              gotom discount flight list P-1 --output csv
            """,
        subcommands: [
            DiscountListCommand.self, DiscountCreateCommand.self, DiscountUpdateCommand.self,
            DiscountDeleteCommand.self, FlightDiscountCommand.self,
        ]
    )
}

/// The campaign and campaign discount a discount command works on.
struct CampaignDiscountAddress: ParsableArguments {
    @Argument(help: ArgumentHelp("The campaign's externalId.", valueName: "campaign"))
    var campaign: String

    @Argument(help: ArgumentHelp("The campaign discount's externalId.", valueName: "discount"))
    var discount: String

    /// `discount EARLY of campaign P-1`, for messages.
    var description: String { "discount \(discount) of campaign \(campaign)" }
}
