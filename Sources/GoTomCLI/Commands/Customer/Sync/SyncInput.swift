import ArgumentParser
import Foundation
import GoTomModels

/// The input formats of `gotom customer sync`.
package enum SyncInputFormat: String, CaseIterable, ExpressibleByArgument {
    /// One `CustomerWrite` JSON object per line, or the upsert's whole body `{"customer": {...}}`.
    case jsonl
    /// A header row and one customer per row, mapped by ``CSVCustomerMapping``.
    case csv

    /// The format named by the file's extension (`.csv`; `.jsonl`, `.ndjson`, `.json`), else by its first byte.
    static func detect(path: String) -> SyncInputFormat {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "csv": return .csv
        case "jsonl", "ndjson", "json": return .jsonl
        default:
            guard let handle = FileHandle(forReadingAtPath: path) else { return .jsonl }
            defer { try? handle.close() }
            let head = (try? handle.read(upToCount: 4096)) ?? Data()
            let first = head.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
            return first == UInt8(ascii: "{") ? .jsonl : .csv
        }
    }
}

/// One record of the input file, checked.
package struct SyncInputRecord {
    /// The line where the record starts (1-based).
    package var line: Int
    /// Its externalCrmId, or `""` when it cannot be read.
    package var crmId: String
    /// Valid: the canonical JSON of the `CustomerWrite` (sorted keys). Invalid: the input as JSON text.
    package var body: String
    /// Why the record cannot be sent (names the field or column), or `nil` when it is valid.
    package var problem: String?
}

/// Reads a file line by line in 256 KiB chunks, so that memory stays flat whatever the file's size.
package final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// The number of the line returned last (1-based).
    package private(set) var lineNumber = 0

    package init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIError("cannot read \(path): no such file or not readable")
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next line without its line break (and without a UTF-8 byte-order mark on the first line).
    package func next() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var line = buffer[start..<newline]
                start = newline + 1
                return finish(&line)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                var line = buffer[start...]
                start = buffer.count
                return finish(&line)
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            let chunk = try handle.read(upToCount: 256 * 1024) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    private func finish(_ line: inout ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        lineNumber += 1
        if line.last == 0x0D { line = line.dropLast() }
        if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        return line
    }
}

/// Reads and checks the records of a JSON Lines or CSV file, one at a time.
package final class SyncInputReader {
    private let reader: LineReader
    private let format: SyncInputFormat
    private var mapping: CSVCustomerMapping?
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    private let decoder = JSONDecoder()

    /// Opens the file; for CSV, reads and checks the header row.
    ///
    /// - Throws: ``CLIError`` when the file cannot be read or the CSV header does not fit the mapping.
    package init(path: String, format: SyncInputFormat) throws {
        reader = try LineReader(path: path)
        self.format = format
        if format == .csv {
            guard let header = try CSVRowReader.next(from: reader) else {
                throw CLIError("\(path) is empty: a CSV file needs a header row", exitCode: .usage)
            }
            mapping = try CSVCustomerMapping(header: header.cells)
        }
    }

    /// The next record, or `nil` at the end of the file. Blank lines are skipped.
    package func next() throws -> SyncInputRecord? {
        switch format {
        case .jsonl:
            while let line = try reader.next() {
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                return jsonRecord(Data(line), line: reader.lineNumber)
            }
            return nil
        case .csv:
            while let row = try CSVRowReader.next(from: reader) {
                if row.cells.allSatisfy(\.isEmpty) { continue }
                return csvRecord(row.cells, line: row.line)
            }
            return nil
        }
    }

    private func jsonRecord(_ data: Data, line: Int) -> SyncInputRecord {
        // The line as written is kept only for a record that fails (for the failures file).
        let raw = { String(decoding: data, as: UTF8.self) }
        do {
            let customer = try decoder.decode(CustomerWrite.self, from: data)
            return checked(customer, line: line, raw: raw)
        } catch let error as DecodingError {
            let object = try? decoder.decode(JSONValue.self, from: data)
            // The upsert's whole request body, `{"customer": {...}}`, as integrators who build goTom requests keep it.
            if case .object(let members)? = object, members.count == 1, case .object? = members["customer"] {
                return envelopeRecord(data, line: line, raw: raw, crmId: object?["customer"]?["externalCrmId"])
            }
            let crmId = object?["externalCrmId"]?.stringValue ?? ""
            return SyncInputRecord(
                line: line, crmId: crmId, body: raw(),
                problem: "line \(line): \(Payload.describe(error))")
        } catch {
            return SyncInputRecord(line: line, crmId: "", body: raw(), problem: "line \(line): \(error)")
        }
    }

    /// A line that is the upsert's request body: its `customer` member is the record.
    private func envelopeRecord(_ data: Data, line: Int, raw: () -> String, crmId: JSONValue?) -> SyncInputRecord {
        do {
            guard let customer = try decoder.decode(Customer.self, from: data).customer else {
                return SyncInputRecord(line: line, crmId: "", body: raw(), problem: "line \(line): no customer")
            }
            return checked(customer, line: line, raw: raw)
        } catch let error as DecodingError {
            return SyncInputRecord(
                line: line, crmId: crmId?.stringValue ?? "", body: raw(),
                problem: "line \(line): \(Payload.describe(error))")
        } catch {
            return SyncInputRecord(line: line, crmId: "", body: raw(), problem: "line \(line): \(error)")
        }
    }

    private func csvRecord(_ cells: [String], line: Int) -> SyncInputRecord {
        guard let mapping else { preconditionFailure("CSV input without a mapping") }
        // The row as a JSON object is built only for a record that fails (for the failures file).
        let raw = { [encoder] in
            let rowObject = JSONValue.object(
                Dictionary(
                    zip(mapping.header, cells).map { ($0, JSONValue.string($1)) },
                    uniquingKeysWith: { first, _ in first }))
            return (try? encoder.encode(rowObject)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }
        do {
            let customer = try mapping.customer(from: cells)
            return checked(customer, line: line, raw: raw)
        } catch {
            return SyncInputRecord(
                line: line, crmId: mapping.crmId(in: cells), body: raw(),
                problem: "line \(line): \(error.message)")
        }
    }

    private func checked(_ customer: CustomerWrite, line: Int, raw: () -> String) -> SyncInputRecord {
        if let problem = Self.problem(in: customer) {
            return SyncInputRecord(
                line: line, crmId: customer.externalCrmId, body: raw(),
                problem: "line \(line): \(problem)")
        }
        guard let data = try? encoder.encode(customer) else {
            return SyncInputRecord(
                line: line, crmId: customer.externalCrmId, body: raw(),
                problem: "line \(line): the record cannot be encoded")
        }
        return SyncInputRecord(line: line, crmId: customer.externalCrmId, body: String(decoding: data, as: UTF8.self))
    }

    /// The first value goTom would reject for its form alone: empty keys, values outside the documented enums.
    static func problem(in customer: CustomerWrite) -> String? {
        func notAllowed(_ field: String, _ value: some CustomStringConvertible, _ allowed: [String]) -> String {
            "field '\(field)': '\(value)' is not one of \(allowed.joined(separator: ", "))"
        }
        if customer.externalCrmId.trimmingCharacters(in: .whitespaces).isEmpty {
            return "field 'externalCrmId' must not be empty"
        }
        if customer.firm.trimmingCharacters(in: .whitespaces).isEmpty { return "field 'firm' must not be empty" }
        if customer.mainAddress.externalCrmId.isEmpty { return "field 'mainAddress.externalCrmId' must not be empty" }
        if !customer.status.isKnown {
            return notAllowed("status", customer.status.rawValue, CustomerStatus.knownValues.map { "\($0.rawValue)" })
        }
        if !customer.statusEc.isKnown {
            return notAllowed("statusEc", customer.statusEc.rawValue, CustomerType.knownValues.map { "\($0.rawValue)" })
        }
        if !customer.language.isKnown {
            return notAllowed("language", customer.language.rawValue, CustomerLanguage.knownValues.map(\.rawValue))
        }
        if let vatType = customer.vatType, !vatType.isKnown {
            return notAllowed("vatType", vatType.rawValue, VatType.knownValues.map { "\($0.rawValue)" })
        }
        for (index, address) in (customer.addresses ?? []).enumerated() {
            if let rule = address.sendingRule, !rule.isKnown {
                return notAllowed(
                    "addresses[\(index)].sendingRule", rule.rawValue,
                    InvoiceSendingRule.knownValues.map(\.rawValue))
            }
        }
        for (index, contact) in (customer.contacts ?? []).enumerated() where !contact.peopleGender.isKnown {
            return notAllowed(
                "contacts[\(index)].peopleGender", contact.peopleGender.rawValue,
                ContactGender.knownValues.map(\.rawValue))
        }
        return nil
    }
}

/// Splits CSV rows (RFC 4180: commas, double quotes, `""` inside quotes, line breaks inside quotes).
package enum CSVRowReader {
    /// The next row and the line it starts on, or `nil` at the end of the input.
    package static func next(from reader: LineReader) throws -> (cells: [String], line: Int)? {
        guard var line = try reader.next() else { return nil }
        let startLine = reader.lineNumber
        var cells: [String] = []
        var cell: [UInt8] = []
        var quoted = false
        var index = line.startIndex
        while true {
            if index == line.endIndex {
                if quoted, let following = try reader.next() {
                    cell.append(0x0A)
                    line = following
                    index = line.startIndex
                    continue
                }
                cells.append(String(decoding: cell, as: UTF8.self))
                return (cells, startLine)
            }
            let byte = line[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < line.endIndex, line[index] == UInt8(ascii: "\"") {
                        cell.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(byte)
                }
            } else if byte == UInt8(ascii: ",") {
                cells.append(String(decoding: cell, as: UTF8.self))
                cell = []
            } else if byte == UInt8(ascii: "\"") && cell.isEmpty {
                quoted = true
            } else {
                cell.append(byte)
            }
        }
    }
}
