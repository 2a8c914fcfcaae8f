import Foundation
import GoTomModels

/// The body of a CRM-sync upsert, `{"customer": {…}}`, decoded from the request bytes in one pass.
///
/// Decoding it throws only for text that is not JSON. Everything else is kept for the handler to judge: a
/// missing or non-object `customer` is `nil`, and a customer the model refuses keeps its decoding error, so the
/// handler answers exactly as it would after parsing a JSON tree first, without building that tree and encoding
/// it again for the model.
struct CrmSyncBody: Decodable, Sendable {
    /// The `customer` member, or `nil` when the body is not an object or has no object there.
    var customer: CustomerUpsert?

    private enum CodingKeys: String, CodingKey {
        case customer
    }

    init(from decoder: any Decoder) {
        customer = try? decoder.container(keyedBy: CodingKeys.self).decode(CustomerUpsert.self, forKey: .customer)
    }
}

/// A customer object of the CRM sync: its keys (for unknown-key warnings) and the model value or why the model
/// refused it.
struct CustomerUpsert: Decodable, Sendable {
    /// Every key of the object, as sent.
    var keys: [String]
    /// The customer, or the error the model reported.
    var write: Result<CustomerWrite, any Error>
    /// How many coding-path keys lead to the customer object (1 inside a request body): drop them from an error's
    /// path for a path relative to the customer.
    var pathPrefixLength = 0

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads the keys and the model value of a customer object.
    ///
    /// - Throws: `DecodingError` only when the value is not an object.
    init(from decoder: any Decoder) throws {
        keys = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
        pathPrefixLength = decoder.codingPath.count
        do {
            write = .success(try CustomerWrite(from: decoder))
        } catch {
            write = .failure(error)
        }
    }

    /// Parses a customer object that is already a JSON tree (fixtures, tests).
    init(_ object: [String: JSONValue]) throws {
        self = try JSONBody.convert(CustomerUpsert.self, from: .object(object))
    }
}
