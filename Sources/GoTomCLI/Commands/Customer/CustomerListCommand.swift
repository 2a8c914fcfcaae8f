import ArgumentParser
import GoTomAPI
import GoTomModels

/// `gotom customer list`: customers page by page.
struct CustomerListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List customers, page by page.",
        discussion: """
            Prints the first page of customers (goTom's page size), every page with --all, at most N customers \
            with --limit N, or one page with --page N. Pages are printed as they arrive.

            Output: a table on a terminal (CRM id, firm, status, type, language, city of the main address); one \
            JSON array otherwise or with --output json (--pretty indents); --output jsonl prints one customer per \
            line; --output csv prints the table's columns with goTom's raw values.

            Examples:
              gotom customer list
              gotom customer list --all --output jsonl > customers.jsonl
              gotom customer list --limit 20 --output csv
              gotom customer list --page 3 --output json --pretty
            """
    )

    @OptionGroup var paging: ListPagingOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    static let tableColumns = [
        ListColumn("EXTERNAL CRM ID", "externalCrmId"), ListColumn("FIRM", "firm"), ListColumn("STATUS", "status"),
        ListColumn("TYPE", "type"), ListColumn("LANGUAGE", "language"), ListColumn("CITY", "city"),
    ]

    static let csvColumns = [
        ListColumn("externalCrmId", "externalCrmId"), ListColumn("externalId", "externalId"),
        ListColumn("firm", "firm"), ListColumn("status", "status"), ListColumn("statusEc", "statusEc"),
        ListColumn("language", "language"), ListColumn("mainAddress", "mainAddress.externalCrmId"),
        ListColumn("softDeleted", "softDeleted"),
    ]

    /// A customer as a table row: words for the status and type, the main address's town.
    static func tableRow(_ customer: CustomerRead) -> [String: String] {
        let main = customer.mainAddress?.externalCrmId
        let city = customer.addresses.first { $0.externalCrmId == main }?.place ?? ""
        return [
            "externalCrmId": customer.externalCrmId ?? "",
            "firm": customer.firm,
            "status": CustomerNames.status(customer.status),
            "type": CustomerNames.type(customer.statusEc),
            "language": customer.language.rawValue,
            "city": city,
        ]
    }

    func run() async throws {
        try await Self.reportingFailures {
            let listing = PagedListing<CustomerRead>(
                output: output, paging: paging, verbosity: clientOptions.verbosity, tableColumns: Self.tableColumns,
                csvColumns: Self.csvColumns, tableRow: Self.tableRow, noun: "customers")
            return try await clientOptions.withClient { client in
                try await listing.run(
                    page: { number in
                        let list = try await client.customers.list(page: number)
                        return Page(items: list.items, pagination: list.pagination)
                    },
                    allPages: { client.customers.all() })
            }
        }
    }
}
