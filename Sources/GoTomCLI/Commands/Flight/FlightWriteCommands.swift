import ArgumentParser
import Foundation
import GoTomAPI
import GoTomModels

/// `gotom flight create CAMPAIGN`: a new flight.
struct FlightCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Add a flight to a campaign.",
        discussion: """
            The body is a flight-create object from --file FILE, from stdin when it is piped, or from flags alone; \
            flags win over the file. Required: externalId, adServerId, runtime (start.date and end.date), \
            tarifId, mediaId, platformId, channelId, advertisingId, priceTypeId, units, bruttoPriceUnit (--price). \
            The input is checked against the model before anything is sent; a problem names the field and exits \
            64. goTom checks the ids against its master data and rate card: an unknown combination is a \
            constraint violation (exit 4). An unknown campaign answers 404.

            Examples:
              gotom flight create P-1 --external-id P-1-F1 --ad-server-id gam \\
                --start 2025-06-01 --end 2025-06-30 --tarif-id 1 --media-id 20 \\
                --platform-id 1 --channel-id 10 --advertising-id 30 --price-type-id 1 \\
                --units 250000 --price 45
              gotom flight create P-1 --file flight.json --external-id P-1-F2 --show
              gotom flight create P-1 --file flight.json --price loadFromRate --dry-run
            """
    )

    @Argument(help: ArgumentHelp("The campaign's externalId.", valueName: "campaign"))
    var campaign: String

    @OptionGroup var payload: PayloadOptions

    @Option(help: ArgumentHelp("Your id of the flight, used to address it later (externalId).", valueName: "id"))
    var externalId: String?

    @OptionGroup var fields: FlightFieldOptions

    @Flag(help: BookingCommands.dryRunHelp)
    var dryRun = false

    @Flag(help: BookingCommands.showHelp)
    var show = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let flight = try Payload.load(
                FlightCreate.self, options: payload,
                overrides: [("externalId", .text(externalId))] + fields.overrides())
            if dryRun {
                try ObjectPrinter(options: output).print(flight)
                return .success
            }
            let id = campaign
            return try await BookingCommands.change(
                using: clientOptions, show: show, output: output,
                confirmation: "created flight \(flight.externalId) in campaign \(id)",
                { client in try await client.flights.create(flight, in: id) },
                readBack: { client in try await client.flights.get(flight.externalId, in: id) })
        }
    }
}

/// `gotom flight update CAMPAIGN FLIGHT`: a partial update.
struct FlightUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change fields of a flight.",
        discussion: """
            Only the fields given are changed. They come from --file FILE, from stdin when it is piped, and from \
            flags; flags win over the file. Omitting --price keeps the current price. --clear-tags removes all \
            flight tags, --clear-position-type restores the default position type. The input is checked against \
            the model before anything is sent; a problem names the field and exits 64. An adServerPushChanges \
            object in the file asks goTom to push the changes to the ad server.

            Examples:
              gotom flight update P-1 P-1-F1 --units 300000 --note "extended"
              gotom flight update P-1 P-1-F1 --end 2025-07-15 --price loadFromRate --show
              gotom flight update P-1 P-1-F1 --file targeting.json --tag 1 --tag 3
              gotom flight update P-1 P-1-F1 --clear-tags
            """
    )

    @OptionGroup var address: FlightAddress
    @OptionGroup var payload: PayloadOptions
    @OptionGroup var fields: FlightFieldOptions

    @Flag(help: "Remove all flight tags (flightTags: null).")
    var clearTags = false

    @Flag(help: "Restore the default position type (flightPositionTypeName: null).")
    var clearPositionType = false

    @Flag(help: BookingCommands.dryRunHelp)
    var dryRun = false

    @Flag(help: BookingCommands.showHelp)
    var show = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func validate() throws {
        if clearTags && !fields.tags.isEmpty { throw ValidationError("--clear-tags and --tag exclude each other") }
        if clearPositionType && fields.positionType != nil {
            throw ValidationError("--clear-position-type and --position-type exclude each other")
        }
    }

    func run() async throws {
        try await Self.reportingFailures {
            var overrides = try fields.overrides()
            if clearTags { overrides.append(("flightTags", .null)) }
            if clearPositionType { overrides.append(("flightPositionTypeName", .null)) }
            let tree = try BookingCommands.tree(options: payload, overrides: overrides)
            try BookingCommands.requireChanges(tree, what: address.description)
            let changes = try Payload.decode(FlightUpdate.self, from: tree)
            if dryRun {
                try ObjectPrinter(options: output).print(changes)
                return .success
            }
            let (campaign, flight) = (address.campaign, address.flight)
            return try await BookingCommands.change(
                using: clientOptions, show: show, output: output,
                confirmation: "updated \(address.description)",
                { client in try await client.flights.update(flight, in: campaign, with: changes) },
                readBack: { client in try await client.flights.get(flight, in: campaign) })
        }
    }
}

/// `gotom flight delete CAMPAIGN FLIGHT`.
struct FlightDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a flight with its discounts, sublines and commission.",
        discussion: """
            goTom refuses to delete flights of an archived campaign and flights that are invoiced, deferred, or \
            have ad-server data or publisher payouts: a constraint violation (exit 4). An unknown campaign or \
            flight answers 404 (exit 4).

            Examples:
              gotom flight delete P-1 P-1-F1
              gotom flight delete P-1 P-1-F1 -q && echo gone
            """
    )

    @OptionGroup var address: FlightAddress
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let (campaign, flight) = (address.campaign, address.flight)
            try await clientOptions.withClient { client in try await client.flights.delete(flight, in: campaign) }
            BookingCommands.confirm("deleted \(address.description)", verbosity: clientOptions.verbosity)
            return .success
        }
    }
}

/// `gotom flight set-sublines CAMPAIGN FLIGHT`: replace the split of a network flight.
struct FlightSetSublinesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-sublines",
        abstract: "Replace how a network flight is split across the network's platforms.",
        discussion: """
            The new split comes from --file FILE ({"sublines": [{"platformId", "percentage", "note"}]}), from \
            stdin when it is piped, or from --subline PLATFORM=PERCENT[:NOTE] flags, which replace the file's \
            list. Percentages must add up to 100 and every platform must belong to the flight's network; \
            otherwise goTom answers with a constraint violation (exit 4). An empty list removes the split.

            Examples:
              gotom flight set-sublines P-1 P-1-NET --subline 1=50 --subline 2=30 \\
                --subline "3=20:Pendler"
              gotom flight set-sublines P-1 P-1-NET --file split.json --show
            """
    )

    @OptionGroup var address: FlightAddress
    @OptionGroup var payload: PayloadOptions

    @Option(
        name: .customLong("subline"),
        help: ArgumentHelp(
            "One subline: platform id, percentage and an optional note; repeat for each platform.",
            valueName: "platform=percent[:note]"))
    var sublines: [String] = []

    @Flag(help: BookingCommands.dryRunHelp)
    var dryRun = false

    @Flag(help: BookingCommands.showHelp)
    var show = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let flags = try sublines.map(Self.parse)
            let tree = try BookingCommands.tree(
                options: payload,
                overrides: [("sublines", flags.isEmpty ? nil : .array(flags))])
            guard case .object(let fields) = tree, fields["sublines"] != nil else {
                throw CLIError.usage(
                    "no sublines: give --subline PLATFORM=PERCENT, or --file FILE with a "
                        + "\"sublines\" list")
            }
            let split = try Payload.decode(FlightSublines.self, from: tree)
            if dryRun {
                try ObjectPrinter(options: output).print(split)
                return .success
            }
            let (campaign, flight) = (address.campaign, address.flight)
            let read = try await clientOptions.withClient { client -> FlightSublines? in
                try await client.flights.setSublines(flight, in: campaign, to: split)
                return show ? try await client.flights.sublines(flight, in: campaign) : nil
            }
            BookingCommands.confirm(
                "set \(split.sublines?.count ?? 0) sublines of \(address.description)",
                verbosity: clientOptions.verbosity)
            if let read {
                try ListPrinter.print(read.sublines ?? [], options: output, columns: FlightSublinesCommand.columns)
            }
            return .success
        }
    }

    /// `1=50` or `3=20:note` as a subline object.
    static func parse(_ text: String) throws -> JSONValue {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let platform = Int(parts[0]) else {
            throw CLIError.usage("--subline \(text): expected PLATFORM=PERCENT[:NOTE], e.g. 1=50")
        }
        let rest = parts[1].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let percentage = try? BookingCommands.decimal(rest[0], flag: "--subline") else {
            throw CLIError.usage("--subline \(text): the percentage must be a number such as 50 or 12.5")
        }
        var fields: [String: JSONValue] = ["platformId": .number(Decimal(platform)), "percentage": percentage]
        if rest.count == 2 { fields["note"] = .string(rest[1]) }
        return .object(fields)
    }
}

/// `gotom flight set-commission CAMPAIGN FLIGHT`.
struct FlightSetCommissionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-commission",
        abstract: "Set the agency and intermediator commission of a flight.",
        discussion: """
            The values come from --file FILE, from stdin when it is piped, and from flags; flags win over the \
            file. Per party give the percentage or the amount, not both: goTom refuses both with a constraint \
            violation (exit 4), as it does for invoiced flights.

            Examples:
              gotom flight set-commission P-1 P-1-F1 --bk-percent 15
              gotom flight set-commission P-1 P-1-F1 --vmk-type VMK --vmk-amount 250 --show
              gotom flight set-commission P-1 P-1-F1 --file bk.json --bk-percent 12.5
            """
    )

    @OptionGroup var address: FlightAddress
    @OptionGroup var payload: PayloadOptions

    @Option(help: ArgumentHelp("Agency commission in percent (bkPercent).", valueName: "percent"))
    var bkPercent: String?

    @Option(help: ArgumentHelp("Agency commission as an amount (bkAmount).", valueName: "amount"))
    var bkAmount: String?

    @Option(help: ArgumentHelp("VMK or DBE (vmkType).", valueName: "type"))
    var vmkType: String?

    @Option(help: ArgumentHelp("Intermediator commission in percent (vmkPercent).", valueName: "percent"))
    var vmkPercent: String?

    @Option(help: ArgumentHelp("Intermediator commission as an amount (vmkAmount).", valueName: "amount"))
    var vmkAmount: String?

    @Flag(help: BookingCommands.dryRunHelp)
    var dryRun = false

    @Flag(help: BookingCommands.showHelp)
    var show = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let tree = try BookingCommands.tree(
                options: payload,
                overrides: [
                    ("bkPercent", try BookingCommands.decimal(bkPercent, flag: "--bk-percent")),
                    ("bkAmount", try BookingCommands.decimal(bkAmount, flag: "--bk-amount")),
                    ("vmkType", .text(vmkType)),
                    ("vmkPercent", try BookingCommands.decimal(vmkPercent, flag: "--vmk-percent")),
                    ("vmkAmount", try BookingCommands.decimal(vmkAmount, flag: "--vmk-amount")),
                ])
            try BookingCommands.requireChanges(tree, what: "the commission of \(address.description)")
            let commission = try Payload.decode(FlightCommission.self, from: tree)
            if dryRun {
                try ObjectPrinter(options: output).print(commission)
                return .success
            }
            let (campaign, flight) = (address.campaign, address.flight)
            return try await BookingCommands.change(
                using: clientOptions, show: show, output: output,
                confirmation: "set the commission of \(address.description)",
                { client in try await client.flights.setCommission(flight, in: campaign, to: commission) },
                readBack: { client in try await client.flights.commission(flight, in: campaign) })
        }
    }
}
