/// Instance-level behaviour of the sandboxed goTom tenant; defaults mirror a typical Swiss instance and every
/// value can be changed through the fixtures file.
struct SandboxSettings: Sendable {
    /// How the CRM-sync upsert answers.
    enum CrmSyncMode: String, Sendable, Codable {
        /// Processed at once; 200 with `jobAlreadyFinished: true`.
        case sync
        /// Applied, but answered 202 `blocking_timeout`; the error-log endpoint then reports it finished.
        case deferred
        /// Answered 202 and never processed; the job stays `JOB_STATUS_WAITING`.
        case pending
    }

    var currencies: [String] = ["CHF", "EUR"]
    var defaultCurrency = "CHF"
    var billingTypes: [Int] = [0, 1, 2]
    var defaultBillingType = 1
    var sumUpDiscountStrategy = false
    var marketerNetwork = true
    var crmSync = true
    var crmSyncMode: CrmSyncMode = .sync
    var flightExternalIdUniquePerCampaign = false
    var applyCustomerDefaultDiscounts = true
    var customerPageSize = 1000
    var pricePageSize = 1000
    var primaryKeyPageSize = 1000
    var pipelineStatuses: Set<String> = ["lead", "contacted", "offer-sent", "won", "lost"]
    var expressionRules: [SandboxFixtures.ExpressionRule] = []
    var crmFailures: [String: String] = [:]
}
