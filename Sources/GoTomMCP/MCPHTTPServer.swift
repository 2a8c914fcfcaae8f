import Foundation
import GoTomCLI
import HTTPTypes
import Hummingbird
import Logging
import MCP
import NIOCore

/// `gotom mcp --http`: the streamable HTTP transport on 127.0.0.1, one MCP session per client.
///
/// Each session gets its own MCP server and transport; all share one tool runner, so permissions, the write limit
/// and the audit file hold across sessions. Only loopback origins are accepted (the transport's default checks).
actor MCPHTTPSessions {
    private var sessions: [String: StatefulHTTPServerTransport] = [:]
    private let makeServer: @Sendable () async -> MCP.Server

    init(makeServer: @escaping @Sendable () async -> MCP.Server) {
        self.makeServer = makeServer
    }

    private struct FixedSessionID: SessionIDGenerator {
        let id: String
        func generateSessionID() -> String { id }
    }

    func handle(_ request: MCP.HTTPRequest) async -> MCP.HTTPResponse {
        if let id = request.header(HTTPHeaderName.sessionID) {
            guard let transport = sessions[id] else {
                return .error(statusCode: 404, MCPError.invalidRequest("unknown or closed session"))
            }
            let response = await transport.handleRequest(request)
            if request.method == "DELETE" { sessions[id] = nil }
            return response
        }
        // No session yet: the transport accepts only an initialize request here and refuses anything else.
        let id = UUID().uuidString
        let transport = StatefulHTTPServerTransport(sessionIDGenerator: FixedSessionID(id: id))
        let server = await makeServer()
        do {
            try await server.start(transport: transport)
        } catch {
            return .error(statusCode: 500, MCPError.internalError("cannot start a session"))
        }
        let response = await transport.handleRequest(request)
        if response.statusCode < 300 {
            sessions[id] = transport
        } else {
            await server.stop()
        }
        return response
    }
}

enum MCPHTTPServer {
    /// Serves until SIGINT or SIGTERM.
    static func run(port: Int, makeServer: @escaping @Sendable () async -> MCP.Server) async throws {
        let sessions = MCPHTTPSessions(makeServer: makeServer)
        let router = Router()
        let handler: @Sendable (Hummingbird.Request, BasicRequestContext) async throws -> Hummingbird.Response = {
            request, _ in
            let body = try await request.body.collect(upTo: 16 * 1024 * 1024)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let response = await sessions.handle(
                MCP.HTTPRequest(
                    method: request.method.rawValue, headers: headers,
                    body: body.readableBytes == 0 ? nil : Data(body.readableBytesView), path: request.uri.path))
            return convert(response)
        }
        router.post("/mcp", use: handler)
        router.get("/mcp", use: handler)
        router.delete("/mcp", use: handler)
        var logger = Logger(label: "gotom.mcp.http") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = .warning
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                StandardStreams.diagnostic("mcp: streamable HTTP on http://127.0.0.1:\(bound)/mcp")
            },
            logger: logger)
        try await app.runService()
    }

    static func convert(_ response: MCP.HTTPResponse) -> Hummingbird.Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        let body: ResponseBody
        if case .stream(let stream, _) = response {
            body = ResponseBody { writer in
                for try await chunk in stream { try await writer.write(ByteBuffer(bytes: chunk)) }
                try await writer.finish(nil)
            }
        } else if let data = response.bodyData {
            body = ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        } else {
            body = ResponseBody()
        }
        return Hummingbird.Response(status: .init(code: response.statusCode), headers: fields, body: body)
    }
}
