import Foundation
import GoTomAPI
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS
import SwiftASN1
import X509

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The network probes of `gotom doctor`: name lookup, TCP connect and TLS handshake, each on its own.
enum DoctorProbes {
    /// The addresses `host` resolves to, or the resolver's reason.
    static func resolve(_ host: String) -> Result<[String], ProbeFailure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
            hints.ai_socktype = SOCK_STREAM
        #else
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            return .failure(ProbeFailure(String(cString: gai_strerror(status))))
        }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(
                current.pointee.ai_addr, current.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil,
                0, NI_NUMERICHOST) == 0
            {
                let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !addresses.contains(text) { addresses.append(text) }
            }
            entry = current.pointee.ai_next
        }
        return .success(addresses)
    }

    /// Opens and closes a TCP connection; the time it took, or why it failed.
    static func connect(host: String, port: Int, timeout: Double) async -> Result<Duration, ProbeFailure> {
        let started = ContinuousClock.now
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.milliseconds(Int64(timeout * 1000)))
                .connect(host: host, port: port).get()
            let elapsed = ContinuousClock.now - started
            try? await channel.close().get()
            return .success(elapsed)
        } catch {
            return .failure(ProbeFailure(describe(error)))
        }
    }

    /// What a TLS handshake showed: the server certificate, and whether it is trusted.
    struct TLSReport: Sendable {
        /// The leaf certificate's subject, e.g. `CN=127.0.0.1`.
        var subject: String
        /// The leaf certificate's issuer.
        var issuer: String
        /// The end of the leaf certificate's validity.
        var notValidAfter: Date
    }

    /// Performs a TLS handshake with the same trust as `gotom`'s requests (system roots plus `caFile`).
    ///
    /// - Parameter verify: `false` to read the certificate of a server that is not trusted (nothing is sent).
    static func handshake(
        host: String, port: Int, caFile: String?, verify: Bool, timeout: Double
    ) async -> Result<TLSReport, ProbeFailure> {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = verify ? .fullVerification : .none
        if let caFile {
            guard let certificates = try? NIOSSLCertificate.fromPEMFile(caFile), !certificates.isEmpty else {
                return .failure(ProbeFailure("cannot load a CA certificate from \(caFile)"))
            }
            configuration.additionalTrustRoots = [.certificates(certificates)]
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            return .failure(ProbeFailure("cannot set up TLS: \(error)"))
        }
        let isAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
        let serverName = isAddress ? nil : host
        let group = MultiThreadedEventLoopGroup.singleton
        let promise = group.next().makePromise(of: TLSReport.self)
        do {
            let channel = try await ClientBootstrap(group: group)
                .connectTimeout(.milliseconds(Int64(timeout * 1000)))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let handler = try NIOSSLClientHandler(context: context, serverHostname: serverName)
                        try channel.pipeline.syncOperations.addHandler(handler)
                        try channel.pipeline.syncOperations.addHandler(HandshakeWatcher(promise: promise))
                    }
                }
                .connect(host: host, port: port).get()
            // A server that accepts but never answers the handshake: give up after the timeout.
            let deadline = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(timeout * 1000))) {
                promise.fail(ProbeFailure("no TLS handshake within \(Int(timeout)) s"))
            }
            defer { deadline.cancel() }
            let report = try await promise.futureResult.get()
            try? await channel.close().get()
            return .success(report)
        } catch {
            promise.fail(error)
            return .failure((error as? ProbeFailure) ?? ProbeFailure(describe(error)))
        }
    }

    /// A connection or TLS error in a few words.
    static func describe(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError {
            let reasons = error.connectionErrors.map { describe($0.error) }
            if let dns = error.dnsAAAAError ?? error.dnsAError, reasons.isEmpty { return "name lookup failed: \(dns)" }
            return reasons.first ?? "unreachable"
        }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        if let channelError = error as? ChannelError, case .connectTimeout = channelError { return "timed out" }
        if let error = error as? NIOSSLError {
            if case .handshakeFailed(let inner) = error { return GoTomError.plainTLSDetail("\(inner)") }
            return "\(error)"
        }
        return "\(error)"
    }
}

/// Why a probe failed, in a few words.
struct ProbeFailure: Error, Sendable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// Completes a promise with the peer certificate once the TLS handshake is done, or with its error.
private final class HandshakeWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    let promise: EventLoopPromise<DoctorProbes.TLSReport>

    init(promise: EventLoopPromise<DoctorProbes.TLSReport>) { self.promise = promise }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent {
            guard let handler = try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self),
                let certificate = handler.peerCertificate,
                let der = try? certificate.toDERBytes(),
                let parsed = try? Certificate(derEncoded: der)
            else {
                promise.fail(ProbeFailure("the server sent no readable certificate"))
                return
            }
            promise.succeed(
                DoctorProbes.TLSReport(
                    subject: "\(parsed.subject)", issuer: "\(parsed.issuer)", notValidAfter: parsed.notValidAfter))
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(ProbeFailure(DoctorProbes.describe(error)))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(ProbeFailure("the server closed the connection during the TLS handshake"))
        context.fireChannelInactive()
    }
}
