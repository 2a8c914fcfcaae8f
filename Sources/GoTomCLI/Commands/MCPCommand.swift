import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `gotom mcp`: goTom's App API as Model Context Protocol tools over stdio, read-only unless allowed.
package struct MCPCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve goTom's App API as tools for MCP clients (agents, IDEs) over stdio; read-only by default.",
        discussion: """
            Speaks the Model Context Protocol on stdin/stdout; logs go to stderr. Credentials and base URL come \
            from the same flags, GOTOM_* variables and profiles as every other command.

            Safety: only reading tools are listed unless --allow-writes is given (or the profile sets \
            mcp_allow_writes = true); deleting and archiving also need --allow-deletes (mcp_allow_deletes). Every \
            write tool takes dryRun, which returns the exact request without sending it. Every write that is sent \
            is appended to the audit file (JSON Lines), and at most --max-writes-per-minute are sent.

            Examples:
              gotom mcp --sandbox
              gotom mcp --profile prod
              gotom mcp --profile staging --allow-writes --audit-file ~/gotom-mcp-audit.jsonl
              gotom mcp --sandbox --http --port 8765
            """
    )

    @OptionGroup package var client: ClientOptions

    @Flag(help: "List and allow the tools that create or change data (profile key mcp_allow_writes).")
    package var allowWrites = false

    @Flag(help: "Also allow deleting and archiving; needs --allow-writes (profile key mcp_allow_deletes).")
    package var allowDeletes = false

    @Option(
        help: ArgumentHelp(
            "JSON Lines file every sent write is appended to (default: mcp-audit.jsonl next to "
                + "the config file).", valueName: "file"))
    package var auditFile: String?

    @Option(help: ArgumentHelp("Most writes sent in any minute.", valueName: "n"))
    package var maxWritesPerMinute: Int = 30

    @Option(
        help: ArgumentHelp(
            "Where downloaded reports are saved (default: a gotom-mcp-reports folder in the "
                + "temporary directory).", valueName: "dir"))
    package var reportDir: String?

    @Option(help: ArgumentHelp("Bytes of a downloaded report returned as preview, at most 65536.", valueName: "bytes"))
    package var previewBytes: Int = 4096

    @Flag(help: "Start an in-memory sandbox in this process and serve against it (no goTom credentials needed).")
    package var sandbox = false

    @Flag(help: "Serve the streamable HTTP transport on 127.0.0.1 instead of stdio.")
    package var http = false

    @Option(help: ArgumentHelp("Port for --http; 0 picks a free one.", valueName: "port"))
    package var port: Int = 8765

    package init() {}

    package func validate() throws {
        if maxWritesPerMinute < 1 { throw ValidationError("--max-writes-per-minute must be at least 1") }
        if !(0...65536).contains(previewBytes) { throw ValidationError("--preview-bytes must be 0 to 65536") }
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
    }

    /// Replaces this process with `gotom-mcp`, which serves the tools.
    ///
    /// The MCP server lives in an executable of its own: the MCP library links Foundation's networking (and through
    /// it libcurl and its dependencies), which would otherwise be loaded by every `gotom` process, including each
    /// `gotom request` a script runs per API call. The options are parsed and checked here, so `gotom mcp --help`
    /// and usage errors need no second executable; `gotom-mcp` parses the same arguments again.
    package func run() async throws {
        try await Self.reportingFailures {
            let server = try Self.serverExecutable()
            let forwarded = Array(CommandLine.arguments.dropFirst().drop { $0 != Self.configuration.commandName })
            let argv = [server] + forwarded.dropFirst()
            var cArguments = argv.map { strdup($0) }
            cArguments.append(nil)
            execv(server, cArguments)
            let reason = String(cString: strerror(errno))
            throw CLIError("cannot start \(server): \(reason)")
        }
    }

    /// The name of the executable that serves MCP.
    package static let serverName = "gotom-mcp"

    /// `gotom-mcp` beside this executable (as built and as installed), else the first one on `PATH`.
    static func serverExecutable() throws -> String {
        var candidates: [String] = []
        if let own = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            candidates.append(own.deletingLastPathComponent().appendingPathComponent(serverName).path)
        }
        let path = ProcessEnvironment.current()["PATH"] ?? ""
        candidates += path.split(separator: ":").map { "\($0)/\(serverName)" }
        guard let found = candidates.first(where: { access($0, X_OK) == 0 }) else {
            throw CLIError(
                "gotom mcp needs the \(serverName) executable next to gotom or on PATH (it ships with gotom; "
                    + "from source: swift build --product \(serverName))")
        }
        return found
    }
}
