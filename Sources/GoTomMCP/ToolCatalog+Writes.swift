import Foundation
import GoTomAPI
import GoTomModels
import GoTomSandbox
import MCP

extension ToolCatalog {
    /// A write tool whose body members sit beside its path parameters and options.
    static func write<Model: Codable & Sendable>(
        _ name: String, _ title: String, _ summary: String, access: GoTomTool.Access = .write,
        path: [SchemaField], options: [SchemaField] = [], body: [SchemaField], model: Model.Type,
        method: String, target: @escaping @Sendable (ToolArguments) throws -> String,
        wrap: @escaping @Sendable (Model) -> any Encodable = { $0 },
        perform: @escaping @Sendable (GoTomClient, ToolArguments, Model) async throws -> Value
    ) -> GoTomTool {
        let nonBody = Set((path + options).map(\.name))
        return GoTomTool(
            name: name, title: title, summary: summary, access: access, fields: path + options + body,
            nonBody: nonBody, method: method, target: target,
            body: { arguments in try encoded(wrap(try arguments.model(Model.self, excluding: nonBody))) },
            perform: { client, arguments, _ in
                try await perform(client, arguments, try arguments.model(Model.self, excluding: nonBody))
            }
        )
    }

    /// What a write without a response body returns.
    static func done(_ status: Int) -> Value { .object(["sent": .bool(true), "status": .int(status)]) }

    static let campaignEnums: [String: Schema] = [
        "status": strings(CampaignStatus.self), "billingType": integers(BillingType.self),
    ]

    static let flightEnums: [String: Schema] = ["advertisingStatus": strings(AdvertisingStatus.self)]

    static let writes: [GoTomTool] = [
        write(
            "campaign_create", "Create a campaign",
            "Creates a campaign (a booking or a reservation) for a customer. Add flights with flight_create.",
            path: [], body: members(BodySchemas.campaignCreate, replacing: campaignEnums), model: CampaignCreate.self,
            method: "POST", target: { _ in "/app-api/campaign" }
        ) { client, _, campaign in
            try await client.campaigns.create(campaign)
            return done(201)
        },
        write(
            "campaign_update", "Change a campaign",
            "Changes the given fields of a campaign; fields left out stay as they are, null clears a field.",
            path: [id("campaignExternalId")], options: [.field("updateCommissions", .boolean)],
            body: members(BodySchemas.campaignUpdate, replacing: campaignEnums), model: CampaignUpdate.self,
            method: "POST",
            target: { arguments in
                var target = try campaignPath(arguments)
                if let update = arguments.bool("updateCommissions") {
                    target += "?update_commissions=\(update ? 1 : 0)"
                }
                return target
            }
        ) { client, arguments, changes in
            try await client.campaigns.update(
                try arguments.string("campaignExternalId"), with: changes,
                updateCommissions: arguments.bool("updateCommissions"))
            return done(204)
        },
        write(
            "campaign_commission_status_set", "Set how a campaign's commissions are settled",
            "Sets how agency and intermediator commissions of a campaign are settled on invoices (0, 2, 3 or 4).",
            path: [id("campaignExternalId")],
            body: members(
                BodySchemas.commissionStatus, replacing: ["commissionStatus": integers(CommissionSettlement.self)]),
            model: CommissionStatus.self, method: "POST", target: { try campaignPath($0) + "/commission-status" }
        ) { client, arguments, status in
            try await client.campaigns.setCommissionStatus(
                try arguments.string("campaignExternalId"), to: status.commissionStatus ?? .direct)
            return done(204)
        },
        write(
            "campaign_document_add", "Attach a document to a campaign",
            "Attaches a file (name and base64 content) to a campaign, e.g. a signed order.",
            path: [id("campaignExternalId")], body: members(BodySchemas.document), model: Document.self,
            method: "POST", target: { try campaignPath($0) + "/document" }
        ) { client, arguments, document in
            try await client.campaigns.addDocument(document, to: try arguments.string("campaignExternalId"))
            return done(201)
        },
        write(
            "flight_create", "Add a flight to a campaign",
            "Adds a flight (one placement over a runtime, with units and price) to a campaign. Ids for tarif, "
                + "media, platform, channel, advertising and price type come from primary_keys_list.",
            path: [id("campaignExternalId")], body: members(BodySchemas.flightCreate, replacing: flightEnums),
            model: FlightCreate.self, method: "POST", target: { try campaignPath($0) + "/flight" }
        ) { client, arguments, flight in
            try await client.flights.create(flight, in: try arguments.string("campaignExternalId"))
            return done(201)
        },
        write(
            "flight_update", "Change a flight",
            "Changes the given fields of a flight; fields left out stay as they are. adServerPushChanges also "
                + "pushes the change to the ad server.",
            path: [id("campaignExternalId"), id("flightExternalId")],
            body: members(BodySchemas.flightUpdate, replacing: flightEnums), model: FlightUpdate.self,
            method: "POST", target: flightPath
        ) { client, arguments, changes in
            try await client.flights.update(
                try arguments.string("flightExternalId"), in: try arguments.string("campaignExternalId"),
                with: changes)
            return done(204)
        },
        write(
            "flight_sublines_set", "Set a flight's network split",
            "Replaces how a network flight is divided among platforms; the percentages must add up to 100.",
            path: [id("campaignExternalId"), id("flightExternalId")], body: members(BodySchemas.sublines),
            model: FlightSublines.self, method: "POST", target: { try flightPath($0) + "/sublines" }
        ) { client, arguments, sublines in
            try await client.flights.setSublines(
                try arguments.string("flightExternalId"), in: try arguments.string("campaignExternalId"),
                to: sublines)
            return done(204)
        },
        write(
            "flight_commission_set", "Set a flight's commission",
            "Sets agency (bk) and intermediator (vmk) commission of a flight; per party give a percentage or an "
                + "amount, not both.",
            path: [id("campaignExternalId"), id("flightExternalId")],
            body: members(
                BodySchemas.flightCommission, replacing: ["vmkType": strings(IntermediatorCommissionType.self)]),
            model: FlightCommission.self, method: "POST", target: { try flightPath($0) + "/commission" }
        ) { client, arguments, commission in
            try await client.flights.setCommission(
                try arguments.string("flightExternalId"), in: try arguments.string("campaignExternalId"),
                to: commission)
            return done(204)
        },
        write(
            "campaign_discount_create", "Add a discount to a campaign",
            "Adds a named discount to a campaign; its amounts are set per flight with flight_discount_create.",
            path: [id("campaignExternalId")], body: members(BodySchemas.campaignDiscountCreate),
            model: CampaignDiscountWrite.self, method: "POST",
            target: { try campaignPath($0) + "/campaign-discount" }
        ) { client, arguments, discount in
            try MCPJSON.value(
                try await client.campaignDiscounts.create(discount, in: try arguments.string("campaignExternalId")))
        },
        write(
            "campaign_discount_update", "Rename a campaign discount",
            "Changes the name of a campaign discount (the text printed on invoices).",
            path: [id("campaignExternalId"), id("campaignDiscountExternalId")],
            body: members(BodySchemas.campaignDiscountUpdate), model: CampaignDiscountUpdate.self,
            method: "PATCH", target: campaignDiscountPath
        ) { client, arguments, changes in
            try await client.campaignDiscounts.update(
                try arguments.string("campaignDiscountExternalId"), in: try arguments.string("campaignExternalId"),
                with: changes)
            return done(204)
        },
        write(
            "flight_discount_create", "Add a discount to a flight",
            "Adds a discount to one flight inside a campaign discount: a percentage or an amount (the other null).",
            path: [id("campaignExternalId"), id("campaignDiscountExternalId")],
            body: members(BodySchemas.flightDiscountCreate), model: FlightDiscountCreate.self, method: "POST",
            target: { try campaignDiscountPath($0) + "/flight-discount" }
        ) { client, arguments, discount in
            try await client.flightDiscounts.create(
                discount, campaign: try arguments.string("campaignExternalId"),
                campaignDiscount: try arguments.string("campaignDiscountExternalId"))
            return done(204)
        },
        write(
            "flight_discount_update", "Change a flight discount",
            "Sets the amount of a flight discount: a percentage or an amount; the other one becomes 0.",
            path: [id("campaignExternalId"), id("campaignDiscountExternalId"), id("flightDiscountExternalId")],
            body: members(BodySchemas.flightDiscountUpdate), model: FlightDiscountUpdate.self, method: "PATCH",
            target: flightDiscountPath
        ) { client, arguments, changes in
            try await client.flightDiscounts.update(
                try arguments.string("flightDiscountExternalId"), campaign: try arguments.string("campaignExternalId"),
                campaignDiscount: try arguments.string("campaignDiscountExternalId"), with: changes)
            return done(204)
        },
        write(
            "customer_upsert", "Create or update a customer",
            "Creates a customer or updates it by its CRM id (externalCrmId); addresses and contacts are merged by "
                + "their own CRM ids. goTom may queue the change: then the result has a jobId for "
                + "customer_sync_job_get.",
            path: [], body: members(CustomerSchema.write), model: CustomerWrite.self, method: "POST",
            target: { _ in "/app-api/crm-sync-import-external-crm-id/update-customer" },
            wrap: { Customer(customer: $0) }
        ) { client, _, customer in
            do {
                return try MCPJSON.value(try await client.customers.upsert(customer))
            } catch let error as GoTomError where error == .crmJobPending {
                // Queued, not failed: the caller polls the job.
                let jobId = error.jobId.map { Value.int($0) } ?? Value.null
                return .object(["sent": .bool(true), "status": .int(202), "queued": .bool(true), "jobId": jobId])
            }
        },
    ]

    static let deletes: [GoTomTool] = [
        write(
            "campaign_archive_status_set", "Archive or reactivate a campaign",
            "Archives a campaign (setIsArchived true) or brings it back (false). Needs --allow-deletes.",
            access: .delete, path: [id("campaignExternalId")], body: members(BodySchemas.archiveStatus),
            model: ArchiveStatus.self, method: "POST", target: { try campaignPath($0) + "/archive-status" }
        ) { client, arguments, status in
            try await client.campaigns.setArchiveStatus(
                try arguments.string("campaignExternalId"), archived: status.setIsArchived ?? true)
            return done(204)
        },
        delete(
            "flight_delete", "Delete a flight",
            "Deletes a flight with its discounts, network split and commission. Needs --allow-deletes.",
            path: [id("campaignExternalId"), id("flightExternalId")], target: flightPath
        ) { client, arguments in
            try await client.flights.delete(
                try arguments.string("flightExternalId"), in: try arguments.string("campaignExternalId"))
        },
        delete(
            "campaign_discount_delete", "Delete a campaign discount",
            "Deletes a campaign discount that has no flight discounts left. Needs --allow-deletes.",
            path: [id("campaignExternalId"), id("campaignDiscountExternalId")], target: campaignDiscountPath
        ) { client, arguments in
            try await client.campaignDiscounts.delete(
                try arguments.string("campaignDiscountExternalId"), in: try arguments.string("campaignExternalId"))
        },
        delete(
            "flight_discount_delete", "Delete a flight discount",
            "Deletes one flight discount. Needs --allow-deletes.",
            path: [id("campaignExternalId"), id("campaignDiscountExternalId"), id("flightDiscountExternalId")],
            target: flightDiscountPath
        ) { client, arguments in
            try await client.flightDiscounts.delete(
                try arguments.string("flightDiscountExternalId"), campaign: try arguments.string("campaignExternalId"),
                campaignDiscount: try arguments.string("campaignDiscountExternalId"))
        },
    ]

    /// A `DELETE` tool: no body, answered with 204.
    static func delete(
        _ name: String, _ title: String, _ summary: String, path: [SchemaField],
        target: @escaping @Sendable (ToolArguments) throws -> String,
        perform: @escaping @Sendable (GoTomClient, ToolArguments) async throws -> Void
    ) -> GoTomTool {
        GoTomTool(
            name: name, title: title, summary: summary, access: .delete, fields: path,
            nonBody: Set(path.map(\.name)), method: "DELETE", target: target, body: nil,
            perform: { client, arguments, _ in
                try await perform(client, arguments)
                return done(204)
            }
        )
    }
}
