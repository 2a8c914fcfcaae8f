/// The three parts of goTom's App API, one per spec file, which goTom can grant to a user separately.
///
/// goTom gives CRM sync and report export users of their own; a sandbox user limited to some groups is answered
/// 403 on the others, as goTom's Symfony stack answers an authenticated user without access.
public enum APIGroup: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// Campaigns, flights, discounts, sublines, documents, statuses, commissions, primary keys, price export
    /// (campaign-api-doc.yaml, 25 operations).
    case campaign
    /// Customers and the CRM sync (crm-sync-api-doc.yaml, 4 operations).
    case crmSync = "crm-sync"
    /// Graph and custom report downloads (graph-report-api-doc.yaml, 2 operations).
    case graphReport = "graph-report"

    /// Reads a group name; `customer` is accepted for `crm-sync` and `report` for `graph-report`.
    ///
    /// - Parameter name: The name as a user writes it.
    public init?(name: String) {
        switch name.lowercased() {
        case "campaign": self = .campaign
        case "crm-sync", "crm", "customer": self = .crmSync
        case "graph-report", "report": self = .graphReport
        default: return nil
        }
    }

    /// Orders groups as the specs list them.
    ///
    /// - Parameters:
    ///   - lhs: A group.
    ///   - rhs: Another group.
    /// - Returns: Whether `lhs` comes first.
    public static func < (lhs: APIGroup, rhs: APIGroup) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension Operation {
    /// The group (spec file) the operation belongs to.
    var group: APIGroup {
        switch self {
        case .listCustomers, .getCustomer, .upsertCustomer, .getCrmJobLog: return .crmSync
        case .downloadGraphReport, .downloadCustomReport: return .graphReport
        default: return .campaign
        }
    }
}
