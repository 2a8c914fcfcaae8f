import Foundation
import GoTomModels

/// The fixtures file: master data, instance settings and state the API cannot create, loaded at every start.
///
/// Every member is optional. Master data (`primaryKeys`, `networks`, `prices`, `reports`) and `settings` are
/// applied at every start on top of the built-in demo data (or instead of it with `replaceDemoData: true`);
/// primary keys with the id of a demo row replace that row. `customers` and `campaigns` are seeded only when no
/// entity with the same key exists yet, so restarting never overwrites what clients changed through the API.
/// Seeded customers and campaigns go through the same checks as API requests, so a fixture with an unknown
/// platform id fails the start with ``SandboxError/invalidFixtures``.
///
/// - `customers`: the `customer` object of the CRM-sync upsert, plus `defaultDiscounts: [{name, percent}]`.
/// - `campaigns`: a campaign-create body plus `archived`, `deltaInvoice`, `billed`, `vmkType` and `flights`; each
///   flight is a flight-create body plus `invoice` (`none`, `partial`, `full`), `deferred`, `adServerData`,
///   `publisherPayouts`, `lineItem: {strategyId, adserverId}`, `sublines` and
///   `commission: {bkPercent, bkAmount, vmkPercent, vmkAmount}`. `discounts` lists campaign discounts
///   `{externalId, name, flightDiscounts: [{externalId, flightExternalId, amountPercent, amountSum}]}`.
///   The built-in demo campaigns are seeded after these, so a fixture may use one of their ids.
/// - `crmFailures`: customers whose upsert fails with a 400 `data_error` and the given `api_error` text.
/// - `crmJobs`: entries for the CRM error-log endpoint, e.g. a job that stays `JOB_STATUS_WAITING`.
///
/// A short example:
///
/// ```json
/// {
///   "settings": { "discountStrategy": "sumUp", "crmSyncMode": "pending", "billingTypes": [0, 1, 2, 3] },
///   "primaryKeys": { "flightTags": [{ "id": 50, "name": "Black Friday" }] },
///   "networks": [{ "platformId": 9, "memberPlatformIds": [1, 2, 3] }],
///   "reports": [{ "kind": "custom", "id": 48, "csv": "\"Kunde\",\"Umsatz\"\n\"Muster AG\",\"1200\"\n" }],
///   "crmFailures": [{ "externalCrmId": "CRM-BROKEN", "apiError": "Address data incomplete" }],
///   "crmJobs": [{ "jobId": 77, "status": "JOB_STATUS_WAITING" }],
///   "campaigns": [{
///     "externalId": "invoiced-1", "name": "Frühling 2025", "status": "booking", "bookingDate": "2025-03-01",
///     "customer": { "entityExternalCrmId": "CRM-1001" }, "deltaInvoice": true,
///     "flights": [{
///       "externalId": "invoiced-1-f1", "adServerId": "gam", "tarifId": 1, "mediaId": 20, "platformId": 1,
///       "channelId": 10, "advertisingId": 30, "priceTypeId": 1, "units": 100000, "bruttoPriceUnit": 45,
///       "runtime": { "start": { "date": "2025-03-01" }, "end": { "date": "2025-03-31" } },
///       "invoice": "full", "deferred": true, "lineItem": { "strategyId": "S-1", "adserverId": 4711 }
///     }]
///   }]
/// }
/// ```
public struct SandboxFixtures: Codable, Sendable {
    /// Instance settings; each one left out keeps its default.
    public struct Settings: Codable, Sendable {
        /// Currencies the instance accepts (default `CHF`, `EUR`).
        public var currencies: [String]?
        /// Currency of campaigns created without one (default `CHF`).
        public var defaultCurrency: String?
        /// Billing types the instance allows (default 0, 1, 2; 3 needs an ad-server integration).
        public var billingTypes: [Int]?
        /// Billing type of campaigns created without one (default 1).
        public var defaultBillingType: Int?
        /// `normal` (default) or `sumUp`; with `sumUp` the flight-discount endpoints answer 501.
        public var discountStrategy: String?
        /// Whether the marketer-network module (flight sublines) is on (default true).
        public var marketerNetwork: Bool?
        /// Whether the CRM-sync upsert is switched on (default true; off answers 404).
        public var crmSync: Bool?
        /// `sync` (200, default), `deferred` (202, applied) or `pending` (202, never processed).
        public var crmSyncMode: String?
        /// `tenant` (default) or `campaign`: where flight external ids must be unique.
        public var flightExternalIdScope: String?
        /// Whether a customer's default discounts are added to its campaigns (default true).
        public var applyCustomerDefaultDiscounts: Bool?
        /// Page size of the customer list (default 1000).
        public var customerPageSize: Int?
        /// Page size of the tarif price export (default 1000).
        public var pricePageSize: Int?
        /// Page size of the primary-key lists (default 1000, like goTom).
        public var primaryKeyPageSize: Int?
        /// Pipeline statuses (externalCrmIds) configured in the admin center.
        public var pipelineStatuses: [String]?
        /// Instance-specific expression rules for campaign creation (violation `6b3befbc…`).
        public var expressionRules: [ExpressionRule]?

        /// Creates settings; every value left `nil` keeps the default.
        public init() {}
    }

    /// A campaign-creation rule: when `whenField` equals `equals`, `requireField` must be present and non-empty.
    public struct ExpressionRule: Codable, Sendable, Hashable {
        /// A top-level member of the campaign-create body, e.g. `campaignTypeId`.
        public var whenField: String
        /// The value that triggers the rule.
        public var equals: JSONValue
        /// The member that must then be present, e.g. `campaignTypeReference`.
        public var requireField: String
        /// The violation message.
        public var message: String

        /// Creates a rule.
        ///
        /// - Parameters:
        ///   - whenField: The member to look at.
        ///   - equals: The value that triggers the rule.
        ///   - requireField: The member that must be present.
        ///   - message: The violation message.
        public init(whenField: String, equals: JSONValue, requireField: String, message: String) {
            self.whenField = whenField
            self.equals = equals
            self.requireField = requireField
            self.message = message
        }
    }

    /// A network platform and the platforms that belong to it (for flight sublines).
    public struct Network: Codable, Sendable, Hashable {
        /// The network's platform id.
        public var platformId: Int
        /// The member platforms.
        public var memberPlatformIds: [Int]

        /// Creates a network.
        ///
        /// - Parameters:
        ///   - platformId: The network's platform id.
        ///   - memberPlatformIds: The member platforms.
        public init(platformId: Int, memberPlatformIds: [Int]) {
            self.platformId = platformId
            self.memberPlatformIds = memberPlatformIds
        }
    }

    /// A saved report served by the report download endpoints.
    public struct Report: Codable, Sendable, Hashable {
        /// `graph` or `custom`.
        public var kind: String
        /// The saved-report id.
        public var id: Int
        /// The CSV text, header row first.
        public var csv: String

        /// Creates a report.
        ///
        /// - Parameters:
        ///   - kind: `graph` or `custom`.
        ///   - id: The saved-report id.
        ///   - csv: The CSV text.
        public init(kind: String, id: Int, csv: String) {
            self.kind = kind
            self.id = id
            self.csv = csv
        }
    }

    /// A customer whose CRM-sync upsert fails with a data error.
    public struct CrmFailure: Codable, Sendable, Hashable {
        /// The customer's externalCrmId.
        public var externalCrmId: String
        /// The `errorLogs.api_error` text to answer.
        public var apiError: String

        /// Creates a failure.
        ///
        /// - Parameters:
        ///   - externalCrmId: The customer's externalCrmId.
        ///   - apiError: The error text.
        public init(externalCrmId: String, apiError: String) {
            self.externalCrmId = externalCrmId
            self.apiError = apiError
        }
    }

    /// An entry for the CRM error-log endpoint.
    public struct CrmJobEntry: Codable, Sendable, Hashable {
        /// The job id.
        public var jobId: Int
        /// The job status, e.g. `JOB_STATUS_WAITING`.
        public var status: CrmJobStatus
        /// The `errorLogs.api_error` text, if any.
        public var apiError: String?
        /// The warnings, if any.
        public var warningLogs: [String]?

        /// Creates an entry.
        ///
        /// - Parameters:
        ///   - jobId: The job id.
        ///   - status: The job status.
        ///   - apiError: The error text, if any.
        ///   - warningLogs: The warnings, if any.
        public init(jobId: Int, status: CrmJobStatus, apiError: String? = nil, warningLogs: [String]? = nil) {
            self.jobId = jobId
            self.status = status
            self.apiError = apiError
            self.warningLogs = warningLogs
        }
    }

    /// Start from empty master data instead of the built-in demo data (and seed no demo customers).
    public var replaceDemoData: Bool?
    /// Instance settings.
    public var settings: Settings?
    /// Primary-key rows by entity name (`platform`, `flightTags`, …).
    public var primaryKeys: [String: [PrimaryKeyItem]]?
    /// Networks for flight sublines.
    public var networks: [Network]?
    /// Additional tarif price rows.
    public var prices: [TarifPriceItem]?
    /// Saved graph and custom reports.
    public var reports: [Report]?
    /// Customers to seed (CRM-sync write shape plus `defaultDiscounts`).
    public var customers: [JSONValue]?
    /// Campaigns to seed (campaign-create shape plus state flags and flights).
    public var campaigns: [JSONValue]?
    /// Customers whose upsert fails.
    public var crmFailures: [CrmFailure]?
    /// CRM error-log entries.
    public var crmJobs: [CrmJobEntry]?

    /// Creates empty fixtures.
    public init() {}

    /// Reads a fixtures file.
    ///
    /// - Parameter path: The JSON file.
    /// - Returns: The fixtures.
    /// - Throws: ``SandboxError/invalidFixtures`` when the file cannot be read or has the wrong shape.
    public static func load(path: String) throws -> SandboxFixtures {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SandboxError.invalidFixtures("cannot read \(path): \(error)")
        }
        do {
            return try JSONDecoder().decode(SandboxFixtures.self, from: data)
        } catch let error as DecodingError {
            let (where_, message) = JSONBody.violationPath(of: error)
            throw SandboxError.invalidFixtures("\(path): \(where_.isEmpty ? "top level" : where_): \(message)")
        } catch {
            throw SandboxError.invalidFixtures("\(path): \(error)")
        }
    }
}
