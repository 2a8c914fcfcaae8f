import ArgumentParser
import Foundation
import GoTomAPI
import GoTomModels

/// `gotom discount flight`: the flight discounts of a campaign discount.
struct FlightDiscountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flight",
        abstract: "Flight discounts: the amount of a campaign discount on one flight.",
        discussion: """
            Arguments: CAMPAIGN, then the campaign DISCOUNT, then the FLIGHT-DISCOUNT, all by externalId. A \
            flight discount is a percentage (--percent) or a fixed sum (--sum), never both.

            Examples:
              gotom discount flight list P-1
              gotom discount flight create P-1 EARLY --flight P-1-F1 \\
                --external-id EARLY-F1 --percent 10
              gotom discount flight get P-1 EARLY EARLY-F1
              gotom discount flight update P-1 EARLY EARLY-F1 --sum 500
              gotom discount flight delete P-1 EARLY EARLY-F1
            """,
        subcommands: [
            FlightDiscountListCommand.self, FlightDiscountGetCommand.self, FlightDiscountCreateCommand.self,
            FlightDiscountUpdateCommand.self, FlightDiscountDeleteCommand.self,
        ]
    )
}

/// The campaign, campaign discount and flight discount a flight-discount command works on.
struct FlightDiscountAddress: ParsableArguments {
    @Argument(help: ArgumentHelp("The campaign's externalId.", valueName: "campaign"))
    var campaign: String

    @Argument(help: ArgumentHelp("The campaign discount's externalId.", valueName: "discount"))
    var discount: String

    @Argument(help: ArgumentHelp("The flight discount's externalId.", valueName: "flight-discount"))
    var flightDiscount: String

    /// `flight discount EARLY-F1 of discount EARLY of campaign P-1`, for messages.
    var description: String { "flight discount \(flightDiscount) of discount \(discount) of campaign \(campaign)" }
}

/// `--percent` / `--sum`.
struct FlightDiscountAmountOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The discount in percent of the flight's value (amountPercent).",
            valueName: "percent"))
    var percent: String?

    @Option(help: ArgumentHelp("The discount as a fixed sum (amountSum).", valueName: "amount"))
    var sum: String?

    func validate() throws {
        if percent != nil && sum != nil { throw ValidationError("give --percent or --sum, not both") }
    }

    /// The flag values; the amount not given is set to null when the other one is, so that a file's value
    /// for it does not linger.
    func overrides() throws -> [(String, JSONValue?)] {
        let percentValue = try BookingCommands.decimal(percent, flag: "--percent")
        let sumValue = try BookingCommands.decimal(sum, flag: "--sum")
        return [
            ("amountPercent", percentValue ?? (sumValue != nil ? .null : nil)),
            ("amountSum", sumValue ?? (percentValue != nil ? .null : nil)),
        ]
    }
}

/// One flight discount in a list, with the campaign discount it belongs to.
struct FlightDiscountRow: Encodable {
    var campaignDiscount: String?
    var flightExternalId: String?
    var externalId: String?
    var entityId: Int?
    var amountPercent: Decimal?
    var amountSum: Decimal?
}

/// `gotom discount flight list CAMPAIGN [DISCOUNT]`.
struct FlightDiscountListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the flight discounts of a campaign, one row each.",
        discussion: """
            Reads the campaign's discounts and prints every flight discount with the campaign discount it \
            belongs to (campaignDiscount: its externalId, or its entityId when it has none). Give DISCOUNT to \
            list one campaign discount's only. A table on a terminal, one JSON array otherwise (--output \
            json|jsonl|table|csv).

            Examples:
              gotom discount flight list P-1
              gotom discount flight list P-1 EARLY --output jsonl
              gotom discount flight list P-1 --output csv
            """
    )

    static let columns = [
        ListColumn("DISCOUNT", "campaignDiscount"), ListColumn("EXTERNAL ID", "externalId"),
        ListColumn("FLIGHT", "flightExternalId"), ListColumn("PERCENT", "amountPercent"),
        ListColumn("SUM", "amountSum"),
    ]

    @Argument(help: ArgumentHelp("The campaign's externalId.", valueName: "campaign"))
    var campaign: String

    @Argument(help: ArgumentHelp("Only this campaign discount (externalId).", valueName: "discount"))
    var discount: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let id = campaign
            let discounts = try await clientOptions.withClient { client in
                try await client.campaignDiscounts.list(in: id)
            }
            let selected = discount.map { wanted in discounts.filter { $0.externalId == wanted } } ?? discounts
            if let discount, selected.isEmpty {
                throw CLIError("campaign \(id) has no discount \(discount)", exitCode: .clientError)
            }
            let rows = selected.flatMap { parent in
                (parent.flightDiscounts ?? []).map { item in
                    FlightDiscountRow(
                        campaignDiscount: parent.externalId ?? parent.entityId.map(String.init),
                        flightExternalId: item.flightExternalId, externalId: item.externalId,
                        entityId: item.entityId, amountPercent: item.amountPercent, amountSum: item.amountSum)
                }
            }
            try ListPrinter.print(rows, options: output, columns: Self.columns)
            return .success
        }
    }
}

/// `gotom discount flight get CAMPAIGN DISCOUNT FLIGHT-DISCOUNT`.
struct FlightDiscountGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show a flight discount.",
        discussion: """
            Prints the flight discount as JSON (indented on a terminal or with --pretty), or with --output table \
            as field/value rows. An unknown campaign, discount or flight discount is an error (exit 4).

            Examples:
              gotom discount flight get P-1 EARLY EARLY-F1
              gotom discount flight get P-1 EARLY EARLY-F1 | jq .amountPercent
            """
    )

    @OptionGroup var address: FlightDiscountAddress
    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let address = address
            return try await clientOptions.show(output) { client in
                try await client.flightDiscounts.get(
                    address.flightDiscount, campaign: address.campaign,
                    campaignDiscount: address.discount)
            }
        }
    }
}

/// `gotom discount flight create CAMPAIGN DISCOUNT`.
struct FlightDiscountCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Add a flight discount to a campaign discount.",
        discussion: """
            The body {"flightExternalId", "externalId", "amountPercent", "amountSum"} comes from --file FILE, \
            from stdin when it is piped, and from flags; flags win over the file. flightExternalId and externalId \
            are required and checked before anything is sent (exit 64); give exactly one amount, --percent or \
            --sum (the other is sent as null). goTom answers 404 when the flight does not exist, and a \
            constraint violation (exit 4) when neither or both amounts are set or the externalId is taken.

            Examples:
              gotom discount flight create P-1 EARLY --flight P-1-F1 \\
                --external-id EARLY-F1 --percent 10
              gotom discount flight create P-1 EARLY --flight P-1-F2 \\
                --external-id EARLY-F2 --sum 500 --show
              gotom discount flight create P-1 EARLY --file fd.json --percent 12.5
            """
    )

    @Argument(help: ArgumentHelp("The campaign's externalId.", valueName: "campaign"))
    var campaign: String

    @Argument(help: ArgumentHelp("The campaign discount's externalId.", valueName: "discount"))
    var discount: String

    @OptionGroup var payload: PayloadOptions

    @Option(help: ArgumentHelp("The flight the discount applies to (flightExternalId).", valueName: "flight"))
    var flight: String?

    @Option(help: ArgumentHelp("Your id of the flight discount (externalId).", valueName: "id"))
    var externalId: String?

    @OptionGroup var amount: FlightDiscountAmountOptions

    @Flag(help: BookingCommands.dryRunHelp)
    var dryRun = false

    @Flag(help: BookingCommands.showHelp)
    var show = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            var tree = try BookingCommands.tree(
                options: payload,
                overrides: [("flightExternalId", .text(flight)), ("externalId", .text(externalId))]
                    + amount.overrides())
            // goTom wants both amount keys, the unused one null.
            BookingCommands.setDefault("amountPercent", to: .null, in: &tree)
            BookingCommands.setDefault("amountSum", to: .null, in: &tree)
            let created = try Payload.decode(FlightDiscountCreate.self, from: tree)
            if dryRun {
                try ObjectPrinter(options: output).print(created)
                return .success
            }
            let (campaign, discount) = (campaign, discount)
            return try await BookingCommands.change(
                using: clientOptions, show: show, output: output,
                confirmation:
                    "created flight discount \(created.externalId) of discount \(discount) of campaign \(campaign)",
                { client in
                    try await client.flightDiscounts.create(created, campaign: campaign, campaignDiscount: discount)
                },
                readBack: { client in
                    try await client.flightDiscounts.get(
                        created.externalId, campaign: campaign,
                        campaignDiscount: discount)
                })
        }
    }
}

/// `gotom discount flight update CAMPAIGN DISCOUNT FLIGHT-DISCOUNT`.
struct FlightDiscountUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change the amount of a flight discount.",
        discussion: """
            Give exactly one amount: --percent or --sum (or {"amountPercent": …} / {"amountSum": …} in --file \
            FILE or on stdin; flags win). The flight and externalId cannot change. goTom refuses both amounts, \
            and changes after invoicing, with a constraint violation (exit 4).

            Examples:
              gotom discount flight update P-1 EARLY EARLY-F1 --percent 15
              gotom discount flight update P-1 EARLY EARLY-F1 --sum 500 --show
            """
    )

    @OptionGroup var address: FlightDiscountAddress
    @OptionGroup var payload: PayloadOptions
    @OptionGroup var amount: FlightDiscountAmountOptions

    @Flag(help: BookingCommands.dryRunHelp)
    var dryRun = false

    @Flag(help: BookingCommands.showHelp)
    var show = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let tree = try BookingCommands.tree(options: payload, overrides: try amount.overrides())
            try BookingCommands.requireChanges(tree, what: address.description)
            let changes = try Payload.decode(FlightDiscountUpdate.self, from: tree)
            if changes.amountPercent == nil && changes.amountSum == nil {
                throw CLIError.usage("give an amount: --percent or --sum")
            }
            if dryRun {
                try ObjectPrinter(options: output).print(changes)
                return .success
            }
            let address = address
            return try await BookingCommands.change(
                using: clientOptions, show: show, output: output, confirmation: "updated \(address.description)",
                { client in
                    try await client.flightDiscounts.update(
                        address.flightDiscount, campaign: address.campaign,
                        campaignDiscount: address.discount, with: changes)
                },
                readBack: { client in
                    try await client.flightDiscounts.get(
                        address.flightDiscount, campaign: address.campaign,
                        campaignDiscount: address.discount)
                })
        }
    }
}

/// `gotom discount flight delete CAMPAIGN DISCOUNT FLIGHT-DISCOUNT`.
struct FlightDiscountDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a flight discount.",
        discussion: """
            goTom refuses when the flight is invoiced or deferred (constraint violation, exit 4); an unknown \
            flight discount answers 404 (exit 4).

            Examples:
              gotom discount flight delete P-1 EARLY EARLY-F1
            """
    )

    @OptionGroup var address: FlightDiscountAddress
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let address = address
            try await clientOptions.withClient { client in
                try await client.flightDiscounts.delete(
                    address.flightDiscount, campaign: address.campaign,
                    campaignDiscount: address.discount)
            }
            BookingCommands.confirm("deleted \(address.description)", verbosity: clientOptions.verbosity)
            return .success
        }
    }
}
