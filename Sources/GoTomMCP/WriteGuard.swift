import Foundation
import GoTomCLI
import GoTomModels
import Logging

/// Appends one JSON line per write that was sent: time, tool, arguments, status, goTom's request id.
///
/// The secret never reaches it: arguments are what the MCP client sent, and the outcome holds only status,
/// error name and request id.
actor WriteAudit {
    struct Record: Encodable {
        var time: String
        var tool: String
        var method: String
        var target: String
        var arguments: [String: JSONValue]
        var status: Int?
        var outcome: String
        var requestId: String?

        private enum CodingKeys: String, CodingKey {
            case time, tool, method, target, arguments, status, outcome, requestId
        }

        /// Writes every key, `null` included, so each line has the same shape.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(time, forKey: .time)
            try container.encode(tool, forKey: .tool)
            try container.encode(method, forKey: .method)
            try container.encode(target, forKey: .target)
            try container.encode(arguments, forKey: .arguments)
            try container.encode(status, forKey: .status)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(requestId, forKey: .requestId)
        }
    }

    let path: String

    init(path: String) {
        self.path = path
    }

    /// Appends one record; a failure to write is reported on stderr and does not undo the write at goTom.
    func append(_ record: Record) {
        guard var line = try? MCPJSON.encoder.encode(record) else { return }
        line.append(UInt8(ascii: "\n"))
        if !FileManager.default.fileExists(atPath: path) {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            StandardStreams.diagnostic("mcp: cannot append to the audit file \(path)")
            return
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
        } catch {
            StandardStreams.diagnostic("mcp: cannot append to the audit file \(path)")
        }
    }
}

/// At most `perMinute` writes in any sliding minute.
actor WriteLimiter {
    let perMinute: Int
    private var sent: [ContinuousClock.Instant] = []

    init(perMinute: Int) {
        self.perMinute = perMinute
    }

    /// Takes a slot, or returns how many seconds until one is free.
    func admit(now: ContinuousClock.Instant = .now) -> Int? {
        sent.removeAll { now - $0 >= .seconds(60) }
        guard sent.count < perMinute else {
            let wait = .seconds(60) - (now - sent[0])
            return max(1, Int(wait.components.seconds) + 1)
        }
        sent.append(now)
        return nil
    }
}

/// The status and request id of the requests a tool call made, read from the SDK's debug log.
///
/// Set as a task-local around one call: the SDK logs in the calling task, so concurrent calls do not mix.
final class RequestCapture: @unchecked Sendable {
    @TaskLocal static var current: RequestCapture?

    private let lock = NSLock()
    private var lastStatus: Int?
    private var lastRequestId: String?
    private var sentCount = 0

    var status: Int? { lock.withLock { lastStatus } }
    var requestId: String? { lock.withLock { lastRequestId } }
    var requests: Int { lock.withLock { sentCount } }

    func record(_ metadata: Logger.Metadata) {
        lock.withLock {
            if metadata["gotom.uri"] != nil { sentCount += 1 }
            if let status = metadata["gotom.status"].flatMap({ Int("\($0)") }) { lastStatus = status }
            if let id = metadata["gotom.request_id"].map({ "\($0)" }), id != "-" { lastRequestId = id }
        }
    }
}

/// The SDK's log for `gotom mcp`: request lines feed ``RequestCapture``; warnings (and with `-v` every request
/// line) go to stderr, never to stdout, which carries the protocol.
struct MCPLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug
    let printer: VerboseLogHandler

    init(verbose: Bool) {
        printer = VerboseLogHandler(verbose: verbose)
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        if let fields = event.metadata { RequestCapture.current?.record(fields) }
        if event.level >= printer.logLevel { printer.log(event: event) }
    }
}
