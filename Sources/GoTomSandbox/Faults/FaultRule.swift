import Foundation

/// A fault the sandbox injects on matching requests, to let a client prove its retry and timeout handling.
///
/// A rule matches a method (or any) and a path pattern in which `*` stands for any run of characters, e.g.
/// `/app-api/campaign/*`. It answers a status (429 with `Retry-After`, 500, 502, 503), adds latency before the
/// sandbox answers, or drops the connection before or after the response head; every time, a number of times,
/// or with a probability.
public struct FaultRule: Sendable, Hashable, Codable {
    /// Where a dropped connection is cut.
    public enum Drop: String, Sendable, Hashable, Codable {
        /// Close the connection without answering.
        case beforeHead = "before-head"
        /// Send the response head (status and headers) of the normal answer, then close without the body.
        case afterHead = "after-head"
    }

    /// Assigned by the sandbox when the rule is added.
    public var id: Int?
    /// The method to match, or `nil` (or `*`) for any.
    public var method: String?
    /// The path pattern to match; `*` matches any run of characters.
    public var path: String
    /// The status to answer instead of the sandbox: 429, 500, 502 or 503.
    public var status: Int?
    /// The `Retry-After` seconds sent with 429 or 503 (1 by default for 429).
    public var retryAfter: Int?
    /// Milliseconds to wait before answering.
    public var latencyMs: Int?
    /// Drop the connection instead of answering normally.
    public var drop: Drop?
    /// How many more times the rule fires; `nil` for every time.
    public var times: Int?
    /// The chance, 0…1, that a matching request is hit; `nil` for always.
    public var probability: Double?

    /// The statuses a rule may answer.
    public static let statuses: Set<Int> = [429, 500, 502, 503]

    /// Creates a rule.
    ///
    /// - Parameters:
    ///   - method: The method, or `nil` for any.
    ///   - path: The path pattern.
    ///   - status: The status to answer.
    ///   - retryAfter: The `Retry-After` seconds.
    ///   - latencyMs: Added latency in milliseconds.
    ///   - drop: Where to drop the connection.
    ///   - times: How many times it fires, or `nil` for always.
    ///   - probability: The chance it fires, or `nil` for always.
    public init(
        method: String? = nil, path: String, status: Int? = nil, retryAfter: Int? = nil, latencyMs: Int? = nil,
        drop: Drop? = nil, times: Int? = nil, probability: Double? = nil
    ) {
        self.method = method
        self.path = path
        self.status = status
        self.retryAfter = retryAfter
        self.latencyMs = latencyMs
        self.drop = drop
        self.times = times
        self.probability = probability
    }

    /// Reads the `--fault` form: `[METHOD] PATH key=value …` with the keys `status`, `retry-after`, `latency`
    /// (milliseconds, an `ms` suffix allowed), `drop` (`before-head` or `after-head`), `times` and `probability`.
    ///
    /// For example `POST /app-api/campaign/* status=503 times=2` or `* * latency=500ms probability=0.1`.
    ///
    /// - Parameter text: The specification.
    /// - Throws: ``SandboxError/invalidConfiguration`` naming what is wrong.
    public init(specification text: String) throws {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var index = 0
        var method: String?
        if let first = words.first, !first.hasPrefix("/"), !first.contains("=") {
            method = first
            index = 1
        }
        guard index < words.count, !words[index].contains("=") else {
            throw SandboxError.invalidConfiguration("fault '\(text)': give [METHOD] PATH key=value …")
        }
        self.init(method: method, path: words[index])
        for word in words[(index + 1)...] {
            let pair = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { throw SandboxError.invalidConfiguration("fault '\(text)': '\(word)'?") }
            let (key, value) = (pair[0].lowercased(), pair[1])
            func number<Value: LosslessStringConvertible>(_ type: Value.Type) throws -> Value {
                let digits = key == "latency" && value.hasSuffix("ms") ? String(value.dropLast(2)) : value
                guard let parsed = Value(digits) else {
                    throw SandboxError.invalidConfiguration("fault '\(text)': \(key) must be a number")
                }
                return parsed
            }
            switch key {
            case "status": status = try number(Int.self)
            case "retry-after": retryAfter = try number(Int.self)
            case "latency": latencyMs = try number(Int.self)
            case "times": times = try number(Int.self)
            case "probability": probability = try number(Double.self)
            case "drop":
                guard let parsed = Drop(rawValue: value) else {
                    throw SandboxError.invalidConfiguration("fault '\(text)': drop is before-head or after-head")
                }
                drop = parsed
            default:
                throw SandboxError.invalidConfiguration(
                    "fault '\(text)': unknown key \(key) (status, retry-after, latency, drop, times, probability)")
            }
        }
        try validate()
    }

    /// Checks that the rule does something and its values are in range.
    ///
    /// - Throws: ``SandboxError/invalidConfiguration``.
    public func validate() throws {
        func fail(_ reason: String) -> SandboxError { .invalidConfiguration("fault on \(path): \(reason)") }
        guard path.hasPrefix("/") || path == "*" else { throw fail("the path must start with / (or be *)") }
        guard status != nil || latencyMs != nil || drop != nil else {
            throw fail("give a status, a latency or a drop")
        }
        if let status, !Self.statuses.contains(status) { throw fail("status must be 429, 500, 502 or 503") }
        if status != nil, drop != nil { throw fail("a rule answers a status or drops the connection, not both") }
        if let latencyMs, !(0...60_000).contains(latencyMs) { throw fail("latency must be 0…60000 ms") }
        if let retryAfter, retryAfter < 0 { throw fail("retry-after must not be negative") }
        if let times, times < 1 { throw fail("times must be at least 1") }
        if let probability, !(0...1).contains(probability) { throw fail("probability must be within 0…1") }
    }

    /// Whether the rule applies to a request (ignoring `times` and `probability`).
    func matches(method: String, path requestPath: String) -> Bool {
        if let wanted = self.method, wanted != "*", wanted.uppercased() != method { return false }
        return Self.glob(Array(path.utf8)[...], Array(requestPath.utf8)[...])
    }

    /// `*` matches any run of bytes; everything else matches itself.
    private static func glob(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        var pattern = pattern
        var text = text
        var star: (pattern: ArraySlice<UInt8>, text: ArraySlice<UInt8>)?
        while true {
            if let byte = pattern.first, byte == UInt8(ascii: "*") {
                pattern = pattern.dropFirst()
                star = (pattern, text)
                continue
            }
            if let byte = pattern.first, let other = text.first, byte == other {
                pattern = pattern.dropFirst()
                text = text.dropFirst()
                continue
            }
            if pattern.isEmpty, text.isEmpty { return true }
            guard let saved = star, !saved.text.isEmpty else { return false }
            star = (saved.pattern, saved.text.dropFirst())
            pattern = saved.pattern
            text = saved.text.dropFirst()
        }
    }

    /// A short description for the journal, e.g. `status 503` or `latency 200 ms, drop after-head`.
    var summary: String {
        var parts: [String] = []
        if let latencyMs { parts.append("latency \(latencyMs) ms") }
        if let status { parts.append("status \(status)") }
        if let drop { parts.append("drop \(drop.rawValue)") }
        return parts.joined(separator: ", ")
    }
}
