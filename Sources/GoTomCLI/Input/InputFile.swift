import Foundation

/// Reads a whole input file, or stdin for `-`, up to a size limit, with the CLI's error messages.
enum InputFile {
    /// The bytes of `path` (`-` for stdin).
    ///
    /// - Throws: ``CLIError`` when the path is missing, a directory or unreadable, or holds more than `limit` bytes.
    static func read(_ path: String, limit: Int, stdinHint: String = "pass it as a file instead") throws -> [UInt8] {
        if path == "-" { return try StandardStreams.readStdin(limit: limit, hint: stdinHint) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let handle = FileHandle(forReadingAtPath: path)
        else { throw CLIError("cannot read \(path): no such file or not readable") }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw CLIError("cannot read \(path): \(error.localizedDescription)")
        }
        guard data.count <= limit else { throw CLIError("\(path) is larger than \(limit / 1024 / 1024) MiB") }
        return Array(data)
    }
}
