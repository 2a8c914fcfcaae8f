import ArgumentParser
import Foundation
import GoTomAPI
import GoTomCLI
import GoTomSandbox
import Logging
import MCP

/// What `gotom-mcp` does with the options `gotom mcp` parsed: build the client and serve the tool catalog.
extension MCPCommand {
    /// Serves the tools until the client closes stdin (or, with `--http`, until the server stops).
    package func serveTools() async throws {
        try await Self.reportingFailures {
            let environment = ProcessEnvironment.current()
            let profile = ResolvedConfig.profileName(flag: client.connection.profile, environment: environment)
            let configPath = ProfileFile.defaultPath(environment: environment)
            let file = try ProfileFile.load(path: configPath)
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

/// The entry point of the `gotom-mcp` executable, which `gotom mcp` replaces itself with.
public enum MCPMain {
    /// Parses the process arguments as `gotom mcp`'s, serves, and exits with the status.
    public static func run() async {
        do {
            let command = try MCPCommand.parse(Array(CommandLine.arguments.dropFirst()))
            try await command.serveTools()
        } catch {
            MCPCommand.exit(withError: error)
        }
    }
}
