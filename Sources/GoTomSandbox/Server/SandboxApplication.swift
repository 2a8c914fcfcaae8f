import GoTomAuth
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// A ready-to-run sandbox: a Hummingbird application whose responder speaks goTom's App API.
///
/// Run it with `try await app.runService()` (graceful shutdown on SIGINT and SIGTERM) or test it with
/// HummingbirdTesting (`app.test(.router) { client in … }`). Unlike Hummingbird's `Application`, it does not
/// overwrite the `Date` response header: the sandbox sends its own clock's time, which clients use to correct
/// their clock skew.
public struct SandboxApplication: ApplicationProtocol {
    /// The responder type.
    public typealias Responder = SandboxResponderBox

    /// What clients need to reach this sandbox.
    public let setup: SandboxSetup

    /// The responder behind every request.
    public let responder: SandboxResponderBox

    /// The HTTP or HTTPS server builder.
    public let server: HTTPServerBuilder

    /// The bind address.
    public let configuration: ApplicationConfiguration

    /// The logger for lifecycle events and the request log.
    public let logger: Logger

    /// The recent-request journal (also served at `/_sandbox/requests`).
    public var journal: RequestJournal { responder.base.journal }

    /// The fault rules in force (also managed at `/_sandbox/faults`).
    public var faults: FaultTable { responder.base.faults }

    /// The services run next to the server (the store's lifecycle).
    public let services: [any Service]

    private let serverRunning: @Sendable (SandboxAddress) async -> Void

    init(
        setup: SandboxSetup,
        responder: SandboxResponder,
        server: HTTPServerBuilder,
        engine: SandboxEngine,
        temporaryDirectory: String?,
        logger: Logger,
        onServerRunning: @escaping @Sendable (SandboxAddress) async -> Void
    ) {
        self.setup = setup
        self.responder = SandboxResponderBox(responder)
        self.server = server
        self.configuration = ApplicationConfiguration(
            address: .hostname(setup.host, port: setup.requestedPort), serverName: nil
        )
        self.logger = logger
        self.services = [StoreLifecycleService(engine: engine, temporaryDirectory: temporaryDirectory)]
        self.serverRunning = onServerRunning
    }

    /// Reports the bound address once the server listens.
    ///
    /// - Parameter channel: The listening channel.
    public func onServerRunning(_ channel: any Channel) async {
        let port = channel.localAddress?.port ?? setup.requestedPort
        logger.info("sandbox listening", metadata: ["gotom.url": "\(setup.scheme)://\(setup.host):\(port)"])
        await serverRunning(SandboxAddress(setup: setup, port: port))
    }

    /// Runs the server and the store until graceful shutdown.
    ///
    /// - Throws: When the server cannot bind or fails.
    public func run() async throws {
        let responder = self.responder
        let logger = self.logger
        let server = try self.server.buildServer(
            configuration: ServerConfiguration(address: configuration.address, serverName: nil),
            eventLoopGroup: eventLoopGroup,
            logger: logger
        ) { (request, responseWriter: consuming ResponseWriter, channel) in
            switch await responder.base.answer(request) {
            case .respond(let response):
                try await responseWriter.write(response: response.head, body: response.body)
            case .dropBeforeHead:
                // A fault rule: the client sees the connection close without an answer.
                try? await channel.close()
                throw SandboxResponder.ConnectionDropped()
            case .dropAfterHead(let response):
                // A fault rule: the head goes out, then the connection closes before the body.
                _ = try await responseWriter.writeHead(response.head)
                try? await channel.close()
                throw SandboxResponder.ConnectionDropped()
            }
        } onServerRunning: { channel in
            await self.onServerRunning(channel)
        }
        let group = ServiceGroup(configuration: .init(services: services + [server], logger: logger))
        try await group.run()
    }
}

/// The sandbox's responder as a public type (the pipeline itself stays internal).
public struct SandboxResponderBox: HTTPResponder {
    /// The request context type.
    public typealias Context = BasicRequestContext

    let base: SandboxResponder

    init(_ base: SandboxResponder) {
        self.base = base
    }

    /// Answers a request.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - context: The request context.
    /// - Returns: The response.
    /// - Throws: Never in practice; errors become responses.
    public func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        try await base.respond(to: request, context: context)
    }
}
