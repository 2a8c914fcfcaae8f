import Foundation
import GoTomModels

/// Small JSON helpers shared by the focused tests.
enum TestJSON {
    /// Decodes a model from JSON text.
    static func decode<Model: Decodable>(_ type: Model.Type, _ text: String) throws -> Model {
        try JSONDecoder().decode(Model.self, from: Data(text.utf8))
    }

    /// Encodes a model and reads the result back as a `JSONValue`, for comparisons that ignore key order.
    static func json<Model: Encodable>(_ model: Model) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(model))
    }

    /// Parses JSON text into a `JSONValue`.
    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}
