import ArgumentParser
import GoTomAPI
import GoTomModels

/// `gotom prices TARIF_ID`: the price rows of a rate card.
struct PricesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prices",
        abstract: "List the prices of a tarif.",
        discussion: """
            Prints the price rows of a rate card (tarif): platform, channel, media, advertising, price type, extra \
            price level and price. Find tarif ids with `gotom keys tarif`. An unknown tarif answers 404 (exit 4).

            Only the first page is printed unless --all or --limit asks for more. The table shows names; CSV and \
            JSON carry ids and names as goTom sends them.

            Examples:
              gotom prices 1
              gotom prices 1 --all --output csv > tarif-1.csv
              gotom prices 2 --output jsonl | jq 'select(.platformId == 1) | .price'
              gotom prices 1 --limit 5 --output json --pretty
            """
    )

    @Argument(help: ArgumentHelp("The tarif (rate card) id, from `gotom keys tarif`.", valueName: "tarif-id"))
    var tarifId: Int

    @OptionGroup var paging: ListPagingOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    static let tableColumns = [
        ListColumn("PLATFORM", "platform"), ListColumn("CHANNEL", "channel"), ListColumn("MEDIA", "media"),
        ListColumn("ADVERTISING", "advertising"), ListColumn("PRICE TYPE", "priceType"),
        ListColumn("EXTRA LEVEL", "extraPriceLevel"), ListColumn("PRICE", "price"),
    ]

    static let csvColumns = [
        "tarifId", "tarif", "platformId", "platform", "channelId", "channel", "mediaId", "media", "advertisingId",
        "advertising", "priceTypeId", "priceType", "extraPriceLevelId", "extraPriceLevel", "price",
    ].map { ListColumn($0, $0) }

    func run() async throws {
        try await Self.reportingFailures {
            let tarifId = self.tarifId
            let listing = PagedListing<TarifPriceItem>(
                output: output, paging: paging, verbosity: clientOptions.verbosity, tableColumns: Self.tableColumns,
                csvColumns: Self.csvColumns, tableRow: nil, noun: "prices of tarif \(tarifId)")
            return try await clientOptions.withClient { client in
                try await listing.run(
                    page: { number in
                        let list = try await client.prices(tarifId: tarifId, page: number)
                        return Page(items: list.items, pagination: list.pagination)
                    },
                    allPages: { client.allPrices(tarifId: tarifId) })
            }
        }
    }
}
