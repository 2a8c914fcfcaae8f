import ArgumentParser
import GoTomAPI
import GoTomModels

/// `gotom discount list CAMPAIGN`.
struct DiscountListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the discounts of a campaign with their flight discounts.",
        discussion: """
            Prints a table on a terminal and one JSON array otherwise; --output jsonl prints one discount per \
            line, --output csv the table's columns. A discount without an externalId is identified by its \
            entityId. The flight discounts alone, one row each: gotom discount flight list CAMPAIGN.

            Examples:
              gotom discount list P-1
              gotom discount list P-1 --output json --pretty
              gotom discount list P-1 --output csv > discounts.csv
            """
    )

    static let columns = [
        ListColumn("EXTERNAL ID", "externalId"), ListColumn("ENTITY ID", "entityId"), ListColumn("NAME", "name"),
        ListColumn("FLIGHT DISCOUNTS", "flightDiscounts"),
    ]

    @Argument(help: ArgumentHelp("The campaign's externalId.", valueName: "campaign"))
    var campaign: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let id = campaign
            let discounts = try await clientOptions.withClient { client in
                try await client.campaignDiscounts.list(in: id)
            }
            try ListPrinter.print(discounts, options: output, columns: Self.columns)
            return .success
        }
    }
}

/// `gotom discount create CAMPAIGN`.
struct DiscountCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Add a discount to a campaign.",
        discussion: """
            The body {"externalId", "name"} comes from --file FILE, from stdin when it is piped, or from flags; \
            flags win over the file. Both fields are required and checked before anything is sent (exit 64). \
            Prints the discount goTom stored. An externalId already used in the campaign, or a partly invoiced \
            flight, is a constraint violation (exit 4).

            Examples:
              gotom discount create P-1 --external-id EARLY --name "Frühbucherrabatt"
              gotom discount create P-1 --file discount.json --name "Treuerabatt"
            """
    )

    @Argument(help: ArgumentHelp("The campaign's externalId.", valueName: "campaign"))
    var campaign: String

    @OptionGroup var payload: PayloadOptions

    @Option(help: ArgumentHelp("Your id of the discount (externalId).", valueName: "id"))
    var externalId: String?

    @Option(help: ArgumentHelp("The name printed on finance documents (name).", valueName: "text"))
    var name: String?

    @Flag(help: BookingCommands.dryRunHelp)
    var dryRun = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let discount = try Payload.load(
                CampaignDiscountWrite.self, options: payload,
                overrides: [("externalId", .text(externalId)), ("name", .text(name))])
            if dryRun {
                try ObjectPrinter(options: output).print(discount)
                return .success
            }
            let id = campaign
            let stored = try await clientOptions.withClient { client in
                try await client.campaignDiscounts.create(discount, in: id)
            }
            BookingCommands.confirm(
                "created discount \(stored.externalId) in campaign \(id)",
                verbosity: clientOptions.verbosity)
            try ObjectPrinter(options: output).print(stored)
            return .success
        }
    }
}

/// `gotom discount update CAMPAIGN DISCOUNT`.
struct DiscountUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Rename a campaign discount.",
        discussion: """
            goTom lets only the name change. It comes from --name, or {"name": …} in --file FILE or on stdin; \
            the flag wins. goTom refuses the change after a delta invoice or when a flight is invoiced \
            (constraint violation, exit 4).

            Examples:
              gotom discount update P-1 EARLY --name "Frühbucherrabatt 2025"
              gotom discount update P-1 EARLY --name "Frühbucher" --show
            """
    )

    @OptionGroup var address: CampaignDiscountAddress
    @OptionGroup var payload: PayloadOptions

    @Option(help: ArgumentHelp("The new name (name).", valueName: "text"))
    var name: String?

    @Flag(help: BookingCommands.dryRunHelp)
    var dryRun = false

    @Flag(help: BookingCommands.showHelp)
    var show = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let tree = try BookingCommands.tree(options: payload, overrides: [("name", .text(name))])
            try BookingCommands.requireChanges(tree, what: address.description)
            let changes = try Payload.decode(CampaignDiscountUpdate.self, from: tree)
            if dryRun {
                try ObjectPrinter(options: output).print(changes)
                return .success
            }
            let (campaign, discount, description) = (address.campaign, address.discount, address.description)
            return try await BookingCommands.change(
                using: clientOptions, show: show, output: output, confirmation: "updated \(description)",
                { client in try await client.campaignDiscounts.update(discount, in: campaign, with: changes) },
                readBack: { client in
                    // goTom has no single-discount read: take it from the campaign's list.
                    let all = try await client.campaignDiscounts.list(in: campaign)
                    guard let match = all.first(where: { $0.externalId == discount }) else {
                        throw CLIError("\(description) was updated but is not in the campaign's list")
                    }
                    return match
                })
        }
    }
}

/// `gotom discount delete CAMPAIGN DISCOUNT`.
struct DiscountDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a campaign discount.",
        discussion: """
            goTom refuses while flight discounts are attached to it (constraint violation listing them, exit 4): \
            delete those first with gotom discount flight delete.

            Examples:
              gotom discount delete P-1 EARLY
              gotom discount delete P-1 EARLY -q
            """
    )

    @OptionGroup var address: CampaignDiscountAddress
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let (campaign, discount) = (address.campaign, address.discount)
            try await clientOptions.withClient { client in
                try await client.campaignDiscounts.delete(discount, in: campaign)
            }
            BookingCommands.confirm("deleted \(address.description)", verbosity: clientOptions.verbosity)
            return .success
        }
    }
}
