/// Splits CSV rows (RFC 4180: commas, double quotes, `""` inside quotes, line breaks inside quotes).
package enum CSVRowReader {
    /// The next row and the line it starts on, or `nil` at the end of the input.
    package static func next(from reader: LineReader) throws(SyncError) -> (cells: [String], line: Int)? {
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
