import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// The files of the sandbox's local certificate authority and the server certificate it signed.
///
/// On first start with TLS the sandbox creates a self-signed CA (P-256) and a server certificate for
/// `localhost`, `127.0.0.1` and `::1`, stores all four PEM files, and reuses them afterwards. Clients trust the
/// sandbox by trusting ``caCertificatePath`` (`curl --cacert`, `NODE_EXTRA_CA_CERTS`, `gotom --cacert`).
public struct LocalCertificateAuthority: Sendable, Hashable {
    /// The CA certificate (PEM); hand this to clients.
    public let caCertificatePath: String
    /// The CA private key (PEM, mode 0600).
    public let caKeyPath: String
    /// The server certificate (PEM) signed by the CA.
    public let serverCertificatePath: String
    /// The server private key (PEM, mode 0600).
    public let serverKeyPath: String

    init(directory: String) {
        caCertificatePath = directory + "/ca.pem"
        caKeyPath = directory + "/ca-key.pem"
        serverCertificatePath = directory + "/server.pem"
        serverKeyPath = directory + "/server-key.pem"
    }

    /// Loads the CA and server certificate from `directory`, creating whatever is missing or expired.
    ///
    /// - Parameters:
    ///   - directory: Where the PEM files live; created if needed.
    ///   - now: The current time, for validity periods.
    /// - Returns: The paths of the four files.
    /// - Throws: ``SandboxError/certificateFailure`` when files cannot be generated, read or written.
    static func loadOrCreate(in directory: String, now: Date = Date()) throws(SandboxError) -> LocalCertificateAuthority
    {
        let authority = LocalCertificateAuthority(directory: directory)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let caKey: Certificate.PrivateKey
            let caCertificate: Certificate
            if let key = try? Self.readKey(authority.caKeyPath),
                let certificate = try? Self.readCertificate(authority.caCertificatePath),
                certificate.notValidAfter > now.addingTimeInterval(24 * 3600)
            {
                caKey = key
                caCertificate = certificate
            } else {
                (caKey, caCertificate) = try Self.makeAuthority(now: now)
                try Self.write(caCertificate.serializeAsPEM().pemString, to: authority.caCertificatePath, mode: 0o644)
                try Self.write(caKey.serializeAsPEM().pemString, to: authority.caKeyPath, mode: 0o600)
                try? FileManager.default.removeItem(atPath: authority.serverCertificatePath)
            }
            let serverIsUsable: Bool = {
                guard (try? Self.readKey(authority.serverKeyPath)) != nil,
                    let certificate = try? Self.readCertificate(authority.serverCertificatePath)
                else { return false }
                return certificate.issuer == caCertificate.subject
                    && certificate.notValidAfter > now.addingTimeInterval(24 * 3600)
            }()
            if !serverIsUsable {
                let (serverKey, serverCertificate) = try Self.makeServerCertificate(
                    issuer: caCertificate, issuerKey: caKey, now: now
                )
                try Self.write(
                    serverCertificate.serializeAsPEM().pemString, to: authority.serverCertificatePath, mode: 0o644)
                try Self.write(serverKey.serializeAsPEM().pemString, to: authority.serverKeyPath, mode: 0o600)
            }
        } catch let error as SandboxError {
            throw error
        } catch {
            throw .certificateFailure("cannot create or load the local CA in \(directory): \(error)")
        }
        return authority
    }

    /// The server-side TLS configuration that presents the server certificate.
    ///
    /// - Returns: A TLS configuration for HummingbirdTLS.
    /// - Throws: ``SandboxError/certificateFailure`` when the PEM files cannot be loaded.
    func serverTLSConfiguration() throws(SandboxError) -> TLSConfiguration {
        do {
            let certificates = try NIOSSLCertificate.fromPEMFile(serverCertificatePath)
            let key = try NIOSSLPrivateKey(file: serverKeyPath, format: .pem)
            return TLSConfiguration.makeServerConfiguration(
                certificateChain: certificates.map { .certificate($0) },
                privateKey: .privateKey(key)
            )
        } catch {
            throw .certificateFailure("cannot load the server certificate \(serverCertificatePath): \(error)")
        }
    }

    private static func makeAuthority(now: Date) throws -> (Certificate.PrivateKey, Certificate) {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let name = try DistinguishedName {
            OrganizationName("GoTomKit")
            CommonName("GoTomKit Sandbox Local CA")
        }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
            Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            SubjectKeyIdentifier(hash: key.publicKey)
        }
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: key.publicKey,
            notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: now.addingTimeInterval(10 * 365 * 24 * 3600),
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions,
            issuerPrivateKey: key
        )
        return (key, certificate)
    }

    private static func makeServerCertificate(
        issuer: Certificate, issuerKey: Certificate.PrivateKey, now: Date
    ) throws -> (Certificate.PrivateKey, Certificate) {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let subject = try DistinguishedName {
            OrganizationName("GoTomKit")
            CommonName("localhost")
        }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.notCertificateAuthority)
            Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
            try ExtendedKeyUsage([.serverAuth])
            SubjectAlternativeNames([
                .dnsName("localhost"),
                .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                .ipAddress(ASN1OctetString(contentBytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
            ])
        }
        // Browsers and Apple platforms reject server certificates valid for more than 825 days.
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: key.publicKey,
            notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: now.addingTimeInterval(800 * 24 * 3600),
            issuer: issuer.subject,
            subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions,
            issuerPrivateKey: issuerKey
        )
        return (key, certificate)
    }

    private static func readKey(_ path: String) throws -> Certificate.PrivateKey {
        try Certificate.PrivateKey(pemEncoded: String(contentsOfFile: path, encoding: .utf8))
    }

    private static func readCertificate(_ path: String) throws -> Certificate {
        try Certificate(pemEncoded: String(contentsOfFile: path, encoding: .utf8))
    }

    static func write(_ text: String, to path: String, mode: Int) throws {
        let manager = FileManager.default
        let temporary = path + ".tmp"
        try? manager.removeItem(atPath: temporary)
        guard manager.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
        else {
            throw SandboxError.dataDirectoryUnavailable("cannot write \(temporary)")
        }
        // Creation honours the umask; set the mode explicitly so private keys never end up world-readable.
        try manager.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary)
        if manager.fileExists(atPath: path) { try manager.removeItem(atPath: path) }
        try manager.moveItem(atPath: temporary, toPath: path)
    }
}
