import ArgumentParser
import Foundation
import GoTomAPI
import GoTomSandbox
import Logging
import MCP

/// `gotom mcp`: goTom's App API as Model Context Protocol tools over stdio, read-only unless allowed.
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
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

    @OptionGroup var client: ClientOptions

    @Flag(help: "List and allow the tools that create or change data (profile key mcp_allow_writes).")
    var allowWrites = false

    @Flag(help: "Also allow deleting and archiving; needs --allow-writes (profile key mcp_allow_deletes).")
    var allowDeletes = false

    @Option(
        help: ArgumentHelp(
            "JSON Lines file every sent write is appended to (default: mcp-audit.jsonl next to "
                + "the config file).", valueName: "file"))
    var auditFile: String?

    @Option(help: ArgumentHelp("Most writes sent in any minute.", valueName: "n"))
    var maxWritesPerMinute: Int = 30

    @Option(
        help: ArgumentHelp(
            "Where downloaded reports are saved (default: a gotom-mcp-reports folder in the "
                + "temporary directory).", valueName: "dir"))
    var reportDir: String?

    @Option(help: ArgumentHelp("Bytes of a downloaded report returned as preview, at most 65536.", valueName: "bytes"))
    var previewBytes: Int = 4096

    @Flag(help: "Start an in-memory sandbox in this process and serve against it (no goTom credentials needed).")
    var sandbox = false

    @Flag(help: "Serve the streamable HTTP transport on 127.0.0.1 instead of stdio.")
    var http = false

    @Option(help: ArgumentHelp("Port for --http; 0 picks a free one.", valueName: "port"))
    var port: Int = 8765

    func validate() throws {
        if maxWritesPerMinute < 1 { throw ValidationError("--max-writes-per-minute must be at least 1") }
        if !(0...65536).contains(previewBytes) { throw ValidationError("--preview-bytes must be 0 to 65536") }
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
    }

    func run() async throws {
        try await Self.reportingFailures {
            let environment = ProcessEnvironment.current()
            let profile = ResolvedConfig.profileName(flag: client.connection.profile, environment: environment)
            let configPath = ConfigFile.defaultPath(environment: environment)
            let file = try ConfigFile.load(path: configPath)
            func enabled(_ key: String) -> Bool {
                ["1", "true", "yes", "on"].contains(file.value(key, profile: profile)?.lowercased() ?? "")
            }
            let writes = allowWrites || enabled("mcp_allow_writes")
            let deletes = allowDeletes || enabled("mcp_allow_deletes")
            if deletes && !writes {
                StandardStreams.diagnostic("mcp: deletes stay off: allowing them needs --allow-writes as well")
            }
            let logHandler = MCPLogHandler(verbose: client.verbosity.verbose)
            var server: SandboxServer?
            let goTom: GoTomClient
            if sandbox {
                let started: SandboxServer
                do {
                    started = try await SandboxServer.start(
                        configuration: SandboxConfiguration(port: 0, storage: .inMemory))
                } catch {
                    throw CLIError("cannot start the sandbox: \(error)")
                }
                server = started
                goTom = try GoTomClient(
                    configuration: .init(
                        baseURL: started.baseURL, credentials: started.credentials,
                        logger: Logger(label: "gotom") { _ in logHandler }))
                StandardStreams.diagnostic("mcp: serving an in-memory sandbox at \(started.baseURL)")
            } else {
                goTom = try client.makeClient(logHandler: logHandler)
            }
            let audit =
                auditFile
                ?? ((configPath as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("mcp-audit.jsonl")
            let reports = reportDir ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("gotom-mcp-reports")
            let runner = MCPToolRunner(
                client: goTom, permissions: .init(writes: writes, deletes: writes && deletes),
                environment: ToolEnvironment(reportDirectory: reports, previewBytes: previewBytes),
                audit: WriteAudit(path: audit), limiter: WriteLimiter(perMinute: maxWritesPerMinute))
            StandardStreams.diagnostic(
                "mcp: \(runner.listed.count) tools (\(writes ? "writes allowed" : "read-only")"
                    + "\(writes && deletes ? ", deletes allowed" : "")); audit file \(audit)")
            let resources = MCPResources(client: goTom)
            if http {
                do {
                    try await MCPHTTPServer.run(port: port) {
                        await Self.makeServer(runner: runner, resources: resources)
                    }
                } catch {
                    try? await goTom.shutdown()
                    try? await server?.stop()
                    throw CLIError("the HTTP server stopped: \(error)")
                }
            } else {
                await Self.serve(runner: runner, resources: resources)
            }
            try? await goTom.shutdown()
            try? await server?.stop()
            return .success
        }
    }

    /// An MCP server with the tools, resources and prompts registered, not yet started.
    static func makeServer(runner: MCPToolRunner, resources: MCPResources) async -> Server {
        let server = Server(
            name: "gotom", version: GoTomCommand.configuration.version,
            instructions: """
                Tools for goTom's App API (campaigns, flights, discounts, customers, master data, reports). \
                Ids you pass are your own externalIds; look up master-data ids with primary_keys_list. Write tools \
                accept dryRun: use it to show a person the exact request before sending it.
                """,
            capabilities: .init(
                prompts: .init(listChanged: false), resources: .init(subscribe: false, listChanged: false),
                tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: runner.listed) }
        await server.withMethodHandler(CallTool.self) { params in await runner.call(params.name, params.arguments) }
        await server.withMethodHandler(ListResources.self) { _ in .init(resources: resources.listed, nextCursor: nil) }
        await server.withMethodHandler(ReadResource.self) { params in try await resources.read(params.uri) }
        await server.withMethodHandler(ListPrompts.self) { _ in .init(prompts: MCPResources.prompts, nextCursor: nil) }
        await server.withMethodHandler(GetPrompt.self) { params in
            try MCPResources.prompt(params.name, params.arguments ?? [:])
        }
        return server
    }

    /// Serves MCP on stdin/stdout until the client closes stdin.
    static func serve(runner: MCPToolRunner, resources: MCPResources) async {
        let server = await makeServer(runner: runner, resources: resources)
        let transport = LineStdioTransport()
        do {
            try await server.start(transport: transport)
        } catch {
            StandardStreams.diagnostic("mcp: cannot start: \(error)")
            return
        }
        await server.waitUntilCompleted()
        // stdin is closed; answer what is still being worked on before stopping.
        await transport.drained()
        await server.stop()
    }
}
