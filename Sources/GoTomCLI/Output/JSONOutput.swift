import Foundation
import GoTomModels

/// JSON encoding for output: stable key order, no escaped slashes.
enum JSONOutput {
    static func encode(_ value: some Encodable, pretty: Bool) throws -> String {
        do {
            return String(decoding: try (pretty ? prettyEncoder : compactEncoder).encode(value), as: UTF8.self)
        } catch {
            throw CLIError("cannot encode the result as JSON: \(error)")
        }
    }

    // One of each for the whole process: lists encode every item, page after page.
    private static let compactEncoder = encoder([.sortedKeys, .withoutEscapingSlashes])
    private static let prettyEncoder = encoder([.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
    private static let treeEncoder = JSONEncoder()
    private static let treeDecoder = JSONDecoder()

    private static func encoder(_ formatting: JSONEncoder.OutputFormatting) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return encoder
    }

    /// The value as a ``JSONValue`` tree, for tables and CSV.
    static func tree(_ value: some Encodable) throws -> JSONValue {
        do {
            return try treeDecoder.decode(JSONValue.self, from: try treeEncoder.encode(value))
        } catch {
            throw CLIError("cannot convert the result for output: \(error)")
        }
    }

    /// The value at a dotted path such as `mainAddress.city`, rendered as a cell.
    static func cell(_ tree: JSONValue, path: String) -> String {
        var current = tree
        for key in path.split(separator: ".") {
            guard case .object(let fields) = current, let next = fields[String(key)] else { return "" }
            current = next
        }
        return scalarText(current)
    }

    /// A scalar as plain text; arrays and objects as compact JSON.
    static func scalarText(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return "\(number)"
        case .string(let text): return text
        case .array, .object:
            return (try? encode(value, pretty: false)) ?? ""
        }
    }
}

/// Prints one result object in the chosen format.
struct ObjectPrinter {
    var options: OutputOptions

    func print(_ value: some Encodable) throws {
        if let selection = options.fieldSelection {
            try print(value, selecting: selection)
            return
        }
        switch options.objectFormat {
        case .table:
            let tree = try JSONOutput.tree(value)
            guard case .object(let fields) = tree else {
                StandardStreams.writeOut(JSONOutput.scalarText(tree) + "\n")
                return
            }
            var table = TextTable(headers: ["FIELD", "VALUE"])
            for key in fields.keys.sorted() {
                table.append([key, JSONOutput.scalarText(fields[key]!)])
            }
            StandardStreams.writeOut(table.render())
        case .jsonl:
            StandardStreams.writeOut(try JSONOutput.encode(value, pretty: false) + "\n")
        case .json, .csv:
            StandardStreams.writeOut(try JSONOutput.encode(value, pretty: options.indentsObjects) + "\n")
        }
    }
}

extension ObjectPrinter {
    /// Prints the fields of `--fields`: a pruned object as JSON, field/value rows, or a CSV header and one row.
    private func print(_ value: some Encodable, selecting selection: FieldSelection) throws {
        let tree = try JSONOutput.tree(value)
        try selection.validate([tree], declared: FieldSelection.declaredNames(of: value))
        switch options.format {
        case .some(.table):
            var table = TextTable(headers: ["FIELD", "VALUE"])
            for path in selection.paths { table.append([path, FieldSelection.cell(tree, path: path)]) }
            StandardStreams.writeOut(table.render())
        case .some(.csv):
            StandardStreams.writeOut(
                CSVFormat.row(selection.paths)
                    + CSVFormat.row(selection.paths.map { FieldSelection.cell(tree, path: $0) }))
        case .some(.jsonl):
            StandardStreams.writeOut(try JSONOutput.encode(selection.project(tree), pretty: false) + "\n")
        case .some(.json), .none:
            StandardStreams.writeOut(
                try JSONOutput.encode(selection.project(tree), pretty: options.indentsObjects) + "\n")
        }
    }
}

/// A column of a list: its header and the dotted JSON path of its value.
struct ListColumn: Sendable {
    var header: String
    var path: String

    init(_ header: String, _ path: String) {
        self.header = header
        self.path = path
    }
}

/// Prints a list as it arrives, page by page.
///
/// JSON is one array written incrementally (`[`, items, `]`), JSON Lines one object per line, CSV a header row
/// then one row per item; all three stream. A table needs every row to align its columns, so it is printed
/// when the list is complete.
final class ListPrinter {
    private let format: OutputFormat
    private let pretty: Bool
    private let columns: [ListColumn]
    private let selection: FieldSelection?
    private var count = 0
    private var table: TextTable

    /// A printer for `options`; with `--fields`, the fields replace `columns`.
    init(options: OutputOptions, columns: [ListColumn]) {
        self.format = options.listFormat
        self.pretty = options.pretty
        self.selection = options.fieldSelection
        self.columns = selection?.columns ?? columns
        self.table = TextTable(headers: self.columns.map(\.header))
    }

    /// The number of items printed so far.
    var printedCount: Int { count }

    /// Prints a list that arrived in one piece (no pages).
    static func print(_ items: [some Encodable], options: OutputOptions, columns: [ListColumn]) throws {
        let printer = ListPrinter(options: options, columns: columns)
        try printer.add(items)
        printer.finish()
    }

    /// Prints the items of one page.
    func add(_ items: [some Encodable]) throws {
        if let selection {
            try add(selecting: selection, items)
            return
        }
        var text = ""
        for item in items {
            switch format {
            case .json:
                let json = try JSONOutput.encode(item, pretty: pretty)
                text += (count == 0 ? "[\n" : ",\n") + (pretty ? Self.indent(json) : json)
            case .jsonl:
                text += try JSONOutput.encode(item, pretty: false) + "\n"
            case .csv:
                if count == 0 { text += CSVFormat.row(columns.map(\.header)) }
                let tree = try JSONOutput.tree(item)
                text += CSVFormat.row(columns.map { JSONOutput.cell(tree, path: $0.path) })
            case .table:
                let tree = try JSONOutput.tree(item)
                table.append(columns.map { JSONOutput.cell(tree, path: $0.path) })
            }
            count += 1
        }
        if !text.isEmpty { StandardStreams.writeOut(text) }
    }

    /// ``add(_:)`` with `--fields`: checks the fields against the first page, then prints only them.
    private func add(selecting selection: FieldSelection, _ items: [some Encodable]) throws {
        let trees = try items.map { try JSONOutput.tree($0) }
        if count == 0, let first = items.first {
            try selection.validate(trees, declared: FieldSelection.declaredNames(of: first))
        }
        var text = ""
        for tree in trees {
            switch format {
            case .json:
                let json = try JSONOutput.encode(selection.project(tree), pretty: pretty)
                text += (count == 0 ? "[\n" : ",\n") + (pretty ? Self.indent(json) : json)
            case .jsonl:
                text += try JSONOutput.encode(selection.project(tree), pretty: false) + "\n"
            case .csv:
                if count == 0 { text += CSVFormat.row(columns.map(\.header)) }
                text += CSVFormat.row(columns.map { FieldSelection.cell(tree, path: $0.path) })
            case .table:
                table.append(columns.map { FieldSelection.cell(tree, path: $0.path) })
            }
            count += 1
        }
        if !text.isEmpty { StandardStreams.writeOut(text) }
    }

    /// Ends the list: closes the JSON array, prints the table.
    func finish() {
        switch format {
        case .json:
            StandardStreams.writeOut(count == 0 ? "[]\n" : "\n]\n")
        case .csv:
            if count == 0 { StandardStreams.writeOut(CSVFormat.row(columns.map(\.header))) }
        case .table:
            StandardStreams.writeOut(count == 0 ? "(no items)\n" : table.render())
        case .jsonl:
            break
        }
    }

    private static func indent(_ json: String) -> String {
        json.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}

/// RFC 4180 CSV rows.
package enum CSVFormat {
    package static func row(_ cells: [String]) -> String {
        cells.map(quote).joined(separator: ",") + "\r\n"
    }

    package static func quote(_ cell: String) -> String {
        // Bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n", and so is a quote
        // followed by a combining mark.
        // A cell that starts with a byte-order mark is quoted too, or a reader takes the mark for the file's.
        guard
            cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
                || cell.utf8.starts(with: [0xEF, 0xBB, 0xBF])
        else { return cell }
        var quoted: [UInt8] = [0x22]
        for byte in cell.utf8 {
            quoted.append(byte)
            if byte == 0x22 { quoted.append(0x22) }
        }
        quoted.append(0x22)
        return String(decoding: quoted, as: UTF8.self)
    }
}

/// Left-aligned columns separated by two spaces; line breaks show as spaces and, unless `maxCellWidth` is nil,
/// long cells are cut.
struct TextTable {
    private let headers: [String]
    private let maxCellWidth: Int?
    private var rows: [[String]] = []

    init(headers: [String], maxCellWidth: Int? = 60) {
        self.headers = headers
        self.maxCellWidth = maxCellWidth
    }

    mutating func append(_ row: [String]) {
        rows.append(row.map { Self.clean($0, maxWidth: maxCellWidth) })
    }

    func render() -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let isLast = index == cells.count - 1
                parts.append(isLast ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0))
            }
            return parts.joined(separator: "  ") + "\n"
        }
        return line(headers) + rows.map(line).joined()
    }

    private static func clean(_ cell: String, maxWidth: Int?) -> String {
        let flat = cell.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        guard let maxWidth, flat.count > maxWidth else { return flat }
        return String(flat.prefix(maxWidth - 1)) + "…"
    }
}
