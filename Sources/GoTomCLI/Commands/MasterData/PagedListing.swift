import ArgumentParser
import Foundation
import GoTomAPI
import GoTomModels

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--all`, `--limit N` and `--page N`: which part of a paginated goTom list to print.
struct ListPagingOptions: ParsableArguments {
    @Flag(help: "Follow the pagination and print every page (default: the first page only).")
    var all = false

    @Option(help: ArgumentHelp("Print at most N items, fetching further pages only as needed.", valueName: "n"))
    var limit: Int?

    @Option(help: ArgumentHelp("Print only page N (goTom's page size; the first page is 1).", valueName: "n"))
    var page: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let page, page < 1 { throw ValidationError("--page must be at least 1") }
        if all && page != nil { throw ValidationError("--all and --page exclude each other (--all starts at page 1)") }
    }
}

/// Prints a paginated list as it arrives, one page at a time, in the format of `--output`.
///
/// Without flags only the first page is fetched; `--all` follows each page's `nextPageUrl`; `--limit N` stops
/// after N items (following pages as needed); `--page N` fetches that page only. Tables may show a friendlier
/// view of an item (`tableRow`) than JSON and CSV, which carry the values as goTom sends them.
struct PagedListing<Item: Encodable & Sendable> {
    var output: OutputOptions
    var paging: ListPagingOptions
    var verbosity: VerbosityOptions
    /// Columns of `--output table`; paths into `tableRow`'s dictionary when it is set, else into the item's JSON.
    var tableColumns: [ListColumn]
    /// Columns of `--output csv`: paths into the item's JSON.
    var csvColumns: [ListColumn]
    /// The table view of an item, keyed by the table columns' paths.
    var tableRow: ((Item) -> [String: String])?
    /// The plural noun for the summary line, e.g. `customers`.
    var noun: String

    /// Fetches and prints.
    ///
    /// - Parameters:
    ///   - page: Fetches one page by its number.
    ///   - allPages: The pages from the first, following `nextPageUrl`.
    /// - Returns: The exit status.
    func run(
        page fetchPage: (Int) async throws -> Page<Item>, allPages: () -> PageSequence<Item>
    ) async throws -> ExitStatus {
        let format = output.listFormat
        let printer = ListPrinter(options: output, columns: format == .csv ? csvColumns : tableColumns)
        var remaining = paging.limit ?? Int.max
        var last: Page<Item>?

        func emit(_ page: Page<Item>) throws {
            last = page
            let items = Array(page.items.prefix(remaining))
            remaining -= items.count
            // With --fields, tables show the fields of the item as goTom sends it, not the friendlier view.
            if format == .table, output.fields == nil, let tableRow {
                try printer.add(items.map(tableRow))
            } else {
                try printer.add(items)
            }
        }

        if let number = paging.page {
            try emit(try await fetchPage(number))
        } else if paging.all || paging.limit != nil {
            for try await page in allPages() {
                try emit(page)
                if remaining == 0 { break }
                // Output goes nowhere once the reader is gone (`| head`): stop fetching pages.
                if StandardStreams.stdoutReaderGone { throw ExitCode(ExitStatus.outputClosed.rawValue) }
            }
        } else {
            try emit(try await fetchPage(1))
        }
        printer.finish()
        summarize(printed: printer.printedCount, last: last)
        return .success
    }

    /// On a terminal (and without `-q`), says when more items exist than were printed.
    private func summarize(printed: Int, last: Page<Item>?) {
        guard verbosity.showsProgress, let last, let total = last.totalItems, total > printed else { return }
        var line = "\(printed) of \(total) \(noun)"
        if let lastPage = last.lastPage { line += ", page \(last.number) of \(lastPage)" }
        if !paging.all && paging.limit == nil { line += "; --all prints every page" }
        StandardStreams.diagnostic(Terminal.dim(line))
    }
}
