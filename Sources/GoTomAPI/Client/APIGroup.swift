/// The goTom API an operation belongs to.
///
/// goTom issues separate users per purpose, e.g. `crm_sync_import` for the CRM sync; a client can sign each
/// group with its own credentials (see ``GoTomClient/Configuration/groupCredentials``).
public enum APIGroup: String, Sendable, Hashable, CaseIterable {
    /// The Campaign API: campaigns, flights, discounts, primary keys and the price export.
    case campaign
    /// The Customer (CRM sync) API.
    case customer
    /// The Graph Report API: report downloads.
    case report
}

extension APIGroup {
    /// The API a raw request target belongs to, by its path: `/app-api/customer…` and
    /// `/app-api/crm-sync-import…` are ``customer``, `/app-api/graph-export…` and `/app-api/custom-report-export…`
    /// are ``report``, everything else ``campaign``.
    ///
    /// - Parameter requestTarget: A path with optional query, e.g. `/app-api/customer/CRM-1001`.
    public init(requestTarget: String) {
        let path = requestTarget.prefix { $0 != "?" }
        if path.hasPrefix("/app-api/customer") || path.hasPrefix("/app-api/crm-sync-import") {
            self = .customer
        } else if path.hasPrefix("/app-api/graph-export") || path.hasPrefix("/app-api/custom-report-export") {
            self = .report
        } else {
            self = .campaign
        }
    }
}
