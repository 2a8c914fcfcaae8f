import Foundation
import GoTomAPI
import GoTomModels
import MCP

/// The arguments of one tool call, as a JSON tree, with typed accessors for the values a tool reads.
///
/// The tool's schema has been checked before any accessor runs, so a missing required value here is a bug in a
/// tool definition, not a caller's mistake; it still becomes a refused call, never a crash.
struct ToolArguments: Sendable {
    var values: [String: JSONValue]

    /// A string argument (a path parameter such as `campaignExternalId`).
    func string(_ name: String) throws -> String {
        guard let text = values[name]?.stringValue else { throw ToolRefusal.missing(name) }
        return text
    }

    /// An integer argument, or `fallback` when absent.
    func int(_ name: String, default fallback: Int) -> Int {
        values[name]?.intValue ?? fallback
    }

    /// A required integer argument.
    func int(_ name: String) throws -> Int {
        guard let number = values[name]?.intValue else { throw ToolRefusal.missing(name) }
        return number
    }

    /// A boolean argument, or `nil` when absent.
    func bool(_ name: String) -> Bool? {
        values[name]?.boolValue
    }

    /// The members that form the request body: every argument except the named ones.
    func body(excluding names: Set<String>) -> JSONValue {
        .object(values.filter { !names.contains($0.key) })
    }

    /// Decodes a model value from the body members, the way the SDK's callers would build it.
    ///
    /// - Throws: ``ToolRefusal`` naming the property the model refused.
    func model<Model: Decodable>(_ type: Model.Type, excluding names: Set<String>) throws -> Model {
        try MCPJSON.decode(type, from: body(excluding: names))
    }
}

/// Why a tool call was refused before anything was sent.
struct ToolRefusal: Error, Sendable {
    /// One line for the caller.
    var message: String
    /// Violations found in the arguments: code, property path, message.
    var violations: [ConstraintViolationItem] = []

    static func missing(_ name: String) -> ToolRefusal {
        ToolRefusal(message: "the argument '\(name)' is required")
    }
}

/// Conversions between the MCP SDK's `Value`, the models' `JSONValue` and Codable values.
enum MCPJSON {
    static let decoder = JSONDecoder()
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    /// Converts MCP arguments to the models' JSON tree.
    static func jsonValue(_ value: Value) throws -> JSONValue {
        try decoder.decode(JSONValue.self, from: encoder.encode(value))
    }

    /// Converts an encodable value to MCP's JSON tree.
    static func value(_ encodable: some Encodable) throws -> Value {
        try decoder.decode(Value.self, from: encoder.encode(encodable))
    }

    /// Encodes a value as JSON text, keys sorted, for a tool result's text content.
    static func text(_ encodable: some Encodable) -> String {
        (try? encoder.encode(encodable)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// Decodes a model from a JSON tree, naming the refused property on failure.
    static func decode<Model: Decodable>(_ type: Model.Type, from value: JSONValue) throws -> Model {
        do {
            return try decoder.decode(type, from: encoder.encode(value))
        } catch let error as DecodingError {
            throw ToolRefusal(message: "the arguments do not form a valid \(type): \(describe(error))")
        }
    }

    /// One line naming the coding path and the problem of a decoding error.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "top level" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): missing '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
