import GoTomCLI
import GoTomSync

/// Properties of the customer sync's CSV reading (see ``FuzzHarness/csv``).
enum CSVHarness {
    /// At most this many records are read from one input (the reader streams; this bounds a run's time).
    static let recordLimit = 200

    static func check(_ bytes: [UInt8]) throws(PropertyViolation) {
        guard let mode = bytes.first else { return }
        let rest = Array(bytes.dropFirst())
        if mode % 2 == 0 {
            try readsAnyFile(rest)
        } else {
            try rowsRoundTrip(rest)
        }
    }

    /// Any file: the sync's reader returns records or throws, and never reports a record it cannot name.
    private static func readsAnyFile(_ bytes: [UInt8]) throws(PropertyViolation) {
        let path = ScratchFile.write(bytes, name: "input.csv")
        guard let reader = try? CustomerFileReader(path: path, format: .csv) else { return }
        var count = 0
        while count < recordLimit, let record = try? reader.next() {
            count += 1
            guard record.position >= 2 else {
                throw PropertyViolation("a record before the header: line \(record.position)")
            }
            if record.problem == nil, record.crmId.isEmpty {
                throw PropertyViolation("line \(record.position) accepted without an externalCrmId")
            }
        }
    }

    /// Rows of cells (rows split at 0x1E, cells at 0x1F) written with our CSV writer read back as the same cells.
    private static func rowsRoundTrip(_ bytes: [UInt8]) throws(PropertyViolation) {
        let rows = bytes.split(separator: 0x1E, omittingEmptySubsequences: false).map { row in
            row.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        let text = rows.map(CSVFormat.row).joined()
        let path = ScratchFile.write(Array(text.utf8), name: "roundtrip.csv")
        do {
            let reader = try LineReader(path: path)
            for (index, row) in rows.enumerated() {
                guard let read = try CSVRowReader.next(from: reader) else {
                    throw PropertyViolation("row \(index + 1) of \(rows.count) missing after writing \(quoted(text))")
                }
                // The reader turns a CRLF inside a quoted cell into LF (as the sync has always sent it).
                guard read.cells == row.map(lineFeedsOnly) else {
                    throw PropertyViolation(
                        "row \(index + 1) \(row.map(quoted)) written as \(quoted(text)) reads back "
                            + "as \(read.cells.map(quoted))")
                }
            }
            if let extra = try CSVRowReader.next(from: reader) {
                throw PropertyViolation("an extra row \(extra.cells.map(quoted)) after writing \(quoted(text))")
            }
        } catch let violation as PropertyViolation {
            throw violation
        } catch {
            throw PropertyViolation("reading back \(quoted(text)) failed: \(error)")
        }
    }

    private static func lineFeedsOnly(_ cell: String) -> String {
        var bytes: [UInt8] = []
        for byte in cell.utf8 {
            if byte == 0x0A, bytes.last == 0x0D { bytes.removeLast() }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
