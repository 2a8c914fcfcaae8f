import Foundation
import GoTomTestSupport
import Testing

/// `--fields` on gets and lists, in every output format.
@Suite("gotom --fields")
struct FieldSelectionTests {
    @Test("a list: json keeps the selected fields in place, jsonl one per line, table and csv one column each")
    func list() async throws {
        try await withResourceSandbox { sandbox, cli in
            let fields = ["--fields", "externalCrmId,mainAddress.externalCrmId,tags.externalCrmId"]
            let json = try await cli.run(["customer", "list", "--output", "json"] + fields, on: sandbox)
            #expect(json.status == 0, "\(json.stderrText)")
            let array = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]])
            let muster = try #require(array.first { $0["externalCrmId"] as? String == "CRM-1001" })
            #expect(Set(muster.keys) == ["externalCrmId", "mainAddress", "tags"], "\(muster)")
            #expect((muster["mainAddress"] as? [String: Any])?.keys.sorted() == ["externalCrmId"])
            #expect((muster["tags"] as? [[String: Any]])?.first?["externalCrmId"] as? String == "TAG-KEY")
            #expect(array.allSatisfy { $0["firm"] == nil })

            let jsonl = try await cli.run(
                ["customer", "list", "--output", "jsonl", "--fields", "externalCrmId"],
                on: sandbox)
            let lines = jsonl.stdoutText.split(separator: "\n")
            #expect(lines.count == array.count)
            #expect(lines.first == #"{"externalCrmId":"CRM-1001"}"#, "\(jsonl.stdoutText)")

            let csv = try await cli.run(["customer", "list", "--output", "csv"] + fields, on: sandbox)
            let rows = csv.stdoutText.components(separatedBy: "\r\n")
            #expect(rows.first == "externalCrmId,mainAddress.externalCrmId,tags.externalCrmId", "\(csv.stdoutText)")
            #expect(rows.contains("CRM-1001,CRM-1001-A1,TAG-KEY"), "\(csv.stdoutText)")

            let table = try await cli.run(
                ["customer", "list", "--output", "table", "--fields", "firm,addresses.place"],
                on: sandbox)
            let tableLines = table.stdoutText.split(separator: "\n")
            #expect(
                tableLines.first?.hasPrefix("firm") == true && tableLines.first?.contains("addresses.place") == true,
                "\(table.stdoutText)")
            #expect(tableLines.contains { $0.hasPrefix("Muster AG") && $0.hasSuffix("Zürich") }, "\(table.stdoutText)")
        }
    }

    @Test("a get: the same four formats for one object")
    func get() async throws {
        try await withResourceSandbox { sandbox, cli in
            let fields = ["--fields", "firm,language,contacts.peopleName"]
            let json = try await cli.run(["customer", "get", "CRM-1001"] + fields, on: sandbox)
            #expect(json.status == 0, "\(json.stderrText)")
            let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
            #expect(Set(object.keys) == ["firm", "language", "contacts"], "\(json.stdoutText)")

            let jsonl = try await cli.run(
                ["customer", "get", "CRM-1001", "--output", "jsonl", "--fields", "firm"],
                on: sandbox)
            #expect(jsonl.stdoutText == #"{"firm":"Muster AG"}"# + "\n")

            let csv = try await cli.run(["customer", "get", "CRM-1001", "--output", "csv"] + fields, on: sandbox)
            #expect(csv.stdoutText == "firm,language,contacts.peopleName\r\nMuster AG,de,Erika\r\n")

            let table = try await cli.run(["customer", "get", "CRM-1001", "--output", "table"] + fields, on: sandbox)
            let rows = table.stdoutText.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
            #expect(
                rows == ["FIELD VALUE", "firm Muster AG", "language de", "contacts.peopleName Erika"],
                "\(table.stdoutText)")
        }
    }

    @Test("an unknown field is a usage error (exit 64) naming the known fields; nothing on stdout")
    func unknownField() async throws {
        try await withResourceSandbox { sandbox, cli in
            let list = try await cli.run(["customer", "list", "--fields", "externalCrmId,frim"], on: sandbox)
            #expect(list.status == 64)
            #expect(list.stdout.isEmpty, "\(list.stdoutText)")
            #expect(list.stderrText.contains("unknown field 'frim'"), "\(list.stderrText)")
            #expect(list.stderrText.contains("firm") && list.stderrText.contains("externalCrmId"))

            let nested = try await cli.run(["campaign", "get", "P-1", "--fields", "name"], on: sandbox)
            // No campaign P-1 in the demo data: the 404 comes first; the field check needs a result.
            #expect(nested.status == 4)

            let deep = try await cli.run(["customer", "get", "CRM-1001", "--fields", "mainAddress.town"], on: sandbox)
            #expect(deep.status == 64)
            #expect(
                deep.stderrText.contains("known fields of mainAddress: mainAddress.externalCrmId"),
                "\(deep.stderrText)")

            let empty = try await cli.run(["customer", "list", "--fields", "firm,,status"], on: sandbox)
            #expect(empty.status == 64)
        }
    }
}
