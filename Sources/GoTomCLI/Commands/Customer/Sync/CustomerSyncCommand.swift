import ArgumentParser
import Foundation
import GoTomAPI
import GoTomSync

extension CustomerFileFormat: ExpressibleByArgument {}

/// `gotom customer sync FILE`: bulk upsert with a resumable journal.
struct CustomerSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Upsert every customer of a JSON Lines or CSV file, resumably.",
        discussion: discussion
    )

    static var discussion: String {
        let width = CSVCustomerMapping.columns.map(\.name.count).max() ?? 20
        let mapping = CSVCustomerMapping.columns.map { column in
            let line = "  " + column.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + column.field
            guard !column.note.isEmpty else { return line }
            // Help text is wrapped at 80 columns; a long note goes on its own indented line.
            return line.count + column.note.count + 3 <= 79
                ? line + " (\(column.note))"
                : line + "\n      (\(column.note))"
        }.joined(separator: "\n")
        return """
            Every record goes to POST /app-api/crm-sync-import-external-crm-id/update-customer, up to --concurrency \
            at a time. Records with the same externalCrmId go out one after the other, in file order.

            INPUT
            JSON Lines (.jsonl, .ndjson, .json): one customer object per line, in the shape of the upsert's \
            'customer' member (externalCrmId, firm, status, statusEc, language, mainAddress required). A '_sync' \
            member is ignored, so a failures file can be fed back as it is. CSV (.csv): a header row, then one \
            customer per row (RFC 4180 quoting, UTF-8); columns by name, in any order; empty cells leave the field \
            out; columns starting with '_' are ignored; any other unknown column stops the sync before it starts.
            A row gets an address when any address column is filled, and a contact when any contact column is:

            \(mapping)

            Records are checked before anything is sent; an invalid record (named by line and field) is not sent \
            and is listed in the failures file. --dry-run only checks the file and sends nothing.

            JOURNAL AND RESUMING
            The sync keeps a journal (SQLite) beside the input, FILE.sync.sqlite, or in --state-dir. Each record \
            is marked before its request leaves and answers are recorded as they arrive, in groups of at most \
            --concurrency, so a run that is interrupted at any moment (Ctrl-C, kill -9, a crash) is finished by \
            running the same command again: acknowledged records are not sent again, the others are. Only records \
            whose answer had not been recorded when the run stopped (fewer than twice --concurrency) are sent a \
            second time; the upsert is keyed by externalCrmId and sets absolute values, so that changes nothing. A record edited in the file since the last run is sent \
            again; failed records stay failed unless edited or --retry-failed is given. --restart discards the \
            journal.

            202 ANSWERS
            When goTom queues an upsert (202), its job is polled through the error-log endpoint until it is \
            final, for at most --wait seconds in all; jobs still waiting then count as pending and are followed \
            up by the next run.

            OUTPUT
            A progress bar on stderr (terminal only; not with --quiet), then a summary on stderr: created, \
            updated, failed and pending records over the whole file (earlier runs included). Created and updated \
            are told apart by listing the existing customers once before sending. --json prints the summary as \
            one JSON object on stdout. Failed records go to FILE's name with .failures.jsonl (or --failures): the \
            record as sent plus '_sync' with the line, goTom's reason, message and violations. Fix the records \
            and sync that file.

            EXIT STATUS
              0   every record created or updated
              1   a local failure (unreadable file, journal)
              4   records failed (rejected by goTom, or invalid) and none is
                  pending; or a 401 or a switched-off CRM sync (404) stopped the run
              5   the run stopped because goTom kept failing (5xx)
              6   the run stopped because goTom could not be reached
              64  usage error, an unusable CSV header, or --dry-run found invalid
                  records
              75  records still pending (queued jobs, undelivered requests): run
                  the same command again later

            EXAMPLES
              gotom customer sync customers.jsonl
              gotom customer sync export.csv --concurrency 16 --state-dir ~/.cache/gotom
              gotom customer sync customers.csv --dry-run
              gotom customer sync customers.failures.jsonl    # after fixing the records
              gotom customer sync customers.jsonl --json -q | jq .created
            """
    }

    @Argument(help: ArgumentHelp("The JSON Lines or CSV file.", valueName: "file"))
    var file: String

    @Option(help: "Input format: jsonl or csv (default: by the file's extension, else by its first character).")
    var format: CustomerFileFormat?

    @Option(help: ArgumentHelp("Requests in flight at most (1–64).", valueName: "n"))
    var concurrency: Int = 8

    @Option(help: ArgumentHelp("Keep the journal in this folder instead of beside the input.", valueName: "dir"))
    var stateDir: String?

    @Option(
        help: ArgumentHelp(
            "Write failed records here (default: FILE's name with .failures.jsonl).",
            valueName: "file"))
    var failures: String?

    @Option(
        name: .customLong("wait"),
        help: ArgumentHelp(
            "Seconds to keep polling queued (202) CRM jobs before counting them as pending.", valueName: "seconds"))
    var waitSeconds: Double = 60

    @Flag(help: "Check every record and send nothing.")
    var dryRun = false

    @Flag(help: "Discard the journal and send every record again.")
    var restart = false

    @Flag(help: "Send records that failed in an earlier run again.")
    var retryFailed = false

    @Flag(help: "Print the summary as one JSON object on stdout.")
    var json = false

    @OptionGroup var clientOptions: ClientOptions

    func validate() throws {
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64") }
        guard waitSeconds >= 0 else { throw ValidationError("--wait must not be negative") }
        if dryRun && (restart || retryFailed) {
            throw ValidationError("--dry-run sends nothing; it cannot be combined with --restart or --retry-failed")
        }
    }

    func run() async throws {
        try await Self.reportingFailures { try await sync() }
    }

    private var verbosity: VerbosityOptions { clientOptions.verbosity }

    private func sync() async throws -> ExitStatus {
        do {
            return try await syncJournaled()
        } catch let error as SyncError {
            throw Self.cliError(error)
        }
    }

    /// The CLI's line for a sync failure: an unusable CSV header is a usage error, with a pointer to the mapping.
    static func cliError(_ error: SyncError) -> CLIError {
        switch error {
        case .invalidHeader: return CLIError.usage(error.detail + "; see gotom customer sync --help")
        case .journalVersionMismatch: return CLIError(error.detail + " or pass --restart")
        default: return CLIError(error.description)
        }
    }

    private func syncJournaled() async throws -> ExitStatus {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
            FileManager.default.isReadableFile(atPath: file)
        else { throw CLIError("cannot read \(file): no such file or not readable") }
        let format = self.format ?? CustomerFileFormat.detect(path: file)
        if dryRun { return try check(format: format) }

        let failuresPath = failures ?? SyncJournal.failuresPath(for: file)
        let absoluteInput = URL(fileURLWithPath: file).standardizedFileURL.path
        guard URL(fileURLWithPath: failuresPath).standardizedFileURL.path != absoluteInput else {
            throw CLIError.usage("the failures file must not be the input file")
        }
        let started = ContinuousClock.now
        if let stateDir {
            do {
                try FileManager.default.createDirectory(atPath: stateDir, withIntermediateDirectories: true)
            } catch {
                throw CLIError("cannot create the state directory \(stateDir): \(error.localizedDescription)")
            }
        }
        let journalPath = SyncJournal.path(for: file, stateDirectory: stateDir)
        if restart { SyncJournal.remove(at: journalPath) }
        let journal = try await SyncJournal.open(path: journalPath)
        do {
            let status = try await sync(
                journal: journal, format: format, failuresPath: failuresPath, started: started)
            await journal.close()
            return status
        } catch {
            await journal.close()
            throw error
        }
    }

    private func sync(
        journal: SyncJournal, format: CustomerFileFormat, failuresPath: String, started: ContinuousClock.Instant
    ) async throws -> ExitStatus {
        try await load(into: journal, format: format)
        if retryFailed { try await journal.retryFailed() }

        var result = SyncRunResult()
        if try await journal.counts().pending > 0 {
            let progress = ProgressBar(enabled: verbosity.showsProgress, unit: .items("customers"))
            let options = CustomerSync.Options(
                concurrency: concurrency, followUp: .milliseconds(Int64(waitSeconds * 1000)))
            let verbose = verbosity.verbose
            result = try await clientOptions.withClient { client in
                try await CustomerSync(client: client, journal: journal, options: options) { event in
                    Self.show(event, progress: progress, verbose: verbose)
                }.run()
            }
        }
        if let warning = result.classificationWarning, !verbosity.quiet {
            StandardStreams.diagnostic("warning: \(warning)")
        }

        let counts = try await journal.counts()
        var writtenFailures: String?
        if counts.failed > 0 {
            try await journal.writeFailures(to: failuresPath, input: file)
            writtenFailures = failuresPath
        } else if failures == nil, FileManager.default.fileExists(atPath: failuresPath) {
            // A failures file from an earlier run of this input whose records have all gone through since.
            try? FileManager.default.removeItem(atPath: failuresPath)
        }
        let summary = SyncSummary(
            input: file, journal: journal.path, records: counts.records, created: counts.created,
            updated: counts.updated, failed: counts.failed, pending: counts.pending, sentThisRun: result.sent,
            seconds: (ContinuousClock.now - started).seconds, failuresFile: writtenFailures)
        if !verbosity.quiet { StandardStreams.writeError(summary.text) }
        if json { StandardStreams.writeOut(try JSONOutput.encode(summary, pretty: false) + "\n") }

        switch result.stop {
        case .fatal(let error):
            return ErrorReport.print(error)
        case .unavailable(let error):
            let status = ErrorReport.print(error)
            StandardStreams.diagnostic("stopped: goTom kept failing; run the same command again to resume")
            return status
        case nil:
            if counts.pending > 0 { return .pending }
            return counts.failed > 0 ? .clientError : .success
        }
    }

    /// The progress bar, and with `-v` a line per record in trouble.
    private static func show(_ event: SyncEvent, progress: ProgressBar, verbose: Bool) {
        switch event {
        case .sending(let done, let total, let failures):
            progress.update(done: Int64(done), total: Int64(total), failures: failures, force: done == 0)
        case .sent(let done, let total, let failures):
            progress.update(done: Int64(done), total: Int64(total), failures: failures, force: true)
            progress.finish()
        case .recordFailed(let line, let message):
            if verbose { StandardStreams.diagnostic("line \(line): failed: \(message)") }
        case .recordNotDelivered(let line, let error):
            if verbose { StandardStreams.diagnostic("line \(line): not delivered: \(error.userMessage)") }
        case .jobRequeued(let line, let jobId):
            if verbose { StandardStreams.diagnostic("line \(line): goTom no longer knows job \(jobId); sending again") }
        }
    }

    /// Reads the input into the journal, unless the journal already holds this exact file.
    private func load(into journal: SyncJournal, format: CustomerFileFormat) async throws {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let fingerprint = "\(format.rawValue):\(size):\(modified)"
        if try await journal.meta("fingerprint") == fingerprint, try await journal.meta("loaded") == "1" { return }

        let loaded = try await journal.load(try CustomerFileReader(path: file, format: format))
        try await journal.setMeta("input", URL(fileURLWithPath: file).standardizedFileURL.path)
        try await journal.setMeta("fingerprint", fingerprint)
        let invalid = loaded.invalid
        if invalid > 0 && !verbosity.quiet {
            StandardStreams.diagnostic(
                "\(invalid) invalid record\(invalid == 1 ? "" : "s") will not be sent (listed in the failures file):")
            for problem in loaded.problems.prefix(5) { StandardStreams.writeError("  \(problem)\n") }
            if invalid > 5 { StandardStreams.writeError("  … and \(invalid - 5) more\n") }
        }
    }

    /// `--dry-run`: checks every record and reports the invalid ones.
    private func check(format: CustomerFileFormat) throws -> ExitStatus {
        let reader = try CustomerFileReader(path: file, format: format)
        var summary = SyncLoadSummary()
        while let record = try reader.next() { summary.note(record) }
        let (records, invalid, problems) = (summary.records, summary.invalid, summary.problems)
        if !verbosity.quiet {
            for problem in problems.prefix(50) {
                StandardStreams.writeError(Terminal.red("invalid") + ": \(problem)\n")
            }
            if invalid > 50 { StandardStreams.writeError("… and \(invalid - 50) more invalid records\n") }
            StandardStreams.writeError(
                "\(file): \(records) records, \(records - invalid) valid, \(invalid) invalid; "
                    + "nothing was sent (--dry-run)\n")
        }
        if json {
            struct DryRun: Encodable {
                var input: String
                var records: Int
                var valid: Int
                var invalid: Int
                var problems: [String]
            }
            let report = DryRun(
                input: file, records: records, valid: records - invalid, invalid: invalid,
                problems: problems)
            StandardStreams.writeOut(try JSONOutput.encode(report, pretty: false) + "\n")
        }
        return invalid == 0 ? .success : .usage
    }
}
