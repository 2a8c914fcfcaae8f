import Foundation
import GoTomModels
import HTTPTypes

/// A request that ends early with a ready reply (a 400, a 404, …); handlers throw it to stop.
struct Rejection: Error {
    var reply: SandboxReply

    init(_ reply: SandboxReply) {
        self.reply = reply
    }
}

/// Parsing and decoding of JSON request bodies.
enum JSONBody {
    /// Parses the body as a JSON object.
    ///
    /// - Throws: A 400 problem reply for an empty body, malformed JSON or JSON that is not an object.
    static func object(_ data: Data) throws(Rejection) -> JSONValue {
        guard !data.isEmpty else {
            throw Rejection(
                .problem(.badRequest, detail: "Bad Request: the request body is empty; expected a JSON object."))
        }
        let value: JSONValue
        do {
            value = try decoder.decode(JSONValue.self, from: data)
        } catch {
            throw Rejection(
                .problem(.badRequest, detail: "Bad Request: the request body is not valid JSON (\(describe(error)))."))
        }
        guard value.objectValue != nil else {
            throw Rejection(.problem(.badRequest, detail: "Bad Request: the request body must be a JSON object."))
        }
        return value
    }

    /// Validates a parsed body against a schema.
    ///
    /// - Throws: A 400 `ConstraintViolationResponse` listing every violation.
    static func validate(_ value: JSONValue, _ schema: Schema) throws(Rejection) {
        var violations = ViolationList()
        schema.validate(value, path: "", into: &violations)
        if !violations.isEmpty { throw Rejection(violations.reply()) }
    }

    /// A model value from a JSON tree (encoded and decoded again: the models are only `Decodable` from JSON).
    static func convert<Value: Decodable>(_ type: Value.Type, from value: JSONValue) throws -> Value {
        try decoder.decode(Value.self, from: encoder.encode(value))
    }

    /// Shared by every request (bodies are parsed on every write).
    static let decoder = JSONDecoder()
    private static let encoder = JSONEncoder()

    /// Decodes a model type from an already validated JSON value.
    ///
    /// - Throws: A 400 `ConstraintViolationResponse` (Type code, with the property path) should the model still
    ///   refuse the value, e.g. in nested targeting structures the schema leaves to the model.
    static func decode<Value: Decodable>(_ type: Value.Type, from value: JSONValue) throws(Rejection) -> Value {
        do {
            return try convert(Value.self, from: value)
        } catch let error as DecodingError {
            let (path, message) = violationPath(of: error)
            var violations = ViolationList()
            violations.add(.invalidType, path, message)
            throw Rejection(violations.reply())
        } catch {
            throw Rejection(.problem(.badRequest, detail: "Bad Request: \(error)"))
        }
    }

    /// The property path and a message for a decoding error.
    ///
    /// - Parameters:
    ///   - error: The error.
    ///   - droppingFirst: How many keys at the start of the coding path to leave out (the path of the object that
    ///     was decoded, for a path relative to it).
    static func violationPath(of error: DecodingError, droppingFirst: Int = 0) -> (String, String) {
        func render(_ codingPath: [any CodingKey]) -> String {
            var path = ""
            for key in codingPath.dropFirst(droppingFirst) {
                if let index = key.intValue {
                    path += "[\(index)]"
                } else {
                    path = ViolationList.path(path, key.stringValue)
                }
            }
            return path
        }
        switch error {
        case .keyNotFound(let key, let context):
            return (render(context.codingPath + [key]), Schema.notNullMessage)
        case .valueNotFound(_, let context):
            return (render(context.codingPath), Schema.notNullMessage)
        case .typeMismatch(_, let context):
            return (render(context.codingPath), "This value is not valid: \(context.debugDescription)")
        case .dataCorrupted(let context):
            return (render(context.codingPath), "This value is not valid: \(context.debugDescription)")
        @unknown default:
            return ("", "This value is not valid.")
        }
    }

    /// A short description of a JSON parsing error.
    static func describe(_ error: any Error) -> String {
        if let decoding = error as? DecodingError, case .dataCorrupted(let context) = decoding {
            if let underlying = context.underlyingError {
                return String(String(describing: underlying).prefix(200))
            }
            return String(context.debugDescription.prefix(200))
        }
        return String(String(describing: error).prefix(200))
    }
}
