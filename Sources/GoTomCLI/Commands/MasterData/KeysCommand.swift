import ArgumentParser
import GoTomAPI
import GoTomModels

/// `gotom keys ENTITY`: the ids and names of a primary-key entity.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List primary keys of an entity (platforms, channels, tarifs, ...).",
        discussion: """
            Prints the ids and names goTom uses for an entity, e.g. the platformId, channelId or tarifId of a \
            flight. ENTITY is one of: \(KeysCommand.entityList).

            goTom pages these lists by 1000 rows; only the first page is printed unless --all or --limit asks for \
            more. A table on a terminal, JSON (one array) otherwise; --output jsonl|csv|table|json chooses.

            Examples:
              gotom keys platform
              gotom keys tarif --output json --pretty
              gotom keys user --all --output csv > users.csv
              gotom keys channel --output jsonl | jq -r .name
            """
    )

    @Argument(help: ArgumentHelp("The entity: \(KeysCommand.entityList).", valueName: "entity"))
    var entity: String

    @OptionGroup var paging: ListPagingOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    static var entityList: String { PrimaryKeyEntity.knownValues.map(\.rawValue).joined(separator: ", ") }

    /// The entity named on the command line, matched without regard to case.
    static func entity(named name: String) -> PrimaryKeyEntity? {
        PrimaryKeyEntity.knownValues.first { $0.rawValue.lowercased() == name.lowercased() }
    }

    func validate() throws {
        guard Self.entity(named: entity) != nil else {
            throw ValidationError("unknown entity '\(entity)'; valid entities: \(Self.entityList)")
        }
    }

    func run() async throws {
        try await Self.reportingFailures {
            guard let entity = Self.entity(named: entity) else {
                throw CLIError.usage("unknown entity '\(self.entity)'; valid entities: \(Self.entityList)")
            }
            var fields = ["id", "name"]
            if entity == .user { fields.append("email") }
            if entity == .flightPositionType { fields.append("isDefault") }
            let header = ["isDefault": "DEFAULT"]
            let listing = PagedListing<PrimaryKeyItem>(
                output: output, paging: paging, verbosity: clientOptions.verbosity,
                tableColumns: fields.map { ListColumn(header[$0] ?? $0.uppercased(), $0) },
                csvColumns: fields.map { ListColumn($0, $0) }, tableRow: nil, noun: "\(entity.rawValue) keys")
            return try await clientOptions.withClient { client in
                try await listing.run(
                    page: { number in
                        let read = try await client.primaryKeys(entity, page: number)
                        return Page(items: read.items ?? [], pagination: read.pagination)
                    },
                    allPages: { client.allPrimaryKeys(entity) })
            }
        }
    }
}
