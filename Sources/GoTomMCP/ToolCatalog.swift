import Foundation
import GoTomAPI
import GoTomModels
import GoTomSandbox
import MCP

/// The 31 tools, one per operation of goTom's campaign, customer and report APIs.
///
/// Input schemas come from the sandbox's request-body schemas (``BodySchemas``, which the sandbox enforces on
/// every request), with enumerations replaced by the documented values of the model types (`knownValues`), and
/// every body is decoded into its model type before it is encoded and sent, exactly as an SDK caller's would be.
enum ToolCatalog {
    /// Every tool, reads first.
    static let all: [GoTomTool] = reads + writes + deletes

    // MARK: Building blocks

    static func id(_ name: String) -> SchemaField { .field(name, .string(notBlank: true), required: true) }
    static let paging: [SchemaField] = [.field("page", .integer()), .field("limit", .integer())]

    static func strings<E: ExtensibleEnum>(_ type: E.Type) -> Schema where E.RawValue == String {
        .string(allowed: E.knownValues.map(\.rawValue))
    }

    static func integers<E: ExtensibleEnum>(_ type: E.Type) -> Schema where E.RawValue == Int {
        .integer(allowed: E.knownValues.map(\.rawValue))
    }

    /// The members of an object schema, with some replaced (enumerations from the models).
    static func members(_ schema: Schema, replacing replacements: [String: Schema] = [:]) -> [SchemaField] {
        guard case .object(let fields) = schema else { return [] }
        return fields.map { field in
            var field = field
            if let replacement = replacements[field.name] { field.schema = replacement }
            return field
        }
    }

    /// The bytes the SDK would send for a model value.
    static func encoded(_ model: some Encodable) throws -> [UInt8] {
        Array(try GoTomClient.jsonEncoder.encode(model))
    }

    static func campaignPath(_ arguments: ToolArguments) throws -> String {
        "/app-api/campaign/" + (try Target.segment(arguments, "campaignExternalId"))
    }

    static func flightPath(_ arguments: ToolArguments) throws -> String {
        try campaignPath(arguments) + "/flight/" + (try Target.segment(arguments, "flightExternalId"))
    }

    static func campaignDiscountPath(_ arguments: ToolArguments) throws -> String {
        try campaignPath(arguments) + "/campaign-discount/"
            + (try Target.segment(arguments, "campaignDiscountExternalId"))
    }

    static func flightDiscountPath(_ arguments: ToolArguments) throws -> String {
        try campaignDiscountPath(arguments) + "/flight-discount/"
            + (try Target.segment(arguments, "flightDiscountExternalId"))
    }

    /// Keeps at most `limit` of a page's `items` and says how many there were.
    static func limited(_ value: Value, _ arguments: ToolArguments) -> Value {
        let limit = min(max(arguments.int("limit", default: 100), 1), 1000)
        guard case .object(var members) = value, case .array(let items)? = members["items"] else { return value }
        if items.count > limit {
            members["items"] = .array(Array(items.prefix(limit)))
            members["itemsOmitted"] = .int(items.count - limit)
        }
        return .object(members)
    }

    static func read(
        _ name: String, _ title: String, _ summary: String, fields: [SchemaField],
        target: @escaping @Sendable (ToolArguments) throws -> String,
        perform: @escaping @Sendable (GoTomClient, ToolArguments, ToolEnvironment) async throws -> Value
    ) -> GoTomTool {
        GoTomTool(
            name: name, title: title, summary: summary, access: .read, fields: fields,
            nonBody: Set(fields.map(\.name)), method: "GET", target: target, body: nil, perform: perform)
    }

    // MARK: Reads

    static let reads: [GoTomTool] = [
        read(
            "campaign_get", "Read a campaign",
            "Reads one campaign with its flights, customer, agency, status and notes.",
            fields: [id("campaignExternalId")], target: campaignPath
        ) { client, arguments, _ in
            try MCPJSON.value(try await client.campaigns.get(try arguments.string("campaignExternalId")))
        },
        read(
            "flight_get", "Read a flight",
            "Reads one flight of a campaign: runtime, placement, units, price, targeting and status.",
            fields: [id("campaignExternalId"), id("flightExternalId")], target: flightPath
        ) { client, arguments, _ in
            try MCPJSON.value(
                try await client.flights.get(
                    try arguments.string("flightExternalId"), in: try arguments.string("campaignExternalId")))
        },
        read(
            "flight_line_item_get", "Read a flight's ad-server ids",
            "Reads the ad-server strategy and line item ids goTom holds for a flight.",
            fields: [id("campaignExternalId"), id("flightExternalId")],
            target: { arguments in
                try campaignPath(arguments) + "/flight-lineitemid/"
                    + (try Target.segment(arguments, "flightExternalId"))
            }
        ) { client, arguments, _ in
            try MCPJSON.value(
                try await client.flights.lineItemId(
                    try arguments.string("flightExternalId"), in: try arguments.string("campaignExternalId")))
        },
        read(
            "flight_sublines_get", "Read a flight's network split",
            "Reads how a network flight is divided among the network's platforms (percentages per platform).",
            fields: [id("campaignExternalId"), id("flightExternalId")],
            target: { try flightPath($0) + "/sublines" }
        ) { client, arguments, _ in
            try MCPJSON.value(
                try await client.flights.sublines(
                    try arguments.string("flightExternalId"), in: try arguments.string("campaignExternalId")))
        },
        read(
            "flight_commission_get", "Read a flight's commission",
            "Reads the agency and intermediator commission of a flight, as percentage or amount.",
            fields: [id("campaignExternalId"), id("flightExternalId")],
            target: { try flightPath($0) + "/commission" }
        ) { client, arguments, _ in
            try MCPJSON.value(
                try await client.flights.commission(
                    try arguments.string("flightExternalId"), in: try arguments.string("campaignExternalId")))
        },
        read(
            "campaign_discount_list", "List a campaign's discounts",
            "Lists the discounts of a campaign, each with the flight discounts it contains. Paged here, "
                + "page and limit select a slice.",
            fields: [id("campaignExternalId")] + paging,
            target: { try campaignPath($0) + "/campaign-discount" }
        ) { client, arguments, _ in
            let all = try await client.campaignDiscounts.list(in: try arguments.string("campaignExternalId"))
            let limit = min(max(arguments.int("limit", default: 100), 1), 1000)
            let page = max(arguments.int("page", default: 1), 1)
            let slice = all.dropFirst((page - 1) * limit).prefix(limit)
            let pagination: [String: Value] = [
                "totalItems": .int(all.count), "perPage": .int(limit), "currentPage": .int(page),
                "lastPage": .int(max(1, (all.count + limit - 1) / limit)),
            ]
            return .object(["items": try MCPJSON.value(Array(slice)), "pagination": .object(pagination)])
        },
        read(
            "flight_discount_get", "Read a flight discount",
            "Reads one discount on a flight inside a campaign discount: percentage or amount.",
            fields: [id("campaignExternalId"), id("campaignDiscountExternalId"), id("flightDiscountExternalId")],
            target: flightDiscountPath
        ) { client, arguments, _ in
            try MCPJSON.value(
                try await client.flightDiscounts.get(
                    try arguments.string("flightDiscountExternalId"),
                    campaign: try arguments.string("campaignExternalId"),
                    campaignDiscount: try arguments.string("campaignDiscountExternalId")))
        },
        read(
            "customer_get", "Read a customer",
            "Reads one customer (advertiser, agency or intermediator) by its CRM id, with addresses and contacts.",
            fields: [id("externalCrmId")],
            target: { "/app-api/customer/" + (try Target.segment($0, "externalCrmId")) }
        ) { client, arguments, _ in
            try MCPJSON.value(try await client.customers.get(try arguments.string("externalCrmId")))
        },
        read(
            "customer_list", "List customers",
            "Lists customers one page at a time, in goTom's order; limit trims the page.",
            fields: paging, target: { Target.paged("/app-api/customer", $0) }
        ) { client, arguments, _ in
            limited(
                try MCPJSON.value(try await client.customers.list(page: max(arguments.int("page", default: 1), 1))),
                arguments)
        },
        read(
            "customer_sync_job_get", "Read a CRM-sync job",
            "Reads the state, errors and warnings of a queued customer_upsert job.",
            fields: [.field("jobId", .integer(), required: true)],
            target: { "/app-api/crm-sync-import-external-crm-id/error-logs/\(try $0.int("jobId"))" }
        ) { client, arguments, _ in
            try MCPJSON.value(try await client.customers.errorLogs(jobId: try arguments.int("jobId")))
        },
        read(
            "primary_keys_list", "List ids of master data",
            "Lists the ids and names of one kind of master data (platforms, channels, rate cards, media, …) "
                + "needed to book flights; one page at a time.",
            fields: [.field("entity", strings(PrimaryKeyEntity.self), required: true)] + paging,
            target: {
                Target.paged("/app-api/primary-keys/" + (try Target.segment($0, "entity")), $0)
            }
        ) { client, arguments, _ in
            let entity = PrimaryKeyEntity(rawValue: try arguments.string("entity"))
            return limited(
                try MCPJSON.value(
                    try await client.primaryKeys(entity, page: max(arguments.int("page", default: 1), 1))),
                arguments)
        },
        read(
            "tarif_prices_list", "List a rate card's prices",
            "Lists the price rows of one rate card (tarif), one page at a time.",
            fields: [.field("tarifId", .integer(), required: true)] + paging,
            target: { Target.paged("/app-api/export/price/tarif/\(try $0.int("tarifId"))", $0) }
        ) { client, arguments, _ in
            limited(
                try MCPJSON.value(
                    try await client.prices(
                        tarifId: try arguments.int("tarifId"), page: max(arguments.int("page", default: 1), 1))),
                arguments)
        },
        read(
            "report_graph_download", "Download a graph report",
            "Downloads a saved graph report as CSV into a local file and returns its path, size and the "
                + "first bytes as a preview.",
            fields: [.field("savedReportId", .integer(), required: true), .field("previewBytes", .integer())],
            target: { "/app-api/graph-export/download/\(try $0.int("savedReportId"))" }
        ) { client, arguments, environment in
            let id = try arguments.int("savedReportId")
            return try await ReportPreview.download(kind: "graph", id: id, arguments, environment) { path in
                try await client.reports.downloadGraph(id, toFile: path)
            }
        },
        read(
            "report_custom_download", "Download a custom report",
            "Downloads a saved custom report as CSV into a local file and returns its path, size and the "
                + "first bytes as a preview.",
            fields: [.field("savedReportId", .integer(), required: true), .field("previewBytes", .integer())],
            target: { "/app-api/custom-report-export/download/\(try $0.int("savedReportId"))" }
        ) { client, arguments, environment in
            let id = try arguments.int("savedReportId")
            return try await ReportPreview.download(kind: "custom", id: id, arguments, environment) { path in
                try await client.reports.downloadCustom(id, toFile: path)
            }
        },
    ]
}

/// Report downloads for tools: the file goes to disk, a bounded preview goes back.
enum ReportPreview {
    static func download(
        kind: String, id: Int, _ arguments: ToolArguments, _ environment: ToolEnvironment,
        _ write: (String) async throws -> DownloadResult
    ) async throws -> Value {
        try FileManager.default.createDirectory(
            atPath: environment.reportDirectory, withIntermediateDirectories: true)
        let stamp = Int(Date().timeIntervalSince1970)
        let path = (environment.reportDirectory as NSString).appendingPathComponent("\(kind)-\(id)-\(stamp).csv")
        let result = try await write(path)
        let limit = min(max(arguments.int("previewBytes", default: environment.previewBytes), 0), 65536)
        var preview = ""
        if limit > 0, let handle = FileHandle(forReadingAtPath: result.path) {
            let bytes = (try? handle.read(upToCount: limit)) ?? Data()
            try? handle.close()
            // Cut at the last whole line so no character or row is split.
            var text = String(decoding: bytes, as: UTF8.self)
            if Int64(bytes.count) < result.byteCount, let end = text.lastIndex(of: "\n") {
                text = String(text[...end])
            }
            preview = text
        }
        var members: [String: Value] = [:]
        members["path"] = .string(result.path)
        members["byteCount"] = .int(Int(result.byteCount))
        members["contentType"] = result.contentType.map { Value.string($0) } ?? Value.null
        members["preview"] = .string(preview)
        members["previewIsComplete"] = .bool(Int64(preview.utf8.count) == result.byteCount)
        return .object(members)
    }
}
