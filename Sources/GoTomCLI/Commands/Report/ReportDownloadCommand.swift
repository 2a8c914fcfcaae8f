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
            directory; -o DIR puts that name in DIR; -o - streams the CSV to stdout, as does an existing device \
            or FIFO (e.g. -o /dev/null), which is written in place. A progress bar (bytes, \
            rate, ETA) is drawn on stderr when it is a terminal and -q is not given.

            Exit codes: 0 done, 1 destination exists or cannot be written, 4 unknown report (404), 5 server error \
            (e.g. a custom report's id without --custom), 6 network, 130 interrupted, 141 the reader of stdout \
            went away (-o - | head).

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

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp(
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

    /// Where the CSV goes.
    enum Destination: Equatable {
        /// A regular file, written atomically (temporary file, then rename).
        case file(String)
        /// Something that is not a regular file and exists already (`/dev/null`, a FIFO): written in place.
        case stream(String)
        /// Standard output (`-o -`).
        case stdout
    }

    func run() async throws {
        try await Self.reportingFailures {
            let target = try resolvedDestination()
            let id = self.id
            let custom = self.custom
            let quiet = clientOptions.verbosity.quiet
            let bar = ProgressBar(enabled: clientOptions.verbosity.showsProgress, unit: .bytes)
            let progress: @Sendable (DownloadProgress) -> Void = {
                bar.update(done: $0.bytesReceived, total: $0.totalBytes)
            }
            return try await clientOptions.withClient { client in
                let download =
                    custom
                    ? client.reports.downloadCustom(id, progress: progress)
                    : client.reports.downloadGraph(id, progress: progress)
                let bytes: Int64
                do {
                    bytes = try await Self.cancellingOnInterrupt {
                        switch target {
                        case .file(let path):
                            try await download.write(toFile: path, replacingExisting: force).byteCount
                        case .stream(let path): try await Self.stream(download, toPath: path)
                        case .stdout: try await Self.stream(download, to: STDOUT_FILENO)
                        }
                    }
                } catch {
                    bar.finish()
                    Self.exitAtOnceIfStopped(by: error)
                    throw error
                }
                bar.update(done: bytes, total: bytes, force: true)
                bar.finish()
                if !quiet, case .file(let path) = target {
                    let size = bytes < 1024 ? "\(bytes) bytes" : "\(ProgressBar.bytes(Double(bytes))) (\(bytes) bytes)"
                    StandardStreams.diagnostic("saved \(size) to \(path)")
                }
                return .success
            }
        }
    }

    /// The destination: stdout for `-o -`; `-o DIR` gets the default name; a regular file that exists is refused
    /// without `--force`; an existing device or FIFO (`/dev/null`) is written in place, never replaced.
    func resolvedDestination() throws -> Destination {
        if destination == "-" { return .stdout }
        var path = destination ?? defaultName
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            path = URL(fileURLWithPath: path).appendingPathComponent(defaultName).path
        } else if path.hasSuffix("/") {
            throw CLIError("cannot write to \(path): no such directory")
        }
        // Through a symbolic link: check and replace the file it points to, not the link.
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved) else { return .file(path) }
        if attributes[.type] as? FileAttributeType != .typeRegular {
            return .stream(resolved)
        }
        guard force else {
            throw CLIError("\(path) already exists; pass --force to replace it once the download is complete")
        }
        return .file(resolved)
    }

    /// Writes the download to an open descriptor.
    static func stream(_ download: ReportDownload, to descriptor: Int32) async throws -> Int64 {
        var count: Int64 = 0
        for try await chunk in download {
            try chunk.withUnsafeReadableBytes { try StandardStreams.write($0, to: descriptor) }
            count += Int64(chunk.readableBytes)
        }
        return count
    }

    /// Writes the download into an existing device or FIFO.
    static func stream(_ download: ReportDownload, toPath path: String) async throws -> Int64 {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CLIError("cannot open \(path) for writing: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        return try await stream(download, to: descriptor)
    }

    /// After Ctrl-C the temporary file is already removed: exit now instead of waiting for the TLS connection's
    /// orderly close while the server is still sending. (A reader of stdout that has gone ends the process in
    /// ``StandardStreams/write(_:to:)``.)
    static func exitAtOnceIfStopped(by error: any Error) {
        if let error = error as? GoTomError, error == .cancelled {
            Foundation.exit(ErrorReport.print(error).rawValue)
        }
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
