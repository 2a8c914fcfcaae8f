import Foundation
import GoTomTestSupport
import Testing

/// `gotom keys ENTITY` and `gotom prices TARIF_ID` end to end against the sandbox binary.
@Suite("gotom keys and gotom prices")
struct MasterDataCommandTests {
    /// Small pages: six demo platforms make three pages of keys, tarif 1's seven price rows three pages of prices.
    static let fixtures = #"{"settings": {"primaryKeyPageSize": 2, "pricePageSize": 3}}"#

    @Test("keys: first page only, --all over three pages, --limit, and every output format")
    func keys() async throws {
        try await withResourceSandbox(fixtures: Self.fixtures) { sandbox, cli in
            let first = try await cli.run(["keys", "platform"], on: sandbox)
            #expect(first.status == 0, "\(first.stderrText)")
            #expect(try names(ofArray: first.stdout) == ["NZZ.ch", "Tages-Anzeiger"])
            #expect(sandbox.requests == ["GET /app-api/primary-keys/platform 200"], "\(sandbox.requests)")

            let all = try await cli.run(["keys", "platform", "--all", "--output", "json", "--pretty"], on: sandbox)
            #expect(all.status == 0)
            #expect(all.stdoutText.hasPrefix("[\n  {\n"))
            #expect(
                try names(ofArray: all.stdout)
                    == [
                        "NZZ.ch", "Tages-Anzeiger", "20 Minuten", "Blick.ch", "Süddeutsche.de",
                        "Netzwerk Deutschschweiz",
                    ])
            #expect(sandbox.requests.count == 4, "\(sandbox.requests)")

            let lines = try await cli.run(["keys", "platform", "--all", "--output", "jsonl"], on: sandbox)
            let ids = lines.stdoutText.split(separator: "\n").map { line in
                ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["id"] as? Int
            }
            #expect(ids == [1, 2, 3, 4, 5, 9])

            let limited = try await cli.run(["keys", "platform", "--limit", "3", "--output", "csv"], on: sandbox)
            #expect(limited.status == 0)
            #expect(limited.stdoutText == "id,name\r\n1,NZZ.ch\r\n2,Tages-Anzeiger\r\n3,20 Minuten\r\n")

            let table = try await cli.run(["keys", "user", "--all", "--output", "table"], on: sandbox)
            #expect(table.status == 0)
            let rows = table.stdoutText.split(separator: "\n").map(String.init)
            #expect(rows.count == 4, "\(table.stdoutText)")
            #expect(rows.first?.hasPrefix("ID  NAME") == true && rows.first?.hasSuffix("EMAIL") == true, "\(rows)")
            #expect(rows.contains { $0.hasPrefix("3   Claudia Weber") && $0.hasSuffix("claudia.weber@example.ch") })

            let strings = try await cli.run(["keys", "ADSERVER", "--output", "csv", "--all"], on: sandbox)
            #expect(strings.status == 0, "\(strings.stderrText)")
            #expect(strings.stdoutText == "id,name\r\ngam,Google Ad Manager\r\nnone,Ohne AdServer\r\nxandr1,Xandr\r\n")
        }
    }

    @Test("keys: an unknown entity is a usage error that lists the valid ones, and nothing is sent")
    func unknownEntity() async throws {
        try await withResourceSandbox { sandbox, cli in
            let output = try await cli.run(["keys", "platforms"], on: sandbox)
            #expect(output.status == 64)
            #expect(output.stderrText.contains("unknown entity 'platforms'"), "\(output.stderrText)")
            for entity in ["user", "tarif", "priceType", "platform", "flightPositionType", "flightTags"] {
                #expect(output.stderrText.contains(entity))
            }
            #expect(output.stdout.isEmpty)
            #expect(sandbox.requests.isEmpty, "\(sandbox.requests)")
        }
    }

    @Test("prices: first page, --all, table with names, CSV with ids, 404 for an unknown tarif")
    func prices() async throws {
        try await withResourceSandbox(fixtures: Self.fixtures) { sandbox, cli in
            let first = try await cli.run(["prices", "1"], on: sandbox)
            #expect(first.status == 0, "\(first.stderrText)")
            let firstRows = try #require(try JSONSerialization.jsonObject(with: first.stdout) as? [[String: Any]])
            #expect(firstRows.count == 3)
            #expect(firstRows.first?["price"] as? Int == 45)

            let all = try await cli.run(["prices", "1", "--all", "--output", "jsonl"], on: sandbox)
            #expect(all.status == 0)
            let prices = all.stdoutText.split(separator: "\n").map { line in
                ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["price"] as? Int
            }
            #expect(prices == [45, 58, 38, 52, 30, 60, 1500])
            #expect(sandbox.requests.filter { $0.contains("/export/price/tarif/1") }.count == 4)

            let table = try await cli.run(["prices", "1", "--all", "--output", "table"], on: sandbox)
            let rows = table.stdoutText.split(separator: "\n").map(String.init)
            #expect(rows.count == 8, "\(table.stdoutText)")
            #expect(rows.first?.hasPrefix("PLATFORM") == true && rows.first?.hasSuffix("PRICE") == true)
            #expect(
                rows.contains { $0.hasPrefix("NZZ.ch") && $0.contains("Premium-Platzierung") && $0.hasSuffix("58") })

            let csv = try await cli.run(["prices", "2", "--all", "--output", "csv"], on: sandbox)
            let csvRows = csv.stdoutText.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(csvRows.count == 4, "\(csv.stdoutText)")
            #expect(
                csvRows.first == "tarifId,tarif,platformId,platform,channelId,channel,mediaId,media,advertisingId,"
                    + "advertising,priceTypeId,priceType,extraPriceLevelId,extraPriceLevel,price")
            #expect(
                csvRows.contains(
                    "2,Tarif 2026,5,Süddeutsche.de,10,Desktop,20,Display,30,Medium Rectangle 300x250,1,"
                        + "1000 Impressions (TKP),,,42"), "\(csvRows)")

            let missing = try await cli.run(["prices", "99"], on: sandbox)
            #expect(missing.status == 4)
            #expect(missing.stderrText == "gotom: tarif 99 not found (HTTP 404)\n", "\(missing.stderrText)")
            #expect(missing.stdout.isEmpty)

            let notANumber = try await cli.run(["prices", "eins"], on: sandbox)
            #expect(notANumber.status == 64)
        }
    }

    @Test("keys and prices help lists the entities and has examples")
    func help() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let keys = try await cli.run(["keys", "--help"])
        #expect(keys.status == 0)
        #expect(keys.stdoutText.contains("Examples:\n  gotom keys platform"))
        #expect(keys.stdoutText.contains("flightPositionType"))
        let prices = try await cli.run(["prices", "--help"])
        #expect(prices.stdoutText.contains("Examples:\n  gotom prices 1"))
    }
}

/// The `name`s of a JSON array of primary keys, in order.
private func names(ofArray data: Data) throws -> [String] {
    let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    return array.compactMap { $0["name"] as? String }
}
