import Foundation

/// The fuzz harnesses: each turns arbitrary bytes into calls of one parser and checks properties of the result.
package enum FuzzHarness: String, CaseIterable, Sendable {
    /// `DateHeaderParser`: never crashes; a parsed instant written as an HTTP or ISO date reads back the same.
    case dateHeader = "date-header"
    /// `AuthorizationHeader` and `RequestVerifier`: any bytes get a verdict; what our signer signs is accepted,
    /// and the same request with one signature character changed is refused.
    case authorization
    /// `RequestURI.normalizeTarget`: idempotent, and its output holds only characters allowed on the wire.
    case requestTarget = "request-target"
    /// The sandbox's JSON body checks of every write operation: a verdict for any bytes, refusals are 400s, and an
    /// accepted body is still accepted after a round trip through a JSON tree.
    case jsonBody = "json-body"
    /// The customer sync's CSV reading: any file gets records or an error; rows written by our CSV writer read back.
    case csv
    /// The customer sync's JSON Lines reading: any file gets records or an error; an accepted record's canonical
    /// JSON reads back as the same record.
    case jsonl

    /// Runs the harness on one input.
    ///
    /// - Parameter bytes: The input.
    /// - Throws: ``PropertyViolation`` describing the property that does not hold.
    package func check(_ bytes: [UInt8]) throws(PropertyViolation) {
        switch self {
        case .dateHeader: try DateHeaderHarness.check(bytes)
        case .authorization: try AuthorizationHarness.check(bytes)
        case .requestTarget: try RequestTargetHarness.check(bytes)
        case .jsonBody: try JSONBodyHarness.check(bytes)
        case .csv: try CSVHarness.check(bytes)
        case .jsonl: try JSONLinesHarness.check(bytes)
        }
    }

    /// Runs the harness on every file in the given files and folders (folders are read one level deep).
    ///
    /// - Parameter paths: Files or folders of inputs.
    /// - Returns: The files read and the violations found, by file.
    package func replay(_ paths: [String]) -> (files: Int, violations: [(file: String, violation: PropertyViolation)]) {
        var files = 0
        var violations: [(file: String, violation: PropertyViolation)] = []
        for file in Self.inputFiles(paths) {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            files += 1
            do throws(PropertyViolation) {
                try check(Array(data))
            } catch {
                violations.append((file, error))
            }
        }
        return (files, violations)
    }

    private static func inputFiles(_ paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        return files
    }
}

/// A property of a harness that does not hold for an input.
package struct PropertyViolation: Error, CustomStringConvertible {
    /// What does not hold, with the values involved.
    package var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Reads a fuzz input as a sequence of fields, so that one input can drive several parameters.
struct FuzzFields {
    private var rest: ArraySlice<UInt8>

    init(_ bytes: [UInt8]) {
        rest = bytes[...]
    }

    /// The next byte, or 0 when the input is used up.
    mutating func byte() -> UInt8 {
        guard let first = rest.first else { return 0 }
        rest = rest.dropFirst()
        return first
    }

    /// The bytes up to the next 0x00 (or the end), as text (invalid UTF-8 becomes U+FFFD).
    mutating func text() -> String {
        let end = rest.firstIndex(of: 0) ?? rest.endIndex
        let field = rest[..<end]
        rest = end < rest.endIndex ? rest[(end + 1)...] : rest[end...]
        return String(decoding: field, as: UTF8.self)
    }

    /// Everything not read yet.
    mutating func remainder() -> [UInt8] {
        defer { rest = rest[rest.endIndex...] }
        return Array(rest)
    }
}

/// A file the sync readers can open, rewritten for each input (one per process, removed by nobody: it is small).
enum ScratchFile {
    static func path(_ name: String) -> String {
        FileManager.default.temporaryDirectory.path + "/gotom-fuzz-\(getpid())-\(name)"
    }

    static func write(_ bytes: [UInt8], name: String) -> String {
        let path = path(name)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}
