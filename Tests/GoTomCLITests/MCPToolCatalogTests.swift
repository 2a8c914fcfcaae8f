import Foundation
import GoTomModels
import GoTomSandbox
import MCP
import Testing

@testable import GoTomMCP

/// The MCP tool catalog: one tool per operation, inputs checked before sending, dry runs that show the real body.
@Suite("gotom mcp: tool catalog")
struct MCPToolCatalogTests {
    @Test("31 tools with unique names: 14 reads, 13 writes, 4 deletes")
    func counts() {
        let tools = ToolCatalog.all
        #expect(tools.count == 31)
        #expect(Set(tools.map(\.name)).count == 31)
        #expect(tools.filter { $0.access == .read }.count == 14)
        #expect(tools.filter { $0.access == .write }.count == 13)
        #expect(tools.filter { $0.access == .delete }.count == 4)
        for tool in tools {
            #expect(Set(tool.fields.map(\.name)).count == tool.fields.count, "\(tool.name) has a duplicate member")
            #expect(!tool.fields.contains { $0.name == "dryRun" }, "\(tool.name) uses the reserved name dryRun")
        }
    }

    @Test("a dry run's body is the model encoded as the SDK encodes it, and the arguments minus path parameters")
    func dryRunBody() throws {
        let tool = try #require(ToolCatalog.all.first { $0.name == "campaign_discount_create" })
        let (arguments, dryRun) = try tool.check([
            "campaignExternalId": "C/1", "externalId": "EARLY", "name": "Frühbucher", "dryRun": true,
        ])
        #expect(dryRun)
        #expect(try tool.target(arguments) == "/app-api/campaign/C%2F1/campaign-discount")
        let body = try #require(try tool.body?(arguments))
        let decoded = try MCPJSON.decoder.decode(CampaignDiscountWrite.self, from: Data(body))
        #expect(decoded == CampaignDiscountWrite(externalId: "EARLY", name: "Frühbucher"))
    }

    @Test("invalid arguments are refused with every violation: enum, format, required, unknown member")
    func refusals() throws {
        let tool = try #require(ToolCatalog.all.first { $0.name == "campaign_create" })
        do {
            _ = try tool.check([
                "externalId": "X", "name": "N", "status": "maybe", "bookingDate": "1.3.2025", "colour": "red",
            ])
            Issue.record("accepted invalid arguments")
        } catch let refusal as ToolRefusal {
            let paths = Set(refusal.violations.compactMap(\.propertyPath))
            #expect(paths == ["status", "bookingDate", "customer", "colour"])
        }
    }

    @Test("input schemas carry required members, enums from the models and formats")
    func schemas() throws {
        let tool = try #require(ToolCatalog.all.first { $0.name == "customer_upsert" })
        guard case .object(let schema) = tool.inputSchema, case .object(let properties)? = schema["properties"]
        else {
            Issue.record("no properties")
            return
        }
        #expect(schema["additionalProperties"] == .bool(false))
        #expect(schema["required"]?.arrayValue?.contains(.string("externalCrmId")) == true)
        let languages = properties["language"]?.objectValue?["enum"]?.arrayValue ?? []
        #expect(languages.count == CustomerLanguage.knownValues.count)
        #expect(properties["dryRun"] != nil)
    }
}
