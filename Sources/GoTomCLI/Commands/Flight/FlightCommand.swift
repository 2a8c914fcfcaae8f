import ArgumentParser

/// `gotom flight`: Read and change flights of a campaign.
struct FlightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flight",
        abstract: "Read and change flights of a campaign.",
        discussion: """
            Every flight command names the campaign first, then the flight, both by externalId: \
            gotom flight VERB CAMPAIGN FLIGHT. Bodies come from --file FILE (or '-' for stdin; piped stdin is read \
            too) and from flags for the common fields; flags win over the file. The input is checked against \
            goTom's model before anything is sent: a missing or ill-typed field is named and the command exits \
            64. Constraint violations are printed on stderr as a table of code, property path and message (exit 4).

            Changes print nothing on stdout; a confirmation goes to stderr (not with -q). Add --show to read the \
            result back. Lists (list, sublines) print a table on a terminal and JSON otherwise; choose with \
            --output json|jsonl|table|csv.

            Examples:
              gotom flight list P-1
              gotom flight get P-1 P-1-F1
              gotom flight update P-1 P-1-F1 --units 300000 --note "extended"
              gotom flight sublines P-1 P-1-NET --output csv
            """,
        subcommands: [
            FlightListCommand.self, FlightGetCommand.self, FlightCreateCommand.self, FlightUpdateCommand.self,
            FlightDeleteCommand.self, FlightLineItemsCommand.self, FlightSublinesCommand.self,
            FlightSetSublinesCommand.self, FlightCommissionCommand.self, FlightSetCommissionCommand.self,
        ]
    )
}

/// The campaign and flight a flight command works on.
struct FlightAddress: ParsableArguments {
    @Argument(help: ArgumentHelp("The campaign's externalId.", valueName: "campaign"))
    var campaign: String

    @Argument(help: ArgumentHelp("The flight's externalId.", valueName: "flight"))
    var flight: String

    /// `flight F1 of campaign P-1`, for messages.
    var description: String { "flight \(flight) of campaign \(campaign)" }
}
