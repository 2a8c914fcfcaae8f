import Foundation
import GoTomAuth
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging

/// Builds a sandbox from its configuration: data directory, credentials, database, fixtures and, with TLS, the
/// local certificate authority.
///
/// Run the returned application with `runService()` (it shuts down gracefully on SIGINT and SIGTERM and closes the
/// database), or use ``SandboxServer`` to start one in the background, e.g. in tests.
///
/// - Parameters:
///   - configuration: How to run the sandbox.
///   - onServerRunning: Called with the bound address once the server listens (useful with port 0).
/// - Returns: The application.
/// - Throws: ``SandboxError`` when the directory, credentials, database, fixtures or certificates are unusable.
public func buildSandbox(
    configuration: SandboxConfiguration,
    onServerRunning: @escaping @Sendable (SandboxAddress) async -> Void = { _ in }
) async throws -> SandboxApplication {
    guard (0...65535).contains(configuration.port) else {
        throw SandboxError.invalidConfiguration("port \(configuration.port) is outside 0...65535")
    }
    guard configuration.maxBodySize > 0 else { throw SandboxError.invalidConfiguration("maxBodySize must be positive") }

    let directory: String?
    switch configuration.storage {
    case .directory(let path):
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        do {
            if !FileManager.default.fileExists(atPath: absolute) {
                try FileManager.default.createDirectory(
                    atPath: absolute, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
                )
            }
        } catch {
            throw SandboxError.dataDirectoryUnavailable("cannot create \(absolute): \(error)")
        }
        directory = absolute
    case .inMemory:
        directory = nil
    }

    if configuration.controlPlane, configuration.controlToken == nil, !isLoopback(configuration.host) {
        throw SandboxError.invalidConfiguration(
            "the control plane (/_sandbox/) is served without a token only on a loopback address; on "
                + "\(configuration.host) give it a token (--control-token or GOTOM_SANDBOX_CONTROL_TOKEN) or turn "
                + "it off (--no-control-plane)")
    }
    if let token = configuration.controlToken, token.count < 8 {
        throw SandboxError.invalidConfiguration("the control token must have at least 8 characters")
    }
    guard (0...1_000_000).contains(configuration.journalCapacity) else {
        throw SandboxError.invalidConfiguration("the journal keeps 0 (off) to 1000000 requests")
    }
    for rule in configuration.faults { try rule.validate() }
    let users: [SandboxUser]
    if configuration.users.isEmpty {
        let stored = try SandboxCredentialsFile.resolve(
            user: configuration.user, secret: configuration.secret, directory: directory
        )
        users = [SandboxUser(name: stored.user, secret: stored.secret)]
    } else {
        users = configuration.users
    }
    var names: Set<String> = []
    for user in users where !names.insert(user.name).inserted {
        throw SandboxError.invalidConfiguration("the user '\(user.name)' is given twice")
    }
    let credentials = users[0].credentials
    if configuration.fixtures != nil, configuration.fixturesPath != nil {
        throw SandboxError.invalidConfiguration("give fixtures as a value or as a file, not both")
    }
    let fixtures =
        try configuration.fixtures
        ?? configuration.fixturesPath.map { path in
            try SandboxFixtures.load(path: path)
        }
    let settings = try SandboxBootstrap.settings(from: fixtures)
    let master = try SandboxBootstrap.masterData(
        from: fixtures, largeReport: LargeReport(id: configuration.largeReportId, size: configuration.largeReportSize)
    )

    var authority: LocalCertificateAuthority?
    var server: HTTPServerBuilder = .http1()
    var temporaryDirectory: String?
    if configuration.tls {
        if directory == nil {
            temporaryDirectory =
                FileManager.default.temporaryDirectory
                .appendingPathComponent("gotom-sandbox-\(UUID().uuidString)").path
        }
        let tlsDirectory = directory.map { $0 + "/tls" } ?? temporaryDirectory ?? ""
        let loaded = try LocalCertificateAuthority.loadOrCreate(in: tlsDirectory)
        do {
            server = try .tls(.http1(), tlsConfiguration: try loaded.serverTLSConfiguration())
        } catch let error as SandboxError {
            throw error
        } catch {
            throw SandboxError.certificateFailure("cannot set up TLS: \(error)")
        }
        authority = loaded
    }

    let logger = configuration.logger
    let store = try await SandboxStore.open(path: directory.map(SandboxStore.path(inDataDirectory:)), logger: logger)
    var state = SandboxState(settings: settings, master: master)
    do {
        let decoder = JSONDecoder()
        let campaigns = try await store.records(CampaignRecord.self, kind: SandboxStore.EntityKind.campaign)
        let customers = try await store.records(CustomerRecord.self, kind: SandboxStore.EntityKind.customer)
        let meta = Dictionary(
            try await store.bodies(kind: SandboxStore.EntityKind.meta).map { ($0.key, $0.body) },
            uniquingKeysWith: { _, last in last }
        )
        let registry = try meta["registry"].map { try decoder.decode(CrmRegistry.self, from: Data($0.utf8)) }
        let counters = try meta["counters"].map { try decoder.decode(Counters.self, from: Data($0.utf8)) }
        state.load(campaigns: campaigns, customers: customers, registry: registry, counters: counters)
    } catch {
        try? await store.close()
        throw SandboxError.databaseFailure("cannot read the stored data: \(error)")
    }
    do {
        try SandboxBootstrap.seed(&state, from: fixtures)
    } catch {
        try? await store.close()
        throw error
    }
    let seeded = state.takeJournal()
    if !seeded.isEmpty {
        do {
            try await store.apply(seeded)
        } catch {
            try? await store.close()
            throw SandboxError.databaseFailure("cannot store the seeded data: \(error)")
        }
    }

    let startState: @Sendable () throws -> SandboxState = {
        var fresh = SandboxState(settings: settings, master: master)
        try SandboxBootstrap.seed(&fresh, from: fixtures)
        return fresh
    }
    let engine = SandboxEngine(state: state, store: store, logger: logger)
    let setup = SandboxSetup(
        credentials: credentials,
        scheme: configuration.tls ? "https" : "http",
        host: configuration.host,
        requestedPort: configuration.port,
        dataDirectory: directory,
        caCertificatePath: authority?.caCertificatePath,
        certificateAuthority: authority,
        users: users,
        controlPlane: configuration.controlPlane
    )
    let journal = RequestJournal(capacity: configuration.journalCapacity, bodyLimit: configuration.journalBodyLimit)
    let faults = FaultTable(configuration.faults)
    let responder = SandboxResponder(
        handlers: SandboxHandlers(engine: engine, master: master, settings: settings, logger: logger),
        verifier: RequestVerifier(clock: configuration.clock),
        users: Dictionary(uniqueKeysWithValues: users.map { ($0.name, $0) }),
        clock: configuration.clock,
        maxBodySize: configuration.maxBodySize,
        scheme: setup.scheme,
        fallbackAuthority: "\(configuration.host):\(configuration.port)",
        logger: logger,
        journal: journal,
        faults: faults,
        control: configuration.controlPlane
            ? ControlPlane(
                journal: journal, faults: faults, startupFaults: configuration.faults, engine: engine,
                startState: startState, token: configuration.controlToken, startedAt: .now)
            : nil
    )
    return SandboxApplication(
        setup: setup, responder: responder, server: server, engine: engine,
        temporaryDirectory: temporaryDirectory, logger: logger,
        onServerRunning: onServerRunning
    )
}

/// Whether a bind address only accepts connections from this machine.
func isLoopback(_ host: String) -> Bool {
    let trimmed = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    return trimmed == "localhost" || trimmed == "::1" || trimmed.hasPrefix("127.")
}
