/// Names for the numeric customer codes, for tables, flags and messages.
package enum CustomerNames {
    package static let statuses: [(String, CustomerStatus)] = [("active", .active), ("inactive", .inactive)]
    package static let types: [(String, CustomerType)] = [
        ("customer", .customer), ("intermediator", .intermediator), ("agency", .agency), ("publisher", .publisher),
    ]
    package static func status(_ value: CustomerStatus) -> String {
        statuses.first { $0.1 == value }?.0 ?? "\(value.rawValue)"
    }

    package static func type(_ value: CustomerType) -> String {
        types.first { $0.1 == value }?.0 ?? "\(value.rawValue)"
    }

    /// `1 (active), 0 (inactive)`.
    package static func describe<Value: ExtensibleEnum>(_ names: [(String, Value)]) -> String {
        names.map { "\($0.1.rawValue) (\($0.0))" }.joined(separator: ", ")
    }
}
