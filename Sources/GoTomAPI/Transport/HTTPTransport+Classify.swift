import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

extension HTTPTransport {
    /// Maps AsyncHTTPClient, NIO and TLS errors to a ``GoTomTransportError`` at the stage the request reached.
    ///
    /// `reached` is what the request body recorded (``TrackedBody``), or ``DeliveryStage/awaitingResponse`` for a
    /// request without a body. Where an error's type can only come from an earlier stage (a refused connect, a
    /// failed handshake or certificate check, a pool that was shut down), the type sets the stage; before the
    /// request head was written, AsyncHTTPClient's error types also tell a TLS failure from a connect failure.
    /// The wording of an error is never read.
    static func classify(_ error: any Error, reached: DeliveryStage, server: ServerAddress?) -> GoTomTransportError {
        if let error = error as? GoTomTransportError { return error }
        let target = server.map { "\($0.host):\($0.effectivePort)" } ?? "the server"
        if let error = error as? HTTPClientError {
            // AsyncHTTPClient checks the URL and the pool's state before anything is sent.
            if error == .invalidURL || error == .emptyHost || error == .emptyScheme {
                return GoTomTransportError.invalidURL("\(server.map { "\($0)" } ?? "the URL"): \(error)")
            }
            if error == .alreadyShutdown {
                return GoTomTransportError(.connectionFailed, stage: .connecting, detail: "the transport was shut down")
            }
        }
        if isHandshakeFailure(error) {
            return GoTomTransportError(.tlsFailed, stage: .tlsHandshake, detail: "\(error)")
        }
        if let error = error as? IOError, connectErrnos.contains(error.errnoCode) {
            let reason = String(cString: strerror(error.errnoCode)).lowercased()
            return GoTomTransportError(
                .connectionFailed, stage: .connecting, detail: "cannot connect to \(target): \(reason)")
        }
        let beforeWriting = reached == .connecting || reached == .tlsHandshake
        // AsyncHTTPClient reports a failed TCP connect as NIOConnectionError or a connect timeout. Any other failure
        // before the request head went out to an https server came after the TCP connect: in the TLS handshake.
        if reached == .connecting, server?.scheme == "https", !isConnectFailure(error) {
            let reason = (error as? IOError).map { String(cString: strerror($0.errnoCode)).lowercased() } ?? "\(error)"
            return GoTomTransportError(.tlsFailed, stage: .tlsHandshake, detail: reason)
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .httpProxyHandshakeTimeout, .getConnectionFromPoolTimeout:
                return GoTomTransportError(
                    .timedOut, stage: .connecting, detail: "could not connect to \(target) in time")
            case .tlsHandshakeTimeout:
                return GoTomTransportError(
                    .timedOut, stage: .tlsHandshake, detail: "no TLS handshake with \(target) in time")
            case .deadlineExceeded:
                // The request's deadline covers the wait for the response head only (see `transfer`).
                return GoTomTransportError(.timedOut, stage: reached, detail: "no response head in time")
            case .readTimeout, .writeTimeout:
                return GoTomTransportError(.timedOut, stage: reached, detail: "no complete response in time")
            case .remoteConnectionClosed:
                return GoTomTransportError(.connectionLost, stage: reached, detail: "the server closed the connection")
            case .invalidProxyResponse, .proxyAuthenticationRequired:
                return GoTomTransportError(
                    .connectionFailed, stage: .connecting, detail: "the proxy refused the connection (\(error))")
            default:
                return GoTomTransportError(
                    beforeWriting ? .connectionFailed : .connectionLost, stage: reached,
                    detail: "\(error)")
            }
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return GoTomTransportError(.tlsFailed, stage: beforeWriting ? .tlsHandshake : reached, detail: "\(error)")
        }
        if let error = error as? NIOConnectionError {
            let reasons =
                (error.connectionErrors.map { "\($0.error)" }
                    + [error.dnsAAAAError, error.dnsAError]
                    .compactMap { $0.map { "\($0)" } })
            return GoTomTransportError(
                .connectionFailed, stage: .connecting,
                detail: "cannot connect to \(error.host):\(error.port) (\(reasons.first ?? "unreachable"))")
        }
        if let error = error as? IOError {
            let reason = String(cString: strerror(error.errnoCode)).lowercased()
            return beforeWriting
                ? GoTomTransportError(
                    .connectionFailed, stage: reached, detail: "cannot connect to \(target): \(reason)")
                : GoTomTransportError(.connectionLost, stage: reached, detail: reason)
        }
        return GoTomTransportError(
            beforeWriting ? .connectionFailed : .connectionLost, stage: reached,
            detail: "\(error)")
    }

    /// Errors a socket reports only while connecting.
    private static let connectErrnos: Set<Int32> = [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH]

    /// Whether `error` can only come from the TLS handshake: a failed handshake or certificate or host name check.
    private static func isHandshakeFailure(_ error: any Error) -> Bool {
        if let error = error as? NIOSSLExtraError {
            return error == .failedToValidateHostname || error == .serverHostnameImpossibleToMatch
        }
        guard let error = error as? NIOSSLError else { return false }
        switch error {
        case .handshakeFailed, .unableToValidateCertificate, .noCertificateToValidate, .cannotMatchULabel:
            return true
        default:
            return false
        }
    }

    /// Whether AsyncHTTPClient reported `error` for the TCP connect (or the proxy's tunnel), before any TLS.
    private static func isConnectFailure(_ error: any Error) -> Bool {
        if error is NIOConnectionError { return true }
        guard let error = error as? HTTPClientError else { return false }
        switch error {
        case .connectTimeout, .httpProxyHandshakeTimeout, .getConnectionFromPoolTimeout, .invalidProxyResponse,
            .proxyAuthenticationRequired:
            return true
        default:
            return false
        }
    }
}
