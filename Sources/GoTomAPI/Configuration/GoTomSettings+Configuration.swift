extension GoTomSettings {
    /// A client configuration from these settings: base URL, credentials per group, extra CA and the proxy of the
    /// environment; everything else as ``GoTomClient/Configuration`` defaults it, for the caller to adjust.
    ///
    /// - Returns: The configuration.
    /// - Throws: ``GoTomError/invalidConfiguration`` when no base URL or no credentials were found (naming the
    ///   variables and keys that would provide them), or the proxy variable is not a URL.
    public func configuration() throws -> GoTomClient.Configuration {
        guard let baseURL else {
            throw GoTomError.make(
                .invalidConfiguration,
                detail: "no base URL: set GOTOM_BASE_URL or base_url in profile '\(profile)' of \(configPath)")
        }
        let server: ServerAddress
        do {
            server = try ServerAddress(baseURL: baseURL)
        } catch {
            throw GoTomError.make(.invalidConfiguration, detail: "invalid base URL \(baseURL): \(error)")
        }
        guard let credentials = credentials ?? groupCredentials.values.first else {
            throw GoTomError.make(
                .invalidConfiguration,
                detail: "no credentials: set GOTOM_USER and GOTOM_SECRET, or user and secret (or secret_command) "
                    + "in profile '\(profile)' of \(configPath)")
        }
        var configuration = GoTomClient.Configuration(
            baseURL: baseURL, credentials: credentials, groupCredentials: groupCredentials,
            additionalCACertificatePath: caCertificatePath)
        do {
            configuration.proxy = try ProxySettings.resolve(for: server, environment: environment)
        } catch {
            throw GoTomError.make(.invalidConfiguration, detail: "invalid proxy setting: \(error)")
        }
        return configuration
    }
}
