import GoTomAuth
import Hummingbird
import ServiceLifecycle

/// A sandbox running in the background of the current process, e.g. for tests and the CLI.
///
/// ```swift
/// let sandbox = try await SandboxServer.start(configuration: .init(port: 0, storage: .inMemory))
/// // sign requests with sandbox.credentials and send them to sandbox.baseURL
/// try await sandbox.stop()
/// ```
public final class SandboxServer: Sendable {
    /// Where it listens, with the setup it was built with.
    public let address: SandboxAddress

    /// The bound port.
    public var port: Int { address.port }

    /// The base URL, e.g. `http://127.0.0.1:54321`.
    public var baseURL: String { address.baseURL }

    /// The credentials clients sign with.
    public var credentials: Credentials { address.setup.credentials }

    /// The CA certificate clients must trust, when TLS is on.
    public var caCertificatePath: String? { address.setup.caCertificatePath }

    /// The control plane and web console URL, when the control plane is on.
    public var controlURL: String? { address.controlURL }

    /// The recent-request journal.
    public let journal: RequestJournal

    /// The fault rules in force.
    public let faults: FaultTable

    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(
        address: SandboxAddress, journal: RequestJournal, faults: FaultTable, group: ServiceGroup,
        task: Task<Void, any Error>
    ) {
        self.address = address
        self.journal = journal
        self.faults = faults
        self.group = group
        self.task = task
    }

    /// Builds a sandbox, starts it and waits until it listens.
    ///
    /// - Parameter configuration: How to run it; use port 0 to get a free port.
    /// - Returns: The running sandbox.
    /// - Throws: ``SandboxError`` when it cannot be built or does not start listening.
    public static func start(configuration: SandboxConfiguration) async throws -> SandboxServer {
        let (stream, continuation) = AsyncStream<SandboxAddress>.makeStream()
        let app = try await buildSandbox(configuration: configuration) { address in
            continuation.yield(address)
            continuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [app], logger: app.logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = stream.makeAsyncIterator()
        guard let address = await iterator.next() else {
            let reason: String
            switch await task.result {
            case .success: reason = "the server stopped before listening"
            case .failure(let error): reason = "\(error)"
            }
            throw SandboxError.serverFailedToStart(
                "cannot listen on \(configuration.host):\(configuration.port): \(reason)")
        }
        return SandboxServer(address: address, journal: app.journal, faults: app.faults, group: group, task: task)
    }

    /// Stops accepting requests, finishes the ones in flight, commits pending writes and closes the database.
    ///
    /// - Throws: Whatever the server failed with while running.
    public func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }
}
