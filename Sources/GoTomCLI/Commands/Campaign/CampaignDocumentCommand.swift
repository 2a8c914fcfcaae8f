import ArgumentParser
import Foundation
import GoTomAPI
import GoTomModels

/// `gotom campaign document CAMPAIGN PATH`: attach a file.
struct CampaignDocumentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Attach a document (e.g. the signed order) to a campaign.",
        discussion: """
            Reads the file, sends it base64-encoded with its name, and prints nothing on stdout. PATH '-' reads \
            the document from stdin; --name is then required. goTom keeps no document id, so sending the same \
            file twice stores it twice. A campaign that does not exist answers 404 (exit 4).

            Examples:
              gotom campaign document P-1 order-confirmation.pdf
              gotom campaign document P-1 scan.pdf --name "Auftragsbestätigung.pdf"
              curl -s https://intranet/orders/42.pdf \\
                | gotom campaign document P-1 - --name order-42.pdf
            """
    )

    /// The largest document read.
    static let sizeLimit = 64 * 1024 * 1024

    @Argument(help: ArgumentHelp("The campaign's externalId.", valueName: "campaign"))
    var campaign: String

    @Argument(help: ArgumentHelp("The file to attach; '-' reads stdin.", valueName: "path"))
    var path: String

    @Option(help: ArgumentHelp("The document name shown in goTom (default: the file name).", valueName: "name"))
    var name: String?

    @OptionGroup var clientOptions: ClientOptions

    func validate() throws {
        if path == "-" && name == nil { throw ValidationError("give --name when the document comes from stdin") }
        if let name, name.isEmpty { throw ValidationError("--name must not be empty") }
    }

    func run() async throws {
        try await Self.reportingFailures {
            let content = try readContent()
            let documentName = name ?? URL(fileURLWithPath: path).lastPathComponent
            let document = Document(name: documentName, content: content)
            let id = campaign
            try await clientOptions.withClient { client in try await client.campaigns.addDocument(document, to: id) }
            BookingCommands.confirm(
                "added document \(documentName) (\(content.count) bytes) to campaign \(id)",
                verbosity: clientOptions.verbosity)
            return .success
        }
    }

    private func readContent() throws -> Data {
        Data(try InputFile.read(path, limit: Self.sizeLimit))
    }
}
