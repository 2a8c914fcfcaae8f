import ArgumentParser

/// `gotom campaign`: Read and change campaigns.
struct CampaignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Read and change campaigns.",
        discussion: """
            Campaigns are addressed by your externalId. Commands that change a campaign take the body from \
            --file FILE (or '-' for stdin; piped stdin is read too) and from flags for the common fields; flags \
            win over the file. The input is checked against goTom's model before anything is sent: a missing or \
            ill-typed field is named and the command exits 64. goTom's constraint violations are printed on \
            stderr as a table of code, property path and message (exit 4).

            Changes print nothing on stdout; a confirmation goes to stderr (not with -q). Add --show to read the \
            campaign back and print it.

            Flights and discounts of a campaign: gotom flight, gotom discount.

            Examples:
              gotom campaign get P-1
              gotom campaign create --external-id P-1 --name "Sommer 2025" \\
                --status reservation --booking-date 2025-06-01 --customer CRM-1001
              gotom campaign update P-1 --status booking --note "confirmed by phone"
              gotom campaign archive P-1
            """,
        subcommands: [
            CampaignGetCommand.self, CampaignCreateCommand.self, CampaignUpdateCommand.self,
            CampaignArchiveCommand.self, CampaignCommissionStatusCommand.self, CampaignDocumentCommand.self,
        ]
    )
}
