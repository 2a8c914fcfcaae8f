/// The error log of a CRM import job.
public struct CrmSyncErrorLogs: Codable, Hashable, Sendable {
    /// What made processing fail, such as a missing key.
    public var apiError: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameter apiError: What made processing fail, such as a missing key.
    public init(apiError: String? = nil) {
        self.apiError = apiError
    }

    private enum CodingKeys: String, CodingKey {
        case apiError = "api_error"
    }
}
