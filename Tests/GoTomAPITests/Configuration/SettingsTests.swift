import Foundation
import GoTomAPI
import GoTomAuth
import Testing

/// The configuration rule shared with `gotom`: explicit values, then `GOTOM_*`, then a profile.
@Suite("Settings")
struct SettingsTests {
    /// Writes `text` as a profiles file with `mode` in a new temporary folder.
    static func profileFile(_ text: String, mode: Int = 0o600) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gotom-settings-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("config").path
        let created = FileManager.default.createFile(
            atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
        #expect(created)
        return path
    }

    static let file = """
        [default]
        base_url = https://demo.gotom.io
        user = campaign_user
        secret = campaign-secret-test-only

        [crm]
        base_url = https://test-demo.gotom.io
        user = api_user
        secret_command = printf 'from-command\\n'
        customer.user = crm_sync_import
        customer.secret = crm-secret-test-only
        report.user = report_export
        report.secret_command = echo report-secret-test-only
        cacert = /etc/gotom/ca.pem
        """

    @Test("a profile with per-group users, secret_command and cacert")
    func profile() throws {
        let path = try Self.profileFile(Self.file)
        let settings = try GoTomSettings.resolve(environment: ["GOTOM_PROFILE": "crm"], configPath: path)
        #expect(settings.profile == "crm")
        #expect(settings.baseURL == "https://test-demo.gotom.io")
        #expect(settings.credentials == Credentials(user: "api_user", secret: "from-command"))
        #expect(
            settings.groupCredentials[.customer] == Credentials(user: "crm_sync_import", secret: "crm-secret-test-only")
        )
        #expect(
            settings.groupCredentials[.report] == Credentials(user: "report_export", secret: "report-secret-test-only"))
        #expect(settings.groupCredentials[.campaign] == nil)
        #expect(settings.caCertificatePath == "/etc/gotom/ca.pem")
        #expect(settings.sources["secret"] == "secret_command of profile 'crm' in \(path)")
        #expect(settings.sources["profile"] == "environment GOTOM_PROFILE")
        // No source description carries a secret.
        #expect(!settings.sources.values.joined().contains("secret-test-only"))

        let configuration = try settings.configuration()
        #expect(configuration.credentials(for: .customer).user == "crm_sync_import")
        #expect(configuration.credentials(for: .report).user == "report_export")
        #expect(configuration.credentials(for: .campaign).user == "api_user")
        #expect(configuration.additionalCACertificatePath == "/etc/gotom/ca.pem")
    }

    @Test("explicit values beat the environment, which beats the profile; a user and secret come as a pair")
    func precedence() throws {
        let path = try Self.profileFile(Self.file)
        let environment = [
            "GOTOM_BASE_URL": "https://env.gotom.io", "GOTOM_USER": "env_user", "GOTOM_SECRET": "env-secret",
            "GOTOM_CUSTOMER_USER": "env_crm", "GOTOM_CUSTOMER_SECRET": "env-crm-secret",
            "GOTOM_REPORT_USER": "user-without-secret",
        ]
        let fromEnvironment = try GoTomSettings.resolve(environment: environment, configPath: path)
        #expect(fromEnvironment.baseURL == "https://env.gotom.io")
        #expect(fromEnvironment.credentials?.user == "env_user")
        #expect(fromEnvironment.groupCredentials[.customer]?.user == "env_crm")
        #expect(fromEnvironment.groupCredentials[.report] == nil, "a user without its secret is not used")
        #expect(fromEnvironment.sources["base_url"] == "environment GOTOM_BASE_URL")

        let explicit = try GoTomSettings.resolve(
            .init(
                baseURL: "https://explicit.gotom.io", credentials: Credentials(user: "mine", secret: "s"),
                provider: "other_provider"),
            environment: environment, configPath: path)
        #expect(explicit.baseURL == "https://explicit.gotom.io")
        #expect(explicit.credentials == Credentials(user: "mine", secret: "s", provider: "other_provider"))
        #expect(explicit.groupCredentials[.customer]?.provider == "other_provider")
        #expect(explicit.sources["base_url"] == "explicit")
    }

    @Test("a secret in a file others can read is refused; a failing secret_command is reported without its text")
    func refusals() throws {
        let open = try Self.profileFile(Self.file, mode: 0o644)
        let error = try #require(throws: GoTomError.self) {
            try GoTomSettings.resolve(environment: [:], configPath: open)
        }
        #expect(error == .invalidConfiguration)
        #expect(error.detail?.contains("chmod 600") == true)

        let failing = try Self.profileFile("[default]\nuser = u\nsecret_command = exit 3 # token-test-only\n")
        let commandError = try #require(throws: GoTomError.self) {
            try GoTomSettings.resolve(environment: [:], configPath: failing)
        }
        #expect(commandError.detail == "secret_command of profile 'default' failed with exit status 3")
        #expect(!commandError.description.contains("token-test-only"))
    }

    @Test("the proxy comes from HTTPS_PROXY unless NO_PROXY names the host")
    func proxy() throws {
        let path = try Self.profileFile(Self.file)
        var environment = ["HTTPS_PROXY": "http://proxy.example:3128"]
        let proxied = try GoTomSettings.resolve(environment: environment, configPath: path).configuration()
        #expect(proxied.proxy == ProxySettings(host: "proxy.example", port: 3128))
        environment["NO_PROXY"] = ".gotom.io"
        let direct = try GoTomSettings.resolve(environment: environment, configPath: path).configuration()
        #expect(direct.proxy == nil)
    }

    @Test("no base URL or no credentials: an error that names where to set them")
    func missing() throws {
        let missingPath = FileManager.default.temporaryDirectory.appendingPathComponent("gotom-none-\(UUID())").path
        let settings = try GoTomSettings.resolve(
            environment: ["GOTOM_BASE_URL": "https://demo.gotom.io"],
            configPath: missingPath)
        let error = try #require(throws: GoTomError.self) { try settings.configuration() }
        #expect(error == .invalidConfiguration)
        #expect(error.detail?.contains("GOTOM_USER") == true)
    }
}
