import GoTomAuth

/// What a built sandbox tells its callers: credentials, scheme, files.
public struct SandboxSetup: Sendable, Hashable {
    /// The credentials clients sign requests with.
    public let credentials: Credentials
    /// `http` or `https`.
    public let scheme: String
    /// The bind address.
    public let host: String
    /// The configured port (0 = any free port; the bound one is in ``SandboxAddress``).
    public let requestedPort: Int
    /// The data directory, or `nil` in memory.
    public let dataDirectory: String?
    /// The local CA certificate clients must trust, when TLS is on.
    public let caCertificatePath: String?
    /// All TLS files, when TLS is on.
    public let certificateAuthority: LocalCertificateAuthority?
    /// Every user the sandbox accepts; the first one's credentials are ``credentials``.
    public let users: [SandboxUser]
    /// Whether the control plane is served under `/_sandbox/`.
    public let controlPlane: Bool

    /// How common clients trust the local CA, one line each (`curl --cacert …`, `NODE_EXTRA_CA_CERTS=…`,
    /// `gotom --cacert …`); empty without TLS.
    public var clientTrustHints: [String] {
        guard let path = caCertificatePath else { return [] }
        return ["curl --cacert \(path) …", "NODE_EXTRA_CA_CERTS=\(path) node …", "gotom --cacert \(path) …"]
    }
}

/// Where a running sandbox listens.
public struct SandboxAddress: Sendable, Hashable {
    /// The setup of the sandbox.
    public let setup: SandboxSetup
    /// The bound port.
    public let port: Int

    /// The base URL clients use, e.g. `https://127.0.0.1:8443`; IPv6 hosts are bracketed.
    public var baseURL: String {
        let host = setup.host.contains(":") ? "[\(setup.host)]" : setup.host
        return "\(setup.scheme)://\(host):\(port)"
    }

    /// The control plane and web console, e.g. `http://127.0.0.1:8080/_sandbox/`; `nil` when it is off.
    public var controlURL: String? {
        setup.controlPlane ? baseURL + "/_sandbox/" : nil
    }
}
