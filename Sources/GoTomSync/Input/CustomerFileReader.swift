import Foundation
import GoTomModels

/// The file formats a customer sync reads.
public enum CustomerFileFormat: String, CaseIterable, Sendable {
    /// One `CustomerWrite` JSON object per line, or the upsert's whole body `{"customer": {...}}`.
    case jsonl
    /// A header row and one customer per row, with the columns of ``CSVCustomerMapping``.
    case csv

    /// The format named by the file's extension (`.csv`; `.jsonl`, `.ndjson`, `.json`), else by its first byte.
    ///
    /// - Parameter path: The file.
    /// - Returns: `.jsonl` when the file starts with `{` (after white space), else `.csv`.
    public static func detect(path: String) -> CustomerFileFormat {
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

/// Reads and checks the customers of a JSON Lines or CSV file, one record at a time, in 256 KiB chunks, so that
/// memory stays flat whatever the file's size.
///
/// A record that cannot be read or is incomplete comes back with a ``SyncRecord/problem`` naming its line and
/// field (or column); reading goes on with the next one.
public final class CustomerFileReader {
    private let reader: LineReader
    private let format: CustomerFileFormat
    private var mapping: CSVCustomerMapping?
    private let decoder = JSONDecoder()

    /// Opens the file; for CSV, reads and checks the header row.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - format: Its format; see ``CustomerFileFormat/detect(path:)``.
    /// - Throws: ``SyncError/inputUnreadable`` when the file cannot be read, ``SyncError/invalidHeader`` when the CSV
    ///   header does not fit the column mapping.
    public init(path: String, format: CustomerFileFormat) throws {
        reader = try LineReader(path: path)
        self.format = format
        if format == .csv {
            guard let header = try CSVRowReader.next(from: reader) else {
                throw SyncError.invalidHeader("\(path) is empty: a CSV file needs a header row")
            }
            mapping = try CSVCustomerMapping(header: header.cells)
        }
    }

    /// The next record, or `nil` at the end of the file. Blank lines are skipped.
    ///
    /// - Returns: The record, valid or not.
    /// - Throws: ``SyncError/inputUnreadable`` when reading the file fails.
    public func next() throws -> SyncRecord? {
        try nextRecord()
    }

    /// ``next()`` with its error type.
    package func nextRecord() throws(SyncError) -> SyncRecord? {
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

    private func jsonRecord(_ data: Data, line: Int) -> SyncRecord {
        // The line as written is kept only for a record that fails (for the failures file).
        let raw = { String(decoding: data, as: UTF8.self) }
        do {
            let customer = try decoder.decode(CustomerWrite.self, from: data)
            return SyncRecord.checked(customer, position: line, label: "line", raw: raw)
        } catch let error as DecodingError {
            let object = try? decoder.decode(JSONValue.self, from: data)
            // The upsert's whole request body, `{"customer": {...}}`, as integrators who build goTom requests keep it.
            if case .object(let members)? = object, members.count == 1, case .object? = members["customer"] {
                return envelopeRecord(data, line: line, raw: raw, crmId: object?["customer"]?["externalCrmId"])
            }
            let crmId = object?["externalCrmId"]?.stringValue ?? ""
            return SyncRecord(
                position: line, crmId: crmId, body: raw(), problem: "line \(line): \(error.fieldDescription)")
        } catch {
            return SyncRecord(position: line, crmId: "", body: raw(), problem: "line \(line): \(error)")
        }
    }

    /// A line that is the upsert's request body: its `customer` member is the record.
    private func envelopeRecord(_ data: Data, line: Int, raw: () -> String, crmId: JSONValue?) -> SyncRecord {
        do {
            guard let customer = try decoder.decode(Customer.self, from: data).customer else {
                return SyncRecord(position: line, crmId: "", body: raw(), problem: "line \(line): no customer")
            }
            return SyncRecord.checked(customer, position: line, label: "line", raw: raw)
        } catch let error as DecodingError {
            return SyncRecord(
                position: line, crmId: crmId?.stringValue ?? "", body: raw(),
                problem: "line \(line): \(error.fieldDescription)")
        } catch {
            return SyncRecord(position: line, crmId: "", body: raw(), problem: "line \(line): \(error)")
        }
    }

    private func csvRecord(_ cells: [String], line: Int) -> SyncRecord {
        guard let mapping else { preconditionFailure("CSV input without a mapping") }
        // The row as a JSON object is built only for a record that fails (for the failures file).
        let raw = {
            let rowObject = JSONValue.object(
                Dictionary(
                    zip(mapping.header, cells).map { ($0, JSONValue.string($1)) },
                    uniquingKeysWith: { first, _ in first }))
            return (try? SyncRecord.encoder.encode(rowObject)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }
        do {
            let customer = try mapping.customer(from: cells)
            return SyncRecord.checked(customer, position: line, label: "line", raw: raw)
        } catch {
            return SyncRecord(
                position: line, crmId: mapping.crmId(in: cells), body: raw(), problem: "line \(line): \(error.message)")
        }
    }
}
