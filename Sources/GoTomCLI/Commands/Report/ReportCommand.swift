import ArgumentParser

/// `gotom report`: Download reports as CSV.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Download reports as CSV.",
        discussion: """
            Examples:
              gotom report download 46
              gotom report download 47 --custom -o revenue.csv
              gotom report download 46 -o - | head
            """,
        subcommands: [ReportDownloadCommand.self]
    )
}
