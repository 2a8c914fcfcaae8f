import Foundation
import GoTomAPI
import GoTomModels
import MCP

/// Master data, the customer list and the field guides as MCP resources, and the prompts.
struct MCPResources: Sendable {
    let client: GoTomClient
    /// The most rows a list resource reads (lists are read page by page up to this).
    static let rowLimit = 5000

    var listed: [Resource] {
        var resources = PrimaryKeyEntity.knownValues.map { entity in
            Resource(
                name: "primary-keys-\(entity.rawValue)", uri: "gotom://primary-keys/\(entity.rawValue)",
                description: "Ids and names of the \(entity.rawValue) master data, as JSON.",
                mimeType: "application/json")
        }
        resources.append(
            Resource(
                name: "customers", uri: "gotom://customers",
                description: "All customers (up to \(Self.rowLimit)) with their CRM ids, as JSON.",
                mimeType: "application/json"))
        resources += FieldGuide.entities.map { entity in
            Resource(
                name: "guide-\(entity.key)", uri: "gotom://guide/\(entity.key)",
                description: "What each field of a \(entity.title.lowercased()) means.", mimeType: "text/markdown")
        }
        return resources
    }

    func read(_ uri: String) async throws -> ReadResource.Result {
        if let key = uri.removingPrefix("gotom://guide/"),
            let entity = FieldGuide.entities.first(where: { $0.key == key })
        {
            return .init(contents: [.text(FieldGuide.markdown(entity), uri: uri, mimeType: "text/markdown")])
        }
        do {
            if let name = uri.removingPrefix("gotom://primary-keys/"),
                let entity = PrimaryKeyEntity.knownValues.first(where: { $0.rawValue == name })
            {
                let rows = try await collect(client.allPrimaryKeys(entity).items)
                return json(
                    uri,
                    [
                        "entity": .string(name), "items": try MCPJSON.value(rows.items),
                        "complete": .bool(rows.complete),
                    ])
            }
            if uri == "gotom://customers" {
                let rows = try await collect(client.customers.all().items)
                return json(uri, ["items": try MCPJSON.value(rows.items), "complete": .bool(rows.complete)])
            }
        } catch let error as GoTomError {
            throw MCPError.internalError("goTom refused the read: \(error.shortDescription)")
        }
        throw MCPError.invalidParams("no resource \(uri)")
    }

    private func collect<Item: Sendable>(_ items: PagedItems<Item>) async throws -> (items: [Item], complete: Bool) {
        var rows: [Item] = []
        for try await item in items {
            if rows.count == Self.rowLimit { return (rows, false) }
            rows.append(item)
        }
        return (rows, true)
    }

    private func json(_ uri: String, _ value: Value) -> ReadResource.Result {
        .init(contents: [.text(MCPJSON.text(value), uri: uri, mimeType: "application/json")])
    }

    // MARK: Prompts

    static let prompts: [Prompt] = [
        Prompt(
            name: "book_campaign_from_brief",
            description: "Turn a client's brief into a campaign with flights, checked with dry runs first.",
            arguments: [
                .init(
                    name: "brief", description: "The brief: client, period, placements, budget or units.",
                    required: true),
                .init(name: "customerExternalCrmId", description: "The customer's CRM id, if known."),
            ]),
        Prompt(
            name: "check_campaign",
            description: "Review a campaign's flights, discounts and commissions and report anything unusual.",
            arguments: [.init(name: "campaignExternalId", description: "The campaign to check.", required: true)]),
        Prompt(
            name: "sync_customer_from_crm",
            description: "Map a CRM record to goTom's customer fields and upsert it.",
            arguments: [.init(name: "record", description: "The CRM record as text or JSON.", required: true)]),
    ]

    static func prompt(_ name: String, _ arguments: [String: String]) throws -> GetPrompt.Result {
        let text: String
        switch name {
        case "book_campaign_from_brief":
            let customer = arguments["customerExternalCrmId"].map { "The customer's CRM id is \($0). " } ?? ""
            text = """
                Prepare a goTom campaign from this brief. \(customer)Steps:
                1. Find the customer with customer_get or the gotom://customers resource.
                2. Look up the ids you need with primary_keys_list (platform, channel, media, advertising, tarif, \
                priceType) and read gotom://guide/campaign and gotom://guide/flight.
                3. Call campaign_create and then flight_create for each placement with dryRun true, and show me \
                the requests in a short table.
                4. Only after I confirm, send them without dryRun, then read the campaign back with campaign_get \
                and summarise it.

                Brief:
                \(arguments["brief"] ?? "")
                """
        case "check_campaign":
            text = """
                Check the goTom campaign \(arguments["campaignExternalId"] ?? ""). Read it with campaign_get, its \
                discounts with campaign_discount_list, and for each flight the commission with \
                flight_commission_get. Report flights whose runtime lies outside the others, units or prices of 0, \
                discounts that are set on some flights of a campaign discount but not on others, and commissions \
                given both as percentage and amount. Do not change anything.
                """
        case "sync_customer_from_crm":
            text = """
                Map this CRM record to goTom's customer fields (read gotom://guide/customer first) and call \
                customer_upsert with dryRun true. Show me the body; after I confirm, send it. If goTom queues the \
                change, follow it with customer_sync_job_get.

                Record:
                \(arguments["record"] ?? "")
                """
        default:
            throw MCPError.invalidParams("no prompt named \(name)")
        }
        let description = prompts.first { $0.name == name }?.description
        return .init(description: description, messages: [.user(.text(text: text))])
    }
}

extension String {
    fileprivate func removingPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
