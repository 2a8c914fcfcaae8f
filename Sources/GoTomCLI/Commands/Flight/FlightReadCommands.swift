import ArgumentParser
import GoTomAPI
import GoTomModels

/// `gotom flight list CAMPAIGN`: the flights of a campaign.
struct FlightListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the flights of a campaign.",
        discussion: """
            Reads the campaign and prints its flights: a table on a terminal, one JSON array otherwise; \
            --output jsonl prints one flight per line, --output csv the table's columns. An unknown campaign \
            answers 404 (exit 4).

            Examples:
              gotom flight list P-1
              gotom flight list P-1 --output csv > flights.csv
              gotom flight list P-1 --output jsonl | jq -c '{externalId, units}'
            """
    )

    static let columns = [
        ListColumn("EXTERNAL ID", "externalId"), ListColumn("START", "runtime.start.date"),
        ListColumn("END", "runtime.end.date"), ListColumn("PLATFORM", "platformId"),
        ListColumn("CHANNEL", "channelId"), ListColumn("UNITS", "units"), ListColumn("PRICE", "bruttoPriceUnit"),
        ListColumn("AD SERVER", "adServerId"),
    ]

    @Argument(help: ArgumentHelp("The campaign's externalId.", valueName: "campaign"))
    var campaign: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let id = campaign
            let read = try await clientOptions.withClient { client in try await client.campaigns.get(id) }
            try ListPrinter.print(read.flights ?? [], options: output, columns: Self.columns)
            return .success
        }
    }
}

/// `gotom flight get CAMPAIGN FLIGHT`.
struct FlightGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show a flight.",
        discussion: """
            Prints the flight as JSON (indented on a terminal or with --pretty), or with --output table as \
            field/value rows. Flight tags are shown with their names. An unknown campaign or flight answers 404 \
            (exit 4).

            Examples:
              gotom flight get P-1 P-1-F1
              gotom flight get P-1 P-1-F1 --output table
            """
    )

    @OptionGroup var address: FlightAddress
    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let (campaign, flight) = (address.campaign, address.flight)
            return try await clientOptions.show(output) { client in
                try await client.flights.get(flight, in: campaign)
            }
        }
    }
}

/// `gotom flight lineitems CAMPAIGN FLIGHT`: the ad-server strategy and line item.
struct FlightLineItemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lineitems",
        abstract: "Show the ad-server strategy and line item id of a flight.",
        discussion: """
            Prints {"strategyId": …, "adserverId": …}; both are null until the flight has been pushed to the ad \
            server. An unknown campaign or flight answers 404 (exit 4).

            Examples:
              gotom flight lineitems P-1 P-1-F1
              gotom flight lineitems P-1 P-1-F1 | jq .adserverId
            """,
        aliases: ["lineitem"]
    )

    @OptionGroup var address: FlightAddress
    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let (campaign, flight) = (address.campaign, address.flight)
            return try await clientOptions.show(output) { client in
                try await client.flights.lineItemId(flight, in: campaign)
            }
        }
    }
}

/// `gotom flight sublines CAMPAIGN FLIGHT`: the split of a network flight.
struct FlightSublinesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sublines",
        abstract: "List how a network flight is split across the network's platforms.",
        discussion: """
            Prints the sublines as a list: a table on a terminal, one JSON array otherwise (--output \
            json|jsonl|table|csv). A flight outside a network has none. Needs goTom's marketer-network module; \
            without it, and for an unknown campaign or flight, goTom answers 404 (exit 4). To change the split: \
            gotom flight set-sublines.

            Examples:
              gotom flight sublines P-1 P-1-NET
              gotom flight sublines P-1 P-1-NET --output csv
              gotom flight sublines P-1 P-1-NET | jq '{sublines: .}' > split.json
            """
    )

    static let columns = [
        ListColumn("PLATFORM", "platformId"), ListColumn("PERCENTAGE", "percentage"), ListColumn("NOTE", "note"),
    ]

    @OptionGroup var address: FlightAddress
    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let (campaign, flight) = (address.campaign, address.flight)
            let read = try await clientOptions.withClient { client in
                try await client.flights.sublines(flight, in: campaign)
            }
            try ListPrinter.print(read.sublines ?? [], options: output, columns: Self.columns)
            return .success
        }
    }
}

/// `gotom flight commission CAMPAIGN FLIGHT`.
struct FlightCommissionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commission",
        abstract: "Show the agency and intermediator commission of a flight.",
        discussion: """
            Prints bkPercent/bkAmount (agency, BK), vmkType and vmkPercent/vmkAmount (intermediator). To change \
            them: gotom flight set-commission. An unknown campaign or flight answers 404 (exit 4).

            Examples:
              gotom flight commission P-1 P-1-F1
              gotom flight commission P-1 P-1-F1 --output table
            """
    )

    @OptionGroup var address: FlightAddress
    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let (campaign, flight) = (address.campaign, address.flight)
            return try await clientOptions.show(output) { client in
                try await client.flights.commission(flight, in: campaign)
            }
        }
    }
}
