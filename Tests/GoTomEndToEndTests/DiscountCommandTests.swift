import Foundation
import GoTomTestSupport
import Testing

/// `gotom discount …` end to end against the sandbox binary.
@Suite("gotom discount")
struct DiscountCommandTests {
    /// Starts a sandbox with campaign P-1, flights P-1-F1 and P-1-F2, and campaign discount EARLY.
    static func withDiscount(_ body: (ResourceSandbox, CLIHarness) async throws -> Void) async throws {
        try await withResourceSandbox { sandbox, cli in
            for arguments in [
                BookingTestSupport.createCampaign(), BookingTestSupport.createFlight("P-1", "P-1-F1"),
                BookingTestSupport.createFlight("P-1", "P-1-F2"),
                ["discount", "create", "P-1", "--external-id", "EARLY", "--name", "Frühbucher"],
            ] {
                let result = try await cli.run(arguments, on: sandbox)
                try #require(result.status == 0, "\(arguments): \(result.stderrText)")
            }
            try await body(sandbox, cli)
        }
    }

    @Test("every discount command has help with examples")
    func help() async throws {
        try await BookingTestSupport.expectHelpWithExamples([
            ["discount"], ["discount", "list"], ["discount", "create"], ["discount", "update"],
            ["discount", "delete"], ["discount", "flight"], ["discount", "flight", "list"],
            ["discount", "flight", "get"], ["discount", "flight", "create"], ["discount", "flight", "update"],
            ["discount", "flight", "delete"],
        ])
    }

    @Test("create prints the stored discount; list as JSON, pretty JSON, JSON Lines, table and CSV")
    func createAndList() async throws {
        try await withResourceSandbox { sandbox, cli in
            _ = try await cli.run(BookingTestSupport.createCampaign(), on: sandbox)
            let created = try await cli.run(
                [
                    "discount", "create", "P-1", "--external-id", "EARLY", "--name",
                    "Frühbucher",
                ], on: sandbox)
            #expect(created.status == 0, "\(created.stderrText)")
            #expect(
                try BookingTestSupport.object(created) as NSDictionary
                    == ["externalId": "EARLY", "name": "Frühbucher"] as NSDictionary)
            #expect(created.stderrText == "created discount EARLY in campaign P-1\n")
            let file = try BookingTestSupport.write(
                #"{"externalId": "LOYAL", "name": "aus der Datei"}"#,
                named: "discount.json", in: cli)
            let merged = try await cli.run(
                ["discount", "create", "P-1", "--file", file, "--name", "Treue, 2025"],
                on: sandbox)
            #expect(try BookingTestSupport.object(merged)["name"] as? String == "Treue, 2025")

            let json = try await cli.run(["discount", "list", "P-1"], on: sandbox)
            let items = try BookingTestSupport.array(json)
            #expect(items.map { $0["externalId"] as? String } == ["EARLY", "LOYAL"])
            #expect(items.map { $0["name"] as? String } == ["Frühbucher", "Treue, 2025"])
            let pretty = try await cli.run(["discount", "list", "P-1", "--output", "json", "--pretty"], on: sandbox)
            #expect(pretty.stdoutText.hasPrefix("[\n  {\n    \"externalId\" : \"EARLY\""), "\(pretty.stdoutText)")
            let jsonl = try await cli.run(["discount", "list", "P-1", "--output", "jsonl"], on: sandbox)
            #expect(try BookingTestSupport.lines(jsonl).map { $0["externalId"] as? String } == ["EARLY", "LOYAL"])
            let table = try await cli.run(["discount", "list", "P-1", "--output", "table"], on: sandbox)
            let rows = table.stdoutText.split(separator: "\n")
            #expect(rows.first?.hasPrefix("EXTERNAL ID  ENTITY ID  NAME") == true, "\(table.stdoutText)")
            #expect(rows.count == 3)
            let csv = try await cli.run(["discount", "list", "P-1", "--output", "csv"], on: sandbox)
            #expect(
                csv.stdoutText == "EXTERNAL ID,ENTITY ID,NAME,FLIGHT DISCOUNTS\r\nEARLY,,Frühbucher,[]\r\n"
                    + "LOYAL,,\"Treue, 2025\",[]\r\n")

            let duplicate = try await cli.run(
                ["discount", "create", "P-1", "--external-id", "EARLY", "--name", "x"],
                on: sandbox)
            #expect(duplicate.status == 4)
            #expect(duplicate.stderrText.contains("450ae979-312c-45b9-b61a-dfcde745b8e7"), "\(duplicate.stderrText)")
        }
    }

    @Test("a discount without a name is refused before sending (exit 64)")
    func createValidation() async throws {
        try await withResourceSandbox { sandbox, cli in
            _ = try await cli.run(BookingTestSupport.createCampaign(), on: sandbox)
            let before = sandbox.requests.count
            let result = try await cli.run(["discount", "create", "P-1", "--external-id", "EARLY"], on: sandbox)
            #expect(result.status == 64)
            #expect(result.stderrText.contains("missing required field 'name'"), "\(result.stderrText)")
            #expect(sandbox.requests.count == before)
            let list = try await cli.run(["discount", "list", "P-1"], on: sandbox)
            #expect(try BookingTestSupport.array(list).isEmpty)
            let none = try await cli.run(["discount", "list", "P-1", "--output", "table"], on: sandbox)
            #expect(none.stdoutText == "(no items)\n")
        }
    }

    @Test("flight discounts: create, get, update, list as CSV and JSON Lines, delete")
    func flightDiscounts() async throws {
        try await Self.withDiscount { sandbox, cli in
            let created = try await cli.run(
                [
                    "discount", "flight", "create", "P-1", "EARLY", "--flight", "P-1-F1",
                    "--external-id", "EARLY-F1", "--percent", "10",
                ], on: sandbox)
            #expect(created.status == 0, "\(created.stderrText)")
            #expect(created.stdoutText.isEmpty)
            #expect(created.stderrText == "created flight discount EARLY-F1 of discount EARLY of campaign P-1\n")
            let shown = try await cli.run(
                [
                    "discount", "flight", "create", "P-1", "EARLY", "--flight", "P-1-F2",
                    "--external-id", "EARLY-F2", "--sum", "500", "--show",
                ], on: sandbox)
            #expect(try BookingTestSupport.object(shown)["amountSum"] as? Int == 500)

            let read = try BookingTestSupport.object(
                try await cli.run(["discount", "flight", "get", "P-1", "EARLY", "EARLY-F1"], on: sandbox))
            #expect(read["amountPercent"] as? Int == 10)
            #expect(read["flightExternalId"] as? String == "P-1-F1")

            let updated = try await cli.run(
                [
                    "discount", "flight", "update", "P-1", "EARLY", "EARLY-F1", "--percent",
                    "12.5",
                ], on: sandbox)
            #expect(updated.status == 0, "\(updated.stderrText)")

            let csv = try await cli.run(["discount", "flight", "list", "P-1", "--output", "csv"], on: sandbox)
            #expect(
                csv.stdoutText == "DISCOUNT,EXTERNAL ID,FLIGHT,PERCENT,SUM\r\nEARLY,EARLY-F1,P-1-F1,12.5,0\r\n"
                    + "EARLY,EARLY-F2,P-1-F2,0,500\r\n")
            let jsonl = try await cli.run(
                ["discount", "flight", "list", "P-1", "EARLY", "--output", "jsonl"],
                on: sandbox)
            #expect(
                try BookingTestSupport.lines(jsonl).map { $0["externalId"] as? String } == ["EARLY-F1", "EARLY-F2"])
            let unknown = try await cli.run(["discount", "flight", "list", "P-1", "NOPE"], on: sandbox)
            #expect(unknown.status == 4)

            let blocked = try await cli.run(["discount", "delete", "P-1", "EARLY"], on: sandbox)
            #expect(blocked.status == 4)
            #expect(blocked.stderrText.contains("d4c8a1b5-7492-4c65-833f-d3473dd76854"), "\(blocked.stderrText)")

            for id in ["EARLY-F1", "EARLY-F2"] {
                let deleted = try await cli.run(["discount", "flight", "delete", "P-1", "EARLY", id], on: sandbox)
                #expect(deleted.status == 0, "\(deleted.stderrText)")
            }
            let gone = try await cli.run(["discount", "flight", "get", "P-1", "EARLY", "EARLY-F1"], on: sandbox)
            #expect(gone.status == 4)
            let deleted = try await cli.run(["discount", "delete", "P-1", "EARLY"], on: sandbox)
            #expect(deleted.status == 0, "\(deleted.stderrText)")
            #expect(deleted.stderrText == "deleted discount EARLY of campaign P-1\n")
            #expect(try BookingTestSupport.array(try await cli.run(["discount", "list", "P-1"], on: sandbox)).isEmpty)
        }
    }

    @Test("flight discount flags win over the file; the unused amount is sent as null")
    func flightDiscountMerge() async throws {
        try await Self.withDiscount { sandbox, cli in
            let file = try BookingTestSupport.write(
                #"{"flightExternalId": "P-1-F1", "externalId": "FD-1", "amountPercent": 5, "amountSum": null}"#,
                named: "fd.json", in: cli)
            let percent = try await cli.run(
                [
                    "discount", "flight", "create", "P-1", "EARLY", "--file", file,
                    "--percent", "7",
                ], on: sandbox)
            #expect(percent.status == 0, "\(percent.stderrText)")
            let first = try BookingTestSupport.object(
                try await cli.run(["discount", "flight", "get", "P-1", "EARLY", "FD-1"], on: sandbox))
            #expect(first["amountPercent"] as? Int == 7)

            let sum = try await cli.run(
                [
                    "discount", "flight", "create", "P-1", "EARLY", "--file", file,
                    "--external-id", "FD-2", "--flight", "P-1-F2", "--sum", "300", "--dry-run",
                ], on: sandbox)
            #expect(sum.status == 0)
            #expect(
                try BookingTestSupport.object(sum) as NSDictionary == [
                    "flightExternalId": "P-1-F2", "externalId": "FD-2", "amountPercent": NSNull(), "amountSum": 300,
                ] as NSDictionary)
        }
    }

    @Test("flight discount input errors exit 64 without sending; goTom's violations exit 4")
    func flightDiscountValidation() async throws {
        try await Self.withDiscount { sandbox, cli in
            let before = sandbox.requests.count
            let noFlight = try await cli.run(
                [
                    "discount", "flight", "create", "P-1", "EARLY", "--external-id", "FD",
                    "--percent", "5",
                ], on: sandbox)
            #expect(noFlight.status == 64)
            #expect(noFlight.stderrText.contains("missing required field 'flightExternalId'"), "\(noFlight.stderrText)")
            let both = try await cli.run(
                [
                    "discount", "flight", "create", "P-1", "EARLY", "--flight", "P-1-F1",
                    "--external-id", "FD", "--percent", "5", "--sum", "10",
                ], on: sandbox)
            #expect(both.status == 64)
            #expect(both.stderrText.contains("--percent or --sum, not both"))
            let noAmount = try await cli.run(["discount", "flight", "update", "P-1", "EARLY", "FD"], on: sandbox)
            #expect(noAmount.status == 64)
            #expect(sandbox.requests.count == before, "nothing was sent: \(sandbox.requests)")

            let neither = try await cli.run(
                [
                    "discount", "flight", "create", "P-1", "EARLY", "--flight", "P-1-F1",
                    "--external-id", "FD",
                ], on: sandbox)
            #expect(neither.status == 4)
            #expect(neither.stderrText.contains("b3b2187f-b34a-489e-ae7e-e171e7776bd4"), "\(neither.stderrText)")
            let noSuchFlight = try await cli.run(
                [
                    "discount", "flight", "create", "P-1", "EARLY", "--flight", "F-9",
                    "--external-id", "FD", "--percent", "5",
                ], on: sandbox)
            #expect(noSuchFlight.status == 4)
            #expect(noSuchFlight.stderrText.contains("404"))
            let list = try await cli.run(["discount", "flight", "list", "P-1"], on: sandbox)
            #expect(try BookingTestSupport.array(list).isEmpty)
        }
    }

    @Test("update renames a campaign discount; --show prints it")
    func rename() async throws {
        try await Self.withDiscount { sandbox, cli in
            let renamed = try await cli.run(
                [
                    "discount", "update", "P-1", "EARLY", "--name", "Frühbucher 2025",
                    "--show",
                ], on: sandbox, stdin: Data(#"{"name": "aus stdin"}"#.utf8))
            #expect(renamed.status == 0, "\(renamed.stderrText)")
            #expect(try BookingTestSupport.object(renamed)["name"] as? String == "Frühbucher 2025")
            let list = try await cli.run(["discount", "list", "P-1"], on: sandbox)
            #expect(try BookingTestSupport.array(list).first?["name"] as? String == "Frühbucher 2025")
            let nothing = try await cli.run(["discount", "update", "P-1", "EARLY"], on: sandbox)
            #expect(nothing.status == 64)
        }
    }
}
