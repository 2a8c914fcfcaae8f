import ArgumentParser

/// How results are printed.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    /// One JSON document: an object, or one array for a list.
    case json
    /// One JSON object per line.
    case jsonl
    /// Aligned columns for people.
    case table
    /// Comma-separated values with a header row (RFC 4180 quoting).
    case csv
}

/// `--output FORMAT` and `--pretty`.
struct OutputOptions: ParsableArguments {
    @Option(
        name: .customLong("output"),
        help: ArgumentHelp(
            "Output format: json, jsonl, table or csv (default: table for lists on a terminal, JSON otherwise).",
            valueName: "format"))
    var format: OutputFormat?

    @Flag(help: "Indent JSON output.")
    var pretty = false

    @Option(
        help: ArgumentHelp(
            "Print only these fields: dotted paths into the JSON, separated by commas (e.g. externalId,mainAddress.city); "
                + "in a table or CSV, values across an array are joined with ';'.",
            valueName: "a,b.c"))
    var fields: String?

    func validate() throws {
        do {
            _ = try FieldSelection.parse(fields)
        } catch let error as CLIError {
            throw ValidationError(error.message)
        }
        // A script that reads JSON gets its failures as JSON on stderr, too (see ErrorReport).
        ErrorStyle.current.jsonOutput = format == .json || format == .jsonl
    }

    /// The selected fields of `--fields`, nil without it (validated when parsing).
    var fieldSelection: FieldSelection? { try? FieldSelection.parse(fields) }

    /// The format for a single object: JSON (indented on a terminal), or a two-column table.
    var objectFormat: OutputFormat {
        switch format {
        case .some(.table): .table
        case .some(.jsonl): .jsonl
        default: .json
        }
    }

    /// The format for a list.
    var listFormat: OutputFormat {
        format ?? (StandardStreams.stdoutIsTerminal ? .table : .json)
    }

    /// Whether JSON is indented: with `--pretty`, or for a single object on a terminal.
    var indentsObjects: Bool { pretty || (format == nil && StandardStreams.stdoutIsTerminal) }
}
