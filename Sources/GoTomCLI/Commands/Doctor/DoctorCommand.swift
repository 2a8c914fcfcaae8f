import ArgumentParser
import Foundation
import GoTomAPI
import GoTomAuth

/// `gotom doctor`: where each setting comes from, then the checks from URL to signed request, each with a fix.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the settings, the connection and the credentials, and say how to fix what fails.",
        discussion: """
            Prints each setting and where it came from (flag, environment, profile, default; never the secret), \
            then checks in order: base URL syntax, DNS, proxy in use, TCP connect, TLS (the CA used, the \
            certificate's subject and expiry), one signed request per API (campaign, customer, report: are the \
            credentials accepted, is the user allowed?) and the clock offset against goTom's Date header.

            Each check prints ✓ (passed), ! (warning) or ✗ (failed) and, unless it passed, a fix. A check that \
            needs an earlier one that failed is skipped (-). Exit status 0 when every check passed, 1 otherwise.

            goTom accepts a request only when its Date is within 30 minutes of goTom's clock; doctor warns from \
            5 minutes on. gotom corrects its clock offset by itself after one rejected request, other clients \
            (curl, the example scripts) do not.

            Examples:
              gotom doctor
              gotom doctor --profile sandbox
              gotom doctor --base-url https://127.0.0.1:8443 --cacert .gotom-sandbox/tls/ca.pem
            """
    )

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try await Self.reportingFailures {
            let config = try connection.resolve()
            var doctor = Doctor(config: config, settings: connection.settings)
            doctor.printSettings()
            await doctor.runChecks()
            return doctor.allPassed ? .success : .failure
        }
    }
}

/// The state of one `gotom doctor` run: the outcome of each check so far.
struct Doctor {
    enum Outcome {
        case passed, warning, failed, skipped

        var symbol: String {
            switch self {
            case .passed: "✓"
            case .warning: "!"
            case .failed: "✗"
            case .skipped: "-"
            }
        }
    }

    let config: ResolvedConfig
    let settings: ConnectionSettings
    private(set) var outcomes: [Outcome] = []

    init(config: ResolvedConfig, settings: ConnectionSettings) {
        self.config = config
        self.settings = settings
    }

    var allPassed: Bool { !outcomes.isEmpty && outcomes.allSatisfy { $0 == .passed } }

    /// One line per setting with its value and source; the secret only as set or not.
    func printSettings() {
        let sources = config.sources
        var table = TextTable(headers: ["SETTING", "VALUE", "FROM"], maxCellWidth: nil)
        table.append(["profile", config.profile, sources["profile"] ?? "default"])
        table.append(["base_url", config.baseURL ?? "-", sources["base_url"] ?? "not set"])
        table.append(["user", config.user ?? "-", sources["user"] ?? "not set"])
        table.append(["secret", config.secret == nil ? "-" : "(set, not shown)", sources["secret"] ?? "not set"])
        table.append(["provider", config.provider, sources["provider"] ?? "default"])
        table.append(["cacert", config.caCertificatePath ?? "-", sources["cacert"] ?? "not set"])
        let defaults =
            settings.connectTimeout == ConnectionSettings.defaultConnectTimeout
            && settings.timeout == ConnectionSettings.defaultTimeout
        table.append([
            "timeouts",
            "connect \(Self.seconds(settings.connectTimeout)), response "
                + (settings.timeout > 0 ? Self.seconds(settings.timeout) : "unlimited"),
            defaults ? "default" : "flags",
        ])
        StandardStreams.writeOut("Settings (config file \(config.configPath)):\n" + table.render() + "\nChecks:\n")
    }

    /// Reports one check.
    mutating func report(_ outcome: Outcome, _ name: String, _ text: String, fix: String? = nil) {
        outcomes.append(outcome)
        var line = "\(outcome.symbol) \(name): \(text)\n"
        if let fix, outcome != .passed { line += "    fix: \(fix)\n" }
        StandardStreams.writeOut(line)
    }

    /// Runs the checks in order; a check whose prerequisite failed is reported as skipped.
    mutating func runChecks() async {
        // 1. Base URL syntax.
        guard let baseURL = config.baseURL else {
            report(
                .failed, "base URL", "not set",
                fix:
                    "pass --base-url, set GOTOM_BASE_URL, or run gotom config set base_url https://YOUR-INSTANCE.gotom.io"
            )
            return skipRest(after: "base URL")
        }
        let server: ServerAddress
        do {
            server = try ServerAddress(baseURL: baseURL)
            let plain = server.scheme == "http" && !Self.isLoopback(server.host)
            report(
                plain ? .warning : .passed, "base URL",
                "\(server)" + (plain ? " (plain HTTP: the body travels unencrypted)" : ""),
                fix: "use https:// for anything but a local sandbox")
        } catch {
            report(
                .failed, "base URL", "'\(baseURL)' is not usable: \(error)",
                fix: "give scheme and host, e.g. https://demo.gotom.io (no path, no query)")
            return skipRest(after: "base URL")
        }

        // 2. DNS.
        switch DoctorProbes.resolve(server.host) {
        case .success(let addresses):
            report(.passed, "DNS", "\(server.host) → \(addresses.joined(separator: ", "))")
        case .failure(let failure):
            report(
                .failed, "DNS", "cannot resolve \(server.host): \(failure.reason)",
                fix: "check the host name in base_url and this machine's DNS (or a VPN that should be up)")
            return skipRest(after: "DNS")
        }

        // 3. Proxy.
        let proxy: ProxySettings?
        do {
            proxy = try ProxySettings.resolve(for: server, environment: config.environment)
            if let proxy {
                report(
                    .passed, "proxy",
                    "requests go through \(proxy.host):\(proxy.port) "
                        + "(from \(server.scheme == "https" ? "HTTPS_PROXY" : "HTTP_PROXY"); NO_PROXY bypasses it)")
            } else {
                report(.passed, "proxy", "none, direct connection")
            }
        } catch {
            report(
                .failed, "proxy", "the proxy setting is not usable: \(error)",
                fix: "fix or unset \(server.scheme == "https" ? "HTTPS_PROXY" : "HTTP_PROXY")")
            return skipRest(after: "proxy")
        }

        // 4. TCP connect (to the proxy when there is one).
        let tcpHost = proxy?.host ?? server.host
        let tcpPort = proxy?.port ?? server.effectivePort
        switch await DoctorProbes.connect(host: tcpHost, port: tcpPort, timeout: settings.connectTimeout) {
        case .success(let elapsed):
            let what = proxy == nil ? "" : " (the proxy)"
            report(.passed, "TCP", "connected to \(tcpHost):\(tcpPort)\(what) in \(elapsed.wholeMilliseconds) ms")
        case .failure(let failure):
            report(
                .failed, "TCP", "cannot connect to \(tcpHost):\(tcpPort) (\(failure.reason))",
                fix: proxy == nil
                    ? "check the port in base_url, that goTom (or the sandbox) is running, and firewalls"
                    : "check the proxy address, or set NO_PROXY=\(server.host) to bypass it")
            return skipRest(after: "TCP")
        }

        // 5. TLS.
        if server.scheme == "https" {
            if proxy != nil {
                report(.passed, "TLS", "checked through the proxy by the signed requests below")
            } else if !(await checkTLS(server)) {
                return skipRest(after: "TLS")
            }
        } else {
            report(.passed, "TLS", "not used (http)")
        }

        // 6. One signed request per API group; 7. the clock offset from their Date headers.
        await checkSignedRequests(server)
    }

    private mutating func checkTLS(_ server: ServerAddress) async -> Bool {
        let ca = config.caCertificatePath
        let trust = ca.map { "system trust store + \($0)" } ?? "system trust store"
        switch await DoctorProbes.handshake(
            host: server.host, port: server.effectivePort, caFile: ca, verify: true,
            timeout: settings.connectTimeout)
        {
        case .success(let report):
            let days = Int(report.notValidAfter.timeIntervalSinceNow / 86400)
            let expiry = ISO8601DateFormatter().string(from: report.notValidAfter)
            let soon = days < 14
            self.report(
                soon ? .warning : .passed, "TLS",
                "certificate \(report.subject), issued by \(report.issuer), valid until \(expiry) "
                    + "(\(days) days); trusted via the \(trust)",
                fix: "the certificate expires soon; renew it on the server")
            return true
        case .failure(let failure):
            // Read the certificate without trusting it, to name it in the report (nothing is sent).
            let unverified = await DoctorProbes.handshake(
                host: server.host, port: server.effectivePort, caFile: nil,
                verify: false, timeout: settings.connectTimeout)
            var text =
                "handshake with \(server.host):\(server.effectivePort) failed using the \(trust): "
                + failure.reason
            if case .success(let report) = unverified {
                text += "; its certificate: \(report.subject), issued by \(report.issuer)"
            }
            report(
                .failed, "TLS", text,
                fix: ca == nil
                    ? "if the server uses a private CA (e.g. the sandbox's), pass --cacert FILE or set GOTOM_CACERT"
                    : "check that \(ca!) is the CA that issued the server's certificate")
            return false
        }
    }

    /// The API groups and a harmless signed GET for each (a 404 still proves the credentials are accepted).
    static let probes: [(group: String, target: String)] = [
        ("campaign", "/app-api/primary-keys/platform"),
        ("customer", "/app-api/customer"),
        ("report", "/app-api/graph-export/download/0"),
    ]

    private mutating func checkSignedRequests(_ server: ServerAddress) async {
        guard let user = config.user, let secret = config.secret else {
            for probe in Self.probes {
                report(
                    .failed, "\(probe.group) API", "no credentials",
                    fix: "set GOTOM_USER and GOTOM_SECRET, or gotom config set user NAME; gotom config set secret")
            }
            report(.skipped, "clock", "skipped: needs a response from goTom")
            return
        }
        let credentials = Credentials(user: user, secret: secret, provider: config.provider)
        let transport: HTTPTransport
        do {
            transport = try HTTPTransport(
                configuration: try settings.transportConfiguration(for: server, config: config))
        } catch {
            for probe in Self.probes {
                report(.failed, "\(probe.group) API", "cannot set up the client: \(error)", fix: "check --cacert")
            }
            report(.skipped, "clock", "skipped: needs a response from goTom")
            return
        }
        var offsets: [Int64] = []
        var dateRejected = false
        for probe in Self.probes {
            let name = "\(probe.group) API"
            do {
                let prepared = try await PreparedRequest.make(
                    server: server, method: "GET", requestURI: probe.target, contentType: "application/json",
                    body: .empty, signer: RequestSigner(credentials: credentials))
                let response = try await transport.send(prepared.outgoing)
                let localNow = UnixTime.now().seconds
                let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
                if let date = response.header("Date"), let serverTime = DateHeaderParser.parse(date) {
                    offsets.append(serverTime.seconds - localNow)
                }
                let line = "GET \(probe.target) → \(response.statusCode)"
                let message = Self.message(in: body)
                switch response.statusCode {
                case 401:
                    let failure = message.flatMap(VerificationError.init(serverMessage:))
                    let isDate = failure == .requestTooOld || failure == .requestInFuture
                    dateRejected = dateRejected || isDate
                    report(
                        .failed, name, "credentials of \(user) rejected: \(message ?? "Unauthorized") (\(line))",
                        fix: isDate
                            ? "this machine's clock is off: see the clock check below"
                            : "check the user and the secret (and the provider, \(config.provider)); the sources are "
                                + "listed above")
                case 403:
                    report(
                        .failed, name,
                        "credentials accepted, but \(user) is not allowed on the \(probe.group) "
                            + "API (\(line))",
                        fix: "ask goTom to give \(user) access to the \(probe.group) API, or use the user issued for it"
                    )
                case 500...:
                    report(
                        .failed, name, "goTom failed: \(message ?? "server error") (\(line))",
                        fix: "try again later; if it persists, tell goTom the time and this request")
                default:
                    report(.passed, name, "credentials accepted, \(user) allowed (\(line))")
                }
            } catch {
                let reason = (error as? GoTomTransportError).map(GoTomError.describe) ?? "\(error)"
                report(
                    .failed, name, "no response: \(reason)",
                    fix: "see the TCP and TLS checks above; a proxy may block the request")
            }
        }
        try? await transport.shutdown()
        checkClock(offsets: offsets, dateRejected: dateRejected)
    }

    private mutating func checkClock(offsets: [Int64], dateRejected: Bool) {
        guard let offset = offsets.first else {
            report(.skipped, "clock", "skipped: goTom sent no Date header")
            return
        }
        let direction = offset > 0 ? "behind" : "ahead of"
        let amount = Self.duration(abs(offset))
        let window = "goTom rejects a request whose Date is more than 30 minutes from its clock"
        if abs(offset) > 30 * 60 || dateRejected {
            report(
                .failed, "clock", "this machine's clock is \(amount) \(direction) goTom's; \(window)",
                fix: "set the clock (e.g. timedatectl set-ntp true); gotom corrects a known offset by itself, other "
                    + "clients do not")
        } else if abs(offset) > 5 * 60 {
            report(
                .warning, "clock", "this machine's clock is \(amount) \(direction) goTom's; \(window)",
                fix: "set the clock (e.g. timedatectl set-ntp true) before the offset reaches 30 minutes")
        } else {
            report(.passed, "clock", abs(offset) < 2 ? "in step with goTom's" : "\(amount) \(direction) goTom's")
        }
    }

    private mutating func skipRest(after name: String) {
        let remaining = ["DNS", "proxy", "TCP", "TLS", "campaign API", "customer API", "report API", "clock"]
        let start = remaining.firstIndex(of: name).map { $0 + 1 } ?? 0
        for check in remaining[start...] { report(.skipped, check, "skipped: needs \(name)") }
    }

    private static func message(in body: [UInt8]) -> String? {
        guard !body.isEmpty else { return nil }
        if let text = try? JSONDecoder().decode(String.self, from: Data(body)) { return text }
        if let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] {
            return (object["detail"] ?? object["message"] ?? object["title"]) as? String
        }
        return nil
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// `42 s`, `12 min`, `2 h 5 min`.
    static func duration(_ seconds: Int64) -> String {
        if seconds < 120 { return "\(seconds) s" }
        // Rounded to the minute: the Date header has whole seconds, so a 600 s offset may measure 599 s.
        let minutes = (seconds + 30) / 60
        if minutes < 120 { return "\(minutes) min" }
        return "\(minutes / 60) h \(minutes % 60) min"
    }
}

extension Duration {
    /// The whole milliseconds.
    var wholeMilliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
