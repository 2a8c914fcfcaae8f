import Foundation

/// Reads a file line by line in 256 KiB chunks, so that memory stays flat whatever the file's size.
package final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// The number of the line returned last (1-based).
    package private(set) var lineNumber = 0

    package init(path: String) throws(SyncError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SyncError.inputUnreadable("cannot read \(path): no such file or not readable")
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next line without its line break (and without a UTF-8 byte-order mark on the first line).
    package func next() throws(SyncError) -> ArraySlice<UInt8>? {
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
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 256 * 1024) ?? Data()
            } catch {
                throw SyncError.inputUnreadable("cannot read line \(lineNumber + 1): \(error.localizedDescription)")
            }
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
