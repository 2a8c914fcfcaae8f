import Foundation
import GoTomModels
import GoTomSync
import Testing

/// The file readers alone: what a line or row becomes, and which files are refused before anything is sent.
@Suite("Customer file readers")
struct CustomerFileReaderTests {
    static func records(_ text: String, format: CustomerFileFormat) throws -> [SyncRecord] {
        let scratch = try ScratchFolder()
        defer { scratch.cleanUp() }
        let reader = try CustomerFileReader(
            path: try scratch.write(text, to: format == .csv ? "input.csv" : "input.jsonl"), format: format)
        var records: [SyncRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    @Test("JSON Lines: a customer object and the upsert's whole body give the same record; blank lines are skipped")
    func jsonLines() throws {
        let customer =
            #"{"externalCrmId":"J-1","firm":"Eins","status":1,"statusEc":1,"language":"de","mainAddress":{"externalCrmId":"J-1-A"}}"#
        let records = try Self.records(
            "\u{FEFF}\(customer)\n\n  \n{\"customer\": \(customer)}\r\n{\"externalCrmId\":\"J-2\"}\n",
            format: .jsonl)
        #expect(records.map(\.position) == [1, 4, 5])
        #expect(records[0].problem == nil && records[1].problem == nil)
        #expect(records[0].body == records[1].body, "the envelope's customer is the record")
        #expect(records[0].crmId == "J-1")
        #expect(records[2].crmId == "J-2")
        #expect(records[2].problem == "line 5: missing required field 'firm'")
    }

    @Test("CSV: columns by name, a quoted cell over two lines, the row's line in a problem")
    func csv() throws {
        let records = try Self.records(
            """
            externalCrmId,firm,language,zip,city,country,note,_comment
            C-1,"Muster, AG",de,8000,Zürich,CH,"zwei
            Zeilen",egal
            C-2,Zwei,xx,,,,,
            """, format: .csv)
        #expect(records.map(\.position) == [2, 4])
        #expect(records[0].problem == nil)
        let first = try JSONDecoder().decode(CustomerWrite.self, from: Data(records[0].body.utf8))
        #expect(first.firm == "Muster, AG" && first.note == "zwei\nZeilen")
        #expect(first.addresses?.first?.place == "Zürich")
        #expect(records[1].problem?.hasPrefix("line 4: ") == true, "\(records[1].problem ?? "")")
    }

    @Test(
        "CSV headers that would drop data are refused before any record is read",
        arguments: [
            ("externalCrmId,firm,language,zipcode\n", "CSV column 'zipcode' (column 4) is not in the mapping"),
            ("externalCrmId,firm,firm,language\n", "CSV column 'firm' appears twice"),
            ("externalCrmId,language\n", "the CSV header lacks the required column 'firm'"),
            ("", "is empty: a CSV file needs a header row"),
        ])
    func refusedHeaders(header: String, message: String) throws {
        let error = #expect(throws: SyncError.self) { try Self.records(header, format: .csv) }
        #expect(error == .invalidHeader)
        #expect(error?.detail.contains(message) == true, "\(error?.detail ?? "")")
    }

    @Test("a missing file is unreadable input, not a crash")
    func missingFile() {
        let error = #expect(throws: SyncError.self) {
            try CustomerFileReader(path: "/nonexistent/customers.jsonl", format: .jsonl)
        }
        #expect(error == .inputUnreadable)
    }

    @Test("the format is detected by extension, else by the first character")
    func detect() throws {
        let scratch = try ScratchFolder()
        defer { scratch.cleanUp() }
        #expect(CustomerFileFormat.detect(path: try scratch.write("a,b\n", to: "x.csv")) == .csv)
        #expect(CustomerFileFormat.detect(path: try scratch.write("a,b\n", to: "x.ndjson")) == .jsonl)
        #expect(CustomerFileFormat.detect(path: try scratch.write("  {\"a\":1}\n", to: "export")) == .jsonl)
        #expect(CustomerFileFormat.detect(path: try scratch.write("externalCrmId,firm\n", to: "export2")) == .csv)
    }
}
