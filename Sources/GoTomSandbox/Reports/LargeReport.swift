import Hummingbird
import NIOCore

/// The large generated graph report: deterministic CSV of an exact byte size, produced chunk by chunk so that
/// even hundreds of megabytes never sit in memory.
///
/// The report has a header row, fixed-width data rows and a final `"Total"` row padded so that the whole file
/// is exactly ``size`` bytes. Because every byte follows from the size, tests can check the length and the
/// first and last lines of a download.
public struct LargeReport: Sendable, Hashable {
    /// The saved-report id it is served under.
    public let id: Int

    /// The exact size in bytes.
    public let size: Int

    /// The header row, with its line feed.
    public static let headerLine = "\"Tag\",\"Kampagne\",\"Platzierung\",\"Impressionen\",\"Klicks\"\n"

    /// The smallest possible report: a header, one data row and the total row.
    public static var minimumSize: Int { headerLine.utf8.count + 2 * rowLength }

    /// Creates the description of a report; sizes below ``minimumSize`` are raised to it.
    ///
    /// - Parameters:
    ///   - id: The saved-report id.
    ///   - size: The wanted size in bytes.
    public init(id: Int, size: Int) {
        self.id = id
        self.size = max(size, Self.minimumSize)
    }

    /// The number of data rows between the header and the total row.
    public var dataRowCount: Int { (size - Self.headerLine.utf8.count) / Self.rowLength - 1 }

    /// The first data row (row 1), with its line feed.
    public var firstDataLine: String { Self.dataLine(1) }

    /// Data row `index` (1-based), with its line feed; the same in every report.
    ///
    /// - Parameter index: The row number, 1 for the row after the header.
    /// - Returns: The row text.
    public static func dataLine(_ index: Int) -> String { String(decoding: row(max(1, index)), as: UTF8.self) }

    /// The last line: the `"Total"` row padded to the exact size, with its line feed.
    public var totalLine: String {
        let remainder = (size - Self.headerLine.utf8.count) % Self.rowLength
        let padding = Self.rowLength + remainder - Self.totalPrefix.utf8.count - Self.totalSuffix.utf8.count
        return Self.totalPrefix + String(repeating: "0", count: padding) + Self.totalSuffix
    }

    private static let totalPrefix = "\"Total\",\"\",\"\",\"\",\""
    private static let totalSuffix = "\"\n"

    static let rowLength = template.count

    /// Row 1 as laid out on the wire; every other row differs only in its digit and date fields.
    private static let template: [UInt8] = {
        var bytes: [UInt8] = []
        append(&bytes, index: 1)
        return bytes
    }()

    private static let campaignSeparator = Array("\",\"Kampagne ".utf8)
    private static let placementSeparator = Array("\",\"Platz ".utf8)
    private static let fieldSeparator = Array("\",\"".utf8)
    private static let rowEnd = Array("\"\n".utf8)

    // Offsets of the variable fields inside a row.
    private static let dateOffset = 1
    private static let campaignOffset = dateOffset + 10 + campaignSeparator.count
    private static let placementOffset = campaignOffset + 6 + placementSeparator.count
    private static let impressionsOffset = placementOffset + 4 + fieldSeparator.count
    private static let clicksOffset = impressionsOffset + 10 + fieldSeparator.count

    /// All dates of 2025 back to back, ten bytes each.
    private static let days: [UInt8] = {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var result: [UInt8] = []
        for (month, length) in lengths.enumerated() {
            for day in 1...length {
                result += Array("2025-\(month < 9 ? "0" : "")\(month + 1)-\(day < 10 ? "0" : "")\(day)".utf8)
            }
        }
        return result
    }()

    private static let dayCount = days.count / 10

    /// One fixed-width data row; `index` starts at 1.
    static func row(_ index: Int) -> [UInt8] {
        var bytes = template
        bytes.withUnsafeMutableBufferPointer { fill($0.baseAddress!, index: index) }
        return bytes
    }

    /// Builds a row the slow, readable way (used once, for the template).
    private static func append(_ bytes: inout [UInt8], index: Int) {
        bytes.append(UInt8(ascii: "\""))
        bytes += repeatElement(UInt8(ascii: "0"), count: 10)
        bytes += campaignSeparator
        bytes += repeatElement(UInt8(ascii: "0"), count: 6)
        bytes += placementSeparator
        bytes += repeatElement(UInt8(ascii: "0"), count: 4)
        bytes += fieldSeparator
        bytes += repeatElement(UInt8(ascii: "0"), count: 10)
        bytes += fieldSeparator
        bytes += repeatElement(UInt8(ascii: "0"), count: 8)
        bytes += rowEnd
    }

    /// Writes the variable fields of row `index` over a copy of the template at `row`.
    private static func fill(_ row: UnsafeMutablePointer<UInt8>, index: Int) {
        let day = ((index - 1) % dayCount) * 10
        days.withUnsafeBufferPointer { dates in
            (row + dateOffset).update(from: dates.baseAddress! + day, count: 10)
        }
        writeDigits(row + campaignOffset, ((index - 1) / dayCount) % 1_000_000, width: 6)
        writeDigits(row + placementOffset, index % 10_000, width: 4)
        writeDigits(row + impressionsOffset, (index &* 7919 &+ 13) % 10_000_000_000, width: 10)
        writeDigits(row + clicksOffset, (index &* 104_729) % 100_000_000, width: 8)
    }

    private static func writeDigits(_ field: UnsafeMutablePointer<UInt8>, _ value: Int, width: Int) {
        var rest = value
        var position = width - 1
        while position >= 0 {
            field[position] = UInt8(truncatingIfNeeded: 48 + rest % 10)
            rest /= 10
            position -= 1
        }
    }

    /// Writes the report to a response body, about 256 KiB at a time.
    func write(to writer: inout any ResponseBodyWriter) async throws {
        let rowLength = Self.rowLength
        let rowsPerChunk = max(1, 256 * 1024 / rowLength)
        let rows = dataRowCount
        try await writer.write(ByteBuffer(string: Self.headerLine))
        var index = 1
        while index <= rows {
            let count = min(rows - index + 1, rowsPerChunk)
            var buffer = ByteBufferAllocator().buffer(capacity: count * rowLength)
            let first = index
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count * rowLength) { raw in
                let base = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                Self.template.withUnsafeBufferPointer { template in
                    for offset in 0..<count {
                        let row = base + offset * rowLength
                        row.update(from: template.baseAddress!, count: rowLength)
                        Self.fill(row, index: first + offset)
                    }
                }
                return count * rowLength
            }
            index += count
            try await writer.write(buffer)
        }
        try await writer.write(ByteBuffer(string: totalLine))
        try await writer.finish(nil)
    }
}
