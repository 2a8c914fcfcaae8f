import ArgumentParser
import GoTomAPI
import GoTomModels

/// `gotom customer get CRM_ID`: one customer.
struct CustomerGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one customer by its CRM id.",
        discussion: """
            Prints the customer as JSON (indented on a terminal or with --pretty), or with --output table as \
            field/value rows. An unknown CRM id answers 404 (exit 4).

            Examples:
              gotom customer get CRM-1001
              gotom customer get CRM-1001 --output table
              gotom customer get CRM-1001 | jq '.addresses[].place'
            """
    )

    @Argument(help: ArgumentHelp("The customer's CRM id (externalCrmId).", valueName: "external-crm-id"))
    var externalCrmId: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let id = externalCrmId
            return try await clientOptions.show(output) { client in try await client.customers.get(id) }
        }
    }
}
