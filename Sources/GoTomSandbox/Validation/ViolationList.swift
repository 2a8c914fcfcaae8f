import GoTomModels
import HTTPTypes

/// Collects constraint violations for one request, in the order they were found.
package struct ViolationList: Sendable {
    package private(set) var items: [ConstraintViolationItem] = []

    package var isEmpty: Bool { items.isEmpty }

    /// An empty list.
    package init() {}

    mutating func add(_ code: ViolationCode, _ path: String, _ message: String, invalidValue: JSONValue? = .null) {
        items.append(
            ConstraintViolationItem(propertyPath: path, message: message, invalidValue: invalidValue, code: code))
    }

    mutating func append(contentsOf other: ViolationList) {
        items.append(contentsOf: other.items)
    }

    /// The 400 (or other) reply listing everything collected.
    func reply(status: HTTPResponse.Status = .badRequest) -> SandboxReply {
        SandboxReply.violations(items, status: status)
    }

    /// Joins a parent property path and a child name the way Symfony prints them (`customer.entityId`).
    static func path(_ parent: String, _ child: String) -> String {
        parent.isEmpty ? child : parent + "." + child
    }

    /// Joins a parent property path and an array index (`sublines[0]`).
    static func path(_ parent: String, index: Int) -> String {
        parent + "[\(index)]"
    }
}
