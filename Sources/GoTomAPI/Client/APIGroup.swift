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
