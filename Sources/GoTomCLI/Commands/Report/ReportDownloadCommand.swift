import ArgumentParser
import Dispatch
import Foundation
import GoTomAPI
import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `gotom report download ID`: a saved graph or custom report as CSV, to a file or stdout.
struct ReportDownloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "download",
        abstract: "Download a saved graph or custom report as CSV.",
        discussion: """
            ID is the saved report's id: from /statistic/graph-report/saved/ID in goTom for a graph report, or \
            from /statistic/customreport?saved_report_id=ID with --custom.

            The CSV is streamed to a temporary file next to the destination (.NAME.RANDOM.part) and renamed to \
            the destination only when complete, so a failed or interrupted (Ctrl-C) download never leaves a \
            partial file under the final name, and the temporary file is removed. Nothing is resumed: an \
            existing destination is refused unless --force, and replaced only once the new download is complete.

            Without -o the file is graph-report-ID.csv (custom-report-ID.csv with --custom) in the current \
            directory; -o DIR puts that name in DIR; -o - streams the CSV to stdout. A progress bar (bytes, \
            rate, ETA) is drawn on stderr when it is a terminal and -q is not given.

            Exit codes: 0 done, 1 destination exists or cannot be written, 4 unknown report (404), 5 server error \
            (e.g. a custom report's id without --custom), 6 network, 130 interrupted.

            Examples:
              gotom report download 46
              gotom report download 47 --custom -o revenue.csv
              gotom report download 46 -o reports/ --force
              gotom report download 46 -o - | wc -l
            """
    )

    @Argument(help: ArgumentHelp("The saved report's id.", valueName: "id"))
    var id: Int

    @Flag(help: "Download a custom report (default: a graph report).")
    var custom = false

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(
        "Destination: a file, a directory, or '-' for stdout (default: graph-report-ID.csv or custom-report-ID.csv).",
        valueName: "file"))
    var destination: String?

    @Flag(help: "Replace an existing destination file (only once the download is complete).")
    var force = false

    @OptionGroup var clientOptions: ClientOptions

    /// The default file name, as goTom names the attachment.
    var defaultName: String { "\(custom ? "custom" : "graph")-report-\(id).csv" }

    func validate() throws {
        if id < 0 { throw ValidationError("the report id must not be negative") }
    }

    func run() async throws {
        try await Self.reportingFailures {
            let toStdout = destination == "-"
            let path = toStdout ? nil : try resolvedPath()
            let id = self.id
            let custom = self.custom
            let quiet = clientOptions.verbosity.quiet
            let bar = ProgressBar(enabled: clientOptions.verbosity.showsProgress, unit: .bytes)
            let progress: @Sendable (DownloadProgress) -> Void = { bar.update(done: $0.bytesReceived, total: $0.totalBytes) }
            return try await clientOptions.withClient { client in
                let download = custom
                    ? client.reports.downloadCustom(id, progress: progress)
                    : client.reports.downloadGraph(id, progress: progress)
                let bytes: Int64
                do {
                    bytes = try await Self.cancellingOnInterrupt {
                        if let path {
                            return try await download.write(toFile: path).byteCount
                        }
                        var count: Int64 = 0
                        for try await chunk in download {
                            StandardStreams.writeOut(chunk.readableBytesView)
                            count += Int64(chunk.readableBytes)
                        }
                        return count
                    }
                } catch {
                    bar.finish()
                    throw error
                }
                bar.update(done: bytes, total: bytes, force: true)
                bar.finish()
                if let path, !quiet {
                    let size = bytes < 1024 ? "\(bytes) bytes" : "\(ProgressBar.bytes(Double(bytes))) (\(bytes) bytes)"
                    StandardStreams.diagnostic("saved \(size) to \(path)")
                }
                return .success
            }
        }
    }

    /// The destination file: `-o FILE`, `-o DIR/` + default name, or the default name; refused if it exists.
    func resolvedPath() throws -> String {
        var path = destination ?? defaultName
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            path = URL(fileURLWithPath: path).appendingPathComponent(defaultName).path
        } else if path.hasSuffix("/") {
            throw CLIError("cannot write to \(path): no such directory")
        }
        if !force, FileManager.default.fileExists(atPath: path) {
            throw CLIError("\(path) already exists; pass --force to replace it once the download is complete")
        }
        return path
    }

    /// Runs `body` in a task that Ctrl-C (SIGINT) cancels, so the download stops cleanly and removes its
    /// temporary file; the SDK then reports ``GoTomError/cancelled`` (exit 130).
    static func cancellingOnInterrupt<T: Sendable>(
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let task = Task { try await body() }
        let previous = signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { task.cancel() }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, previous)
        }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }
}
