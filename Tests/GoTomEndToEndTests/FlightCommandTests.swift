import Foundation
import GoTomTestSupport
import Testing

/// `gotom flight …` end to end against the sandbox binary.
@Suite("gotom flight")
struct FlightCommandTests {
    /// A campaign with a flight that has been pushed to the ad server (the API cannot create that state).
    static let lineItemFixtures = """
        {"campaigns": [{
          "externalId": "LI-1", "name": "Gepusht", "status": "booking", "bookingDate": "2025-03-01",
          "customer": {"entityExternalCrmId": "CRM-1001"},
          "flights": [{
            "externalId": "LI-1-F1", "adServerId": "gam", "tarifId": 1, "mediaId": 20, "platformId": 1,
            "channelId": 10, "advertisingId": 30, "priceTypeId": 1, "units": 100000, "bruttoPriceUnit": 45,
            "runtime": {"start": {"date": "2025-03-01"}, "end": {"date": "2025-03-31"}},
            "lineItem": {"strategyId": "S-1", "adserverId": 4711}
          }]
        }]}
        """

    /// Starts a sandbox with campaign P-1 and flights P-1-F1 (platform 1) and P-1-NET (network platform 9).
    static func withFlights(
        fixtures: String? = nil, _ body: (ResourceSandbox, CLIHarness) async throws -> Void
    ) async throws {
        try await withResourceSandbox(fixtures: fixtures) { sandbox, cli in
            for arguments in [
                BookingTestSupport.createCampaign(), BookingTestSupport.createFlight("P-1", "P-1-F1"),
                BookingTestSupport.createFlight("P-1", "P-1-NET", network: true),
            ] {
                let result = try await cli.run(arguments, on: sandbox)
                try #require(result.status == 0, "\(arguments): \(result.stderrText)")
            }
            try await body(sandbox, cli)
        }
    }

    @Test("every flight command has help with examples")
    func help() async throws {
        try await BookingTestSupport.expectHelpWithExamples([
            ["flight"], ["flight", "list"], ["flight", "get"], ["flight", "create"], ["flight", "update"],
            ["flight", "delete"], ["flight", "lineitems"], ["flight", "sublines"], ["flight", "set-sublines"],
            ["flight", "commission"], ["flight", "set-commission"],
        ])
    }

    @Test("create and get; list as JSON array, JSON Lines, table and CSV")
    func createGetList() async throws {
        try await Self.withFlights { sandbox, cli in
            let flight = try BookingTestSupport.object(
                try await cli.run(["flight", "get", "P-1", "P-1-F1"], on: sandbox))
            #expect(flight["units"] as? Int == 250_000)
            #expect(flight["bruttoPriceUnit"] as? Int == 45)
            #expect(
                ((flight["runtime"] as? [String: Any])?["end"] as? [String: Any])?["date"] as? String == "2025-06-30")

            let json = try await cli.run(["flight", "list", "P-1"], on: sandbox)
            #expect(json.status == 0)
            #expect(try BookingTestSupport.array(json).map { $0["externalId"] as? String } == ["P-1-F1", "P-1-NET"])
            let pretty = try await cli.run(["flight", "list", "P-1", "--output", "json", "--pretty"], on: sandbox)
            #expect(pretty.stdoutText.hasPrefix("[\n  {\n"))
            #expect(try BookingTestSupport.array(pretty).count == 2)

            let jsonl = try await cli.run(["flight", "list", "P-1", "--output", "jsonl"], on: sandbox)
            #expect(try BookingTestSupport.lines(jsonl).map { $0["platformId"] as? Int } == [1, 9])

            let table = try await cli.run(["flight", "list", "P-1", "--output", "table"], on: sandbox)
            let rows = table.stdoutText.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            #expect(rows.count == 3)
            #expect(rows.first?.prefix(3) == ["EXTERNAL", "ID", "START"])
            #expect(rows.dropFirst().first == ["P-1-F1", "2025-06-01", "2025-06-30", "1", "10", "250000", "45", "gam"])

            let csv = try await cli.run(["flight", "list", "P-1", "--output", "csv"], on: sandbox)
            #expect(
                csv.stdoutText == """
                    EXTERNAL ID,START,END,PLATFORM,CHANNEL,UNITS,PRICE,AD SERVER\r
                    P-1-F1,2025-06-01,2025-06-30,1,10,250000,45,gam\r
                    P-1-NET,2025-06-01,2025-06-30,9,10,250000,45,gam\r

                    """)
        }
    }

    @Test("a missing required flight field is named, exits 64 and nothing is sent")
    func createValidation() async throws {
        try await Self.withFlights { sandbox, cli in
            let before = sandbox.requests.count
            var arguments = BookingTestSupport.createFlight("P-1", "P-1-F2")
            let index = try #require(arguments.firstIndex(of: "--tarif-id"))
            arguments.removeSubrange(index...(index + 1))
            let missing = try await cli.run(arguments, on: sandbox)
            #expect(missing.status == 64)
            #expect(missing.stderrText.contains("missing required field 'tarifId'"), "\(missing.stderrText)")

            let price = try await cli.run(
                BookingTestSupport.createFlight("P-1", "P-1-F2") + ["--price", "viel"],
                on: sandbox)
            #expect(price.status == 64)
            #expect(price.stderrText.contains("--price"))

            let nested = try await cli.run(
                ["flight", "update", "P-1", "P-1-F1"], on: sandbox,
                stdin: Data(#"{"runtime": {"start": {"time": "08:00"}}}"#.utf8))
            #expect(nested.status == 64)
            #expect(nested.stderrText.contains("missing required field 'runtime.start.date'"), "\(nested.stderrText)")
            #expect(sandbox.requests.count == before, "nothing was sent: \(sandbox.requests)")

            let list = try await cli.run(["flight", "list", "P-1"], on: sandbox)
            #expect(try BookingTestSupport.array(list).count == 2, "no flight was added")
        }
    }

    @Test("update merges flags over the file (flags win); --clear-tags; --show")
    func updateMerge() async throws {
        try await Self.withFlights { sandbox, cli in
            let file = try BookingTestSupport.write(
                #"{"units": 1000, "note": "aus der Datei", "flightTags": [1]}"#,
                named: "flight.json", in: cli)
            let updated = try await cli.run(
                [
                    "flight", "update", "P-1", "P-1-F1", "--file", file, "--units", "300000",
                    "--tag", "1", "--tag", "3", "--show",
                ], on: sandbox)
            #expect(updated.status == 0, "\(updated.stderrText)")
            #expect(updated.stderrText == "updated flight P-1-F1 of campaign P-1\n")
            let shown = try BookingTestSupport.object(updated)
            #expect(shown["units"] as? Int == 300_000)
            #expect(shown["note"] as? String == "aus der Datei")
            #expect((shown["flightTags"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [1, 3])

            let cleared = try await cli.run(["flight", "update", "P-1", "P-1-F1", "--clear-tags"], on: sandbox)
            #expect(cleared.status == 0)
            let flight = try BookingTestSupport.object(
                try await cli.run(["flight", "get", "P-1", "P-1-F1"], on: sandbox))
            #expect((flight["flightTags"] as? [Any])?.isEmpty == true)
            #expect(flight["units"] as? Int == 300_000)
        }
    }

    @Test("delete removes the flight; unknown flights exit 4")
    func deleteAndNotFound() async throws {
        try await Self.withFlights { sandbox, cli in
            let deleted = try await cli.run(["flight", "delete", "P-1", "P-1-F1"], on: sandbox)
            #expect(deleted.status == 0)
            #expect(deleted.stdoutText.isEmpty)
            #expect(deleted.stderrText == "deleted flight P-1-F1 of campaign P-1\n")
            for verb in ["get", "delete", "lineitems", "sublines", "commission"] {
                let result = try await cli.run(["flight", verb, "P-1", "P-1-F1"], on: sandbox)
                #expect(result.status == 4, "\(verb)")
                #expect(result.stderrText.contains("404"), "\(verb): \(result.stderrText)")
            }
            let list = try await cli.run(["flight", "list", "P-1"], on: sandbox)
            #expect(try BookingTestSupport.array(list).map { $0["externalId"] as? String } == ["P-1-NET"])
        }
    }

    @Test("lineitems shows the strategy and line item of a pushed flight")
    func lineItems() async throws {
        try await Self.withFlights(fixtures: Self.lineItemFixtures) { sandbox, cli in
            let pushed = try await cli.run(["flight", "lineitems", "LI-1", "LI-1-F1"], on: sandbox)
            #expect(pushed.status == 0, "\(pushed.stderrText)")
            let item = try BookingTestSupport.object(pushed)
            #expect(item["strategyId"] as? String == "S-1")
            #expect(item["adserverId"] as? Int == 4711)
            let fresh = try await cli.run(["flight", "lineitems", "P-1", "P-1-F1", "--output", "table"], on: sandbox)
            #expect(fresh.stdoutText.hasPrefix("FIELD"), "\(fresh.stdoutText)")
        }
    }

    @Test("set-sublines from flags and file; sublines as table and CSV; a violation leaves them unchanged")
    func sublines() async throws {
        try await Self.withFlights { sandbox, cli in
            let set = try await cli.run(
                [
                    "flight", "set-sublines", "P-1", "P-1-NET", "--subline", "1=50",
                    "--subline", "2=30", "--subline", "3=20:Pendler",
                ], on: sandbox)
            #expect(set.status == 0, "\(set.stderrText)")
            #expect(set.stderrText == "set 3 sublines of flight P-1-NET of campaign P-1\n")

            let csv = try await cli.run(["flight", "sublines", "P-1", "P-1-NET", "--output", "csv"], on: sandbox)
            #expect(csv.stdoutText == "PLATFORM,PERCENTAGE,NOTE\r\n1,50,\r\n2,30,\r\n3,20,Pendler\r\n")
            let table = try await cli.run(["flight", "sublines", "P-1", "P-1-NET", "--output", "table"], on: sandbox)
            #expect(table.stdoutText.split(separator: "\n").first == "PLATFORM  PERCENTAGE  NOTE")
            let json = try await cli.run(["flight", "sublines", "P-1", "P-1-NET"], on: sandbox)
            #expect(try BookingTestSupport.array(json).map { $0["platformId"] as? Int } == [1, 2, 3])

            let bad = try await cli.run(
                [
                    "flight", "set-sublines", "P-1", "P-1-NET", "--subline", "1=50",
                    "--subline", "4=50",
                ], on: sandbox)
            #expect(bad.status == 4)
            #expect(
                bad.stderrText.contains("d368a263-4bd7-4f21-bccf-1188df46991c  sublines[1].platformId"),
                "\(bad.stderrText)")
            let file = try BookingTestSupport.write(
                #"{"sublines": [{"platformId": 1, "percentage": 40}, {"platformId": 2, "percentage": 40}]}"#,
                named: "split.json", in: cli)
            let sum = try await cli.run(["flight", "set-sublines", "P-1", "P-1-NET", "--file", file], on: sandbox)
            #expect(sum.status == 4)
            #expect(sum.stderrText.contains("3b254c3d-590c-4edc-b763-c49f5a703355"))
            let after = try await cli.run(["flight", "sublines", "P-1", "P-1-NET", "--output", "jsonl"], on: sandbox)
            #expect(try BookingTestSupport.lines(after).map { $0["percentage"] as? Int } == [50, 30, 20])

            let fixed = try await cli.run(
                [
                    "flight", "set-sublines", "P-1", "P-1-NET", "--file", file, "--subline",
                    "1=60", "--subline", "2=40", "--show", "--output", "csv",
                ], on: sandbox)
            #expect(fixed.status == 0, "\(fixed.stderrText)")
            #expect(fixed.stdoutText == "PLATFORM,PERCENTAGE,NOTE\r\n1,60,\r\n2,40,\r\n")

            let none = try await cli.run(["flight", "set-sublines", "P-1", "P-1-NET"], on: sandbox)
            #expect(none.status == 64)
        }
    }

    @Test("set-commission from flags; percent and amount together are a violation")
    func commission() async throws {
        try await Self.withFlights { sandbox, cli in
            let set = try await cli.run(
                [
                    "flight", "set-commission", "P-1", "P-1-F1", "--bk-percent", "12.5",
                    "--vmk-type", "VMK", "--vmk-amount", "250",
                ], on: sandbox)
            #expect(set.status == 0, "\(set.stderrText)")
            let read = try BookingTestSupport.object(
                try await cli.run(["flight", "commission", "P-1", "P-1-F1"], on: sandbox))
            #expect(read["bkPercent"] as? Double == 12.5)
            #expect(read["vmkAmount"] as? Int == 250)
            #expect(read["vmkType"] as? String == "VMK")

            let both = try await cli.run(
                [
                    "flight", "set-commission", "P-1", "P-1-F1", "--bk-percent", "10",
                    "--bk-amount", "100",
                ], on: sandbox)
            #expect(both.status == 4)
            #expect(both.stderrText.contains("6e40c9b1-7f75-4a3a-8149-26adecd9a5d4"), "\(both.stderrText)")
            let unchanged = try BookingTestSupport.object(
                try await cli.run(["flight", "commission", "P-1", "P-1-F1"], on: sandbox))
            #expect(unchanged["bkPercent"] as? Double == 12.5)

            let badNumber = try await cli.run(
                ["flight", "set-commission", "P-1", "P-1-F1", "--bk-percent", "1,5"],
                on: sandbox)
            #expect(badNumber.status == 64)
            #expect(badNumber.stderrText.contains("--bk-percent"))
        }
    }
}
