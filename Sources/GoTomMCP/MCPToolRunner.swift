import Foundation
import GoTomAPI
import GoTomAuth
import GoTomModels
import MCP

/// Serves tool calls: checks the arguments, applies the safety rules, sends with the SDK, shapes the result.
struct MCPToolRunner: Sendable {
    /// What `gotom mcp` was allowed to do when it started.
    struct Permissions: Sendable {
        var writes: Bool
        var deletes: Bool

        func allows(_ access: GoTomTool.Access) -> Bool {
            switch access {
            case .read: return true
            case .write: return writes
            case .delete: return writes && deletes
            }
        }
    }

    let client: GoTomClient
    let permissions: Permissions
    let environment: ToolEnvironment
    let audit: WriteAudit
    let limiter: WriteLimiter
    let tools: [String: GoTomTool]

    init(
        client: GoTomClient, permissions: Permissions, environment: ToolEnvironment, audit: WriteAudit,
        limiter: WriteLimiter
    ) {
        self.client = client
        self.permissions = permissions
        self.environment = environment
        self.audit = audit
        self.limiter = limiter
        self.tools = Dictionary(uniqueKeysWithValues: ToolCatalog.all.map { ($0.name, $0) })
    }

    /// The tools this server lists: reads, plus writes and deletes when allowed.
    var listed: [Tool] {
        ToolCatalog.all.filter { permissions.allows($0.access) }.map(\.mcpTool)
    }

    /// Runs one call; every failure is a tool result with `isError`, never a protocol error.
    func call(_ name: String, _ raw: [String: Value]?) async -> CallTool.Result {
        guard let tool = tools[name] else {
            return Self.failure("no tool named '\(name)'", ["error": "unknownTool"])
        }
        guard permissions.allows(tool.access) else {
            let needed = tool.access == .delete ? "--allow-writes and --allow-deletes" : "--allow-writes"
            return Self.failure(
                "\(name) changes data at goTom and this server is read-only for it; a person can start "
                    + "gotom mcp with \(needed) to allow it. Nothing was sent.",
                ["error": "notAllowed", "tool": .string(name)])
        }
        let arguments: ToolArguments
        let dryRun: Bool
        let target: String
        let body: [UInt8]?
        do {
            (arguments, dryRun) = try tool.check(raw)
            target = try tool.target(arguments)
            body = try tool.body?(arguments)
        } catch let refusal as ToolRefusal {
            return Self.refused(refusal)
        } catch {
            return Self.refused(ToolRefusal(message: "the arguments were refused: \(error)"))
        }
        if dryRun { return dryRunResult(tool, target: target, body: body) }
        if tool.isWrite, let wait = await limiter.admit() {
            return Self.failure(
                "the write limit of \(limiter.perMinute) per minute is reached; try again in \(wait) s. "
                    + "Nothing was sent.",
                ["error": "writeLimit", "retryAfterSeconds": .int(wait)])
        }
        let capture = RequestCapture()
        let outcome: Result<Value, any Error> = await RequestCapture.$current.withValue(capture) {
            do {
                return .success(try await tool.perform(client, arguments, environment))
            } catch {
                return .failure(error)
            }
        }
        let result: CallTool.Result
        switch outcome {
        case .success(var value):
            if case .object(var members) = value, tool.isWrite {
                members["requestId"] = capture.requestId.map { .string($0) } ?? .null
                members["method"] = .string(tool.method)
                members["target"] = .string(target)
                value = .object(members)
            }
            result = Self.success(value)
        case .failure(let error):
            result = Self.failure(error)
        }
        if tool.isWrite && capture.requests > 0 {
            let name: String
            switch outcome {
            case .success: name = "ok"
            case .failure(let error as GoTomError): name = error.name
            case .failure: name = "failed"
            }
            await audit.append(
                WriteAudit.Record(
                    time: Date().formatted(.iso8601), tool: tool.name, method: tool.method, target: target,
                    arguments: arguments.values, status: capture.status, outcome: name,
                    requestId: capture.requestId))
        }
        return result
    }

    private func dryRunResult(_ tool: GoTomTool, target: String, body: [UInt8]?) -> CallTool.Result {
        let text = body.map { String(decoding: $0, as: UTF8.self) }
        let parsed = body.flatMap { try? MCPJSON.decoder.decode(Value.self, from: Data($0)) }
        let group = tool.name.hasPrefix("customer") ? APIGroup.customer : APIGroup.campaign
        var members: [String: Value] = [:]
        members["dryRun"] = .bool(true)
        members["sent"] = .bool(false)
        members["method"] = .string(tool.method)
        members["target"] = .string(target)
        members["url"] = .string(client.configuration.baseURL.trimmingSuffix("/") + target)
        members["contentType"] = text == nil ? Value.null : Value.string("application/json")
        members["body"] = parsed ?? Value.null
        members["bodyText"] = text.map { Value.string($0) } ?? Value.null
        members["signedAs"] = .string(client.credentials(for: group).user)
        return Self.success(.object(members))
    }

    static func text(_ text: String) -> Tool.Content {
        .text(text: text, annotations: nil, _meta: nil)
    }

    static func success(_ value: Value) -> CallTool.Result {
        CallTool.Result(
            content: [Self.text(MCPJSON.text(value))], structuredContent: Optional(value), isError: false)
    }

    static func refused(_ refusal: ToolRefusal) -> CallTool.Result {
        let violations: [Value] = refusal.violations.map { item -> Value in
            .object([
                "code": .string(item.code?.rawValue ?? ""), "propertyPath": .string(item.propertyPath ?? ""),
                "message": .string(item.message ?? ""),
            ])
        }
        return failure(
            refusal.message, ["error": "invalidArguments", "sent": false, "violations": .array(violations)])
    }

    static func failure(_ message: String, _ details: [String: Value]) -> CallTool.Result {
        var members = details
        members["message"] = .string(message)
        let value = Value.object(members)
        return CallTool.Result(
            content: [Self.text(message + "\n" + MCPJSON.text(value))], structuredContent: Optional(value),
            isError: true)
    }

    /// goTom's answer or a transport failure, as a tool error: status, message, each violation, request id.
    static func failure(_ error: any Error) -> CallTool.Result {
        switch error {
        case let error as GoTomError:
            let violations: [Value] = error.violations.map { violation -> Value in
                .object([
                    "code": .string(violation.code.rawValue), "propertyPath": .string(violation.propertyPath),
                    "message": .string(violation.message),
                ])
            }
            var details: [String: Value] = [:]
            details["error"] = .string(error.name)
            details["status"] = error.status.map { Value.int($0) } ?? Value.null
            details["serverMessage"] = error.serverMessage.map { Value.string($0) } ?? Value.null
            details["violations"] = .array(violations)
            details["requestId"] = error.requestId.map { Value.string($0) } ?? Value.null
            details["request"] = error.request.map { Value.string($0) } ?? Value.null
            return failure(error.shortDescription, details)
        case let refusal as ToolRefusal:
            return refused(refusal)
        default:
            return failure("the call failed: \(error)", ["error": "failed"])
        }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
