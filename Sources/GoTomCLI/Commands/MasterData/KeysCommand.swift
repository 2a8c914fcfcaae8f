import ArgumentParser

/// `gotom keys`: List primary keys of an entity (platforms, channels, tarifs, ...).
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List primary keys of an entity (platforms, channels, tarifs, ...).",
        subcommands: []
    )
}
