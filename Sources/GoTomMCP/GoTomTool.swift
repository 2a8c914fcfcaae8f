import Foundation
import GoTomAPI
import GoTomAuth
import GoTomModels
import GoTomSandbox
import MCP

/// One operation of goTom's App API as an MCP tool: its name, what it needs, and how it is sent.
struct GoTomTool: Sendable {
    /// What a tool may change, which decides whether it is listed at all.
    enum Access: String, Sendable {
        /// Reads only; always listed.
        case read
        /// Creates or changes data; listed with `--allow-writes`.
        case write
        /// Deletes or archives; listed with `--allow-writes` and `--allow-deletes`.
        case delete
    }

    var name: String
    var title: String
    var summary: String
    var access: Access
    /// Every top-level input member: path parameters, options and body members.
    var fields: [SchemaField]
    /// Input members that are not part of the request body.
    var nonBody: Set<String>
    /// The request method.
    var method: String
    /// The request target (path and query), built exactly as the SDK builds it.
    var target: @Sendable (ToolArguments) throws -> String
    /// The body the SDK would sign and send, or `nil` for requests without one.
    var body: (@Sendable (ToolArguments) throws -> [UInt8])?
    /// Sends the request with the SDK and returns what goes back to the caller.
    var perform: @Sendable (GoTomClient, ToolArguments, ToolEnvironment) async throws -> Value

    /// Whether this tool changes anything at goTom.
    var isWrite: Bool { access != .read }
}

/// What tools need besides the client: where report files go and how much of them to preview.
struct ToolEnvironment: Sendable {
    var reportDirectory: String
    var previewBytes: Int
}

extension GoTomTool {
    /// Descriptions of the common inputs, shared by every tool that has them.
    static let commonDescriptions: [String: String] = [
        "campaignExternalId": "Your id of the campaign (its externalId), as used when it was created.",
        "flightExternalId": "Your id of the flight (its externalId).",
        "campaignDiscountExternalId": "Your id of the campaign discount.",
        "flightDiscountExternalId": "Your id of the flight discount.",
        "customerExternalCrmId": "The customer's id in your CRM (externalCrmId).",
        "page": "Page number, starting at 1.",
        "limit": "Return at most this many items of the page (1-1000, default 100).",
        "dryRun": "true: check the arguments and return the exact request instead of sending it.",
        "jobId": "The id of a CRM-sync job, as returned by customer_upsert when goTom queued the change.",
        "savedReportId": "The id of the saved report, from its address in goTom.",
        "previewBytes": "How many bytes of the CSV to include as a preview (0-65536, default 4096).",
        "entity": "Which primary-key list to read.",
        "tarifId": "The rate card's id, from the 'tarif' primary keys.",
        "updateCommissions":
            "false keeps the commissions of the campaign and its flights when agency or intermediator change; "
            + "true (goTom's default) recalculates them.",
    ]

    /// The input schema as an MCP client sees it; write tools get `dryRun` in addition.
    var inputSchema: Value {
        var all = fields
        if isWrite { all.append(.field("dryRun", .boolean)) }
        var descriptions = Self.commonDescriptions
        for (name, text) in FieldGuide.entity(forTool: name)?.fields ?? [] where descriptions[name] == nil {
            descriptions[name] = text
        }
        return ToolSchema.input(all, descriptions: descriptions)
    }

    /// The tool as listed to MCP clients, with hints about its effects.
    var mcpTool: Tool {
        Tool(
            name: name, title: title, description: summary, inputSchema: inputSchema,
            annotations: .init(
                title: title, readOnlyHint: access == .read, destructiveHint: access == .delete,
                idempotentHint: access == .read ? true : nil, openWorldHint: true
            )
        )
    }

    /// Checks arguments against the input schema: unknown members, types, enums, formats, required, null.
    ///
    /// - Returns: The arguments without `dryRun`, and whether a dry run was asked for.
    /// - Throws: ``ToolRefusal`` with every violation found.
    func check(_ raw: [String: Value]?) throws -> (ToolArguments, dryRun: Bool) {
        var values: [String: JSONValue] = [:]
        for (key, value) in raw ?? [:] {
            do {
                values[key] = try MCPJSON.jsonValue(value)
            } catch {
                throw ToolRefusal(message: "the argument '\(key)' is not JSON")
            }
        }
        var dryRun = false
        if isWrite, let flag = values.removeValue(forKey: "dryRun") {
            guard let bool = flag.boolValue else {
                throw ToolRefusal(
                    message: "the arguments were refused; nothing was sent",
                    violations: [
                        .init(
                            propertyPath: "dryRun", message: "This value should be of type bool.",
                            code: .invalidType)
                    ])
            }
            dryRun = bool
        }
        let known = Set(fields.map(\.name))
        var items: [ConstraintViolationItem] = values.keys.filter { !known.contains($0) }.sorted().map {
            ConstraintViolationItem(
                // Symfony's code for a member a Collection constraint does not expect.
                propertyPath: $0, message: "This field was not expected.",
                code: ViolationCode(rawValue: "7703c766-b5d5-4cef-ace7-ae0dd82304e9"))
        }
        var violations = ViolationList()
        Schema.object(fields).validate(.object(values), path: "", into: &violations)
        items += violations.items
        if !items.isEmpty {
            throw ToolRefusal(message: "the arguments were refused; nothing was sent", violations: items)
        }
        return (ToolArguments(values: values), dryRun)
    }
}

/// Path segments and queries, encoded the way the SDK encodes them.
enum Target {
    static func segment(_ arguments: ToolArguments, _ name: String) throws -> String {
        RequestURI.encodePathSegment(try arguments.string(name))
    }

    static func paged(_ path: String, _ arguments: ToolArguments) -> String {
        let page = arguments.int("page", default: 1)
        return page == 1 ? path : path + "?page=\(page)"
    }
}
