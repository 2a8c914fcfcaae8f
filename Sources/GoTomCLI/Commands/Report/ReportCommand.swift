import ArgumentParser

/// `gotom report`: Download reports as CSV.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Download reports as CSV.",
        subcommands: []
    )
}
