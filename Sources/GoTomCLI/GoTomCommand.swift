import ArgumentParser
import Foundation
import NIOCore

/// The `gotom` command: signed requests to goTom's App API from the shell.
public struct GoTomCommand: AsyncParsableCommand {
    /// The command tree.
    public static let configuration = CommandConfiguration(
        commandName: "gotom",
        abstract: "Work with goTom's App API: resources, customer sync, reports, signed requests and a local sandbox.",
        discussion: """
            Credentials come from, first match wins: USER SECRET after `gotom request`'s URL; the environment \
            (GOTOM_USER, GOTOM_SECRET, GOTOM_BASE_URL, GOTOM_PROVIDER); a profile in the config file \
            (`gotom config`).

            Exit codes: 0 ok (HTTP 1xx-3xx), 4 HTTP 4xx, 5 HTTP 5xx, 6 network/TLS/timeout, 64 usage, \
            75 queued CRM work still pending, 130 interrupted, 141 stdout closed early, 1 other.

            Errors: one line on stderr naming what failed, e.g. "gotom: campaign 12345 not found (HTTP 404)"; \
            -v adds the operation, request id and attempts. With --output json or jsonl, or GOTOM_ERRORS=json, a \
            failure also prints one JSON object on stderr: kind, status, operation, message, violations, \
            requestId, attempts, summary, exitCode.

            Results: --fields a,b.c prints only those fields of each result (any get or list, every --output).

            When nothing works: gotom doctor checks the settings, DNS, proxy, TCP, TLS, the credentials per API \
            and the clock, and says what to fix.
            """,
        version: BuildInfo.versionText,
        subcommands: [
            CampaignCommand.self, FlightCommand.self, DiscountCommand.self, CustomerCommand.self, KeysCommand.self,
            PricesCommand.self, ReportCommand.self, RequestCommand.self, SignCommand.self, ConfigCommand.self,
            SandboxCommand.self, DemoCommand.self, DoctorCommand.self, MCPCommand.self,
        ]
    )

    /// Creates the command; ArgumentParser fills it in.
    public init() {}
}

/// The entry point of the `gotom` executable.
public enum GoTomMain {
    /// Parses the process arguments, runs the command and exits with its status.
    public static func run() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == RequestCommand.configuration.commandName,
            let invocation = RequestInvocation(scanning: Array(arguments.dropFirst()))
        {
            // `gotom request` is what scripts run once per API call, so its plain forms skip ArgumentParser and the
            // command tree (see RequestInvocation(scanning:)). Anything the scanner does not read (help, usage
            // errors, unusual forms) goes to the full parser below, which prints the usual messages.
            // One request needs one event loop; the default starts one thread per core.
            NIOSingletons.groupLoopCountSuggestion = 1
            do {
                try await invocation.run()
            } catch let code as ExitCode {
                exit(code.rawValue)
            } catch {
                GoTomCommand.exit(withError: error)
            }
            return
        }
        await GoTomCommand.main()
    }
}
