import Foundation
import GoTomModels

/// One customer to sync, checked and encoded, at its position in the input.
///
/// The journal identifies a record by its position (a file's line, or a sequence's index counted from 1): running
/// the same input again resumes it, and a record whose content changed at a position is sent again.
public struct SyncRecord: Sendable, Equatable {
    /// Where the record starts: the line of a file, or the 1-based index in a sequence of customers.
    public var position: Int
    /// Its externalCrmId, or `""` when it cannot be read.
    public var crmId: String
    /// A valid record: the canonical JSON of the `CustomerWrite` (sorted keys), which is what goes out.
    /// An invalid one: the input as written (a JSON object, or a CSV row as an object), for the failures file.
    public var body: String
    /// Why the record cannot be sent (it names the field or column), or `nil` when it is valid.
    public var problem: String?

    /// A record made of its parts, e.g. read from a source of your own.
    ///
    /// - Parameters:
    ///   - position: Where the record starts in its input (1-based).
    ///   - crmId: Its externalCrmId.
    ///   - body: The customer's canonical JSON, or the raw input when `problem` is set.
    ///   - problem: Why it cannot be sent, or `nil`.
    public init(position: Int, crmId: String, body: String, problem: String? = nil) {
        self.position = position
        self.crmId = crmId
        self.body = body
        self.problem = problem
    }

    /// Checks a customer and encodes it as the sync sends it.
    ///
    /// A customer goTom would reject for its form alone (an empty key, a value outside a documented enum) becomes
    /// an invalid record that is journaled but never sent; its problem starts with "record N:".
    ///
    /// - Parameters:
    ///   - position: Where it stands in its input (1-based).
    ///   - customer: The customer.
    public init(position: Int, customer: CustomerWrite) {
        self = Self.checked(customer, position: position, label: "record") {
            (try? Self.encoder.encode(customer)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }
    }

    /// Checks `customer`; `raw` gives the text kept for an invalid record, whose problem starts with
    /// "`label` `position`:" ("line 12:").
    static func checked(_ customer: CustomerWrite, position: Int, label: String, raw: () -> String) -> SyncRecord {
        if let problem = problem(in: customer) {
            return SyncRecord(
                position: position, crmId: customer.externalCrmId, body: raw(),
                problem: "\(label) \(position): \(problem)")
        }
        guard let data = try? encoder.encode(customer) else {
            return SyncRecord(
                position: position, crmId: customer.externalCrmId, body: raw(),
                problem: "\(label) \(position): the record cannot be encoded")
        }
        return SyncRecord(
            position: position, crmId: customer.externalCrmId, body: String(decoding: data, as: UTF8.self))
    }

    /// Sorted keys: the same customer always encodes to the same text, so the journal recognises it unchanged.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The first value goTom would reject for its form alone: empty keys, values outside the documented enums.
    ///
    /// - Parameter customer: The customer to check.
    /// - Returns: The problem, naming the field, or `nil`.
    public static func problem(in customer: CustomerWrite) -> String? {
        func notAllowed(_ field: String, _ value: some CustomStringConvertible, _ allowed: [String]) -> String {
            "field '\(field)': '\(value)' is not one of \(allowed.joined(separator: ", "))"
        }
        if customer.externalCrmId.trimmingCharacters(in: .whitespaces).isEmpty {
            return "field 'externalCrmId' must not be empty"
        }
        if customer.firm.trimmingCharacters(in: .whitespaces).isEmpty { return "field 'firm' must not be empty" }
        if customer.mainAddress.externalCrmId.isEmpty { return "field 'mainAddress.externalCrmId' must not be empty" }
        if !customer.status.isKnown {
            return notAllowed("status", customer.status.rawValue, CustomerStatus.knownValues.map { "\($0.rawValue)" })
        }
        if !customer.statusEc.isKnown {
            return notAllowed("statusEc", customer.statusEc.rawValue, CustomerType.knownValues.map { "\($0.rawValue)" })
        }
        if !customer.language.isKnown {
            return notAllowed("language", customer.language.rawValue, CustomerLanguage.knownValues.map(\.rawValue))
        }
        if let vatType = customer.vatType, !vatType.isKnown {
            return notAllowed("vatType", vatType.rawValue, VatType.knownValues.map { "\($0.rawValue)" })
        }
        for (index, address) in (customer.addresses ?? []).enumerated() {
            if let rule = address.sendingRule, !rule.isKnown {
                return notAllowed(
                    "addresses[\(index)].sendingRule", rule.rawValue,
                    InvoiceSendingRule.knownValues.map(\.rawValue))
            }
        }
        for (index, contact) in (customer.contacts ?? []).enumerated() where !contact.peopleGender.isKnown {
            return notAllowed(
                "contacts[\(index)].peopleGender", contact.peopleGender.rawValue,
                ContactGender.knownValues.map(\.rawValue))
        }
        return nil
    }
}
