/// The error thrown when a sandbox cannot be set up or started.
///
/// Compare against the static members (`error == .invalidFixtures`); equality looks at the kind only, so the
/// detail text does not get in the way.
public struct SandboxError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case invalidConfiguration
        case dataDirectoryUnavailable
        case credentialsUnavailable
        case invalidFixtures
        case databaseFailure
        case certificateFailure
        case serverFailedToStart
    }

    private let code: Code

    /// What exactly went wrong, for humans (bounded to 2 000 characters).
    public let detail: String

    private init(code: Code, detail: String) {
        self.code = code
        self.detail = String(detail.prefix(2000))
    }

    /// A configuration value is out of range, e.g. a negative port.
    public static var invalidConfiguration: SandboxError { SandboxError(code: .invalidConfiguration, detail: "") }

    /// The data directory cannot be created or written.
    public static var dataDirectoryUnavailable: SandboxError {
        SandboxError(code: .dataDirectoryUnavailable, detail: "")
    }

    /// The stored credentials cannot be read or written.
    public static var credentialsUnavailable: SandboxError { SandboxError(code: .credentialsUnavailable, detail: "") }

    /// The fixtures file cannot be read, is not valid JSON, or describes data the sandbox rejects.
    public static var invalidFixtures: SandboxError { SandboxError(code: .invalidFixtures, detail: "") }

    /// The SQLite database cannot be opened, read or written.
    public static var databaseFailure: SandboxError { SandboxError(code: .databaseFailure, detail: "") }

    /// The local certificate authority or server certificate cannot be created or loaded.
    public static var certificateFailure: SandboxError { SandboxError(code: .certificateFailure, detail: "") }

    /// The server did not start listening.
    public static var serverFailedToStart: SandboxError { SandboxError(code: .serverFailedToStart, detail: "") }

    static func invalidConfiguration(_ detail: String) -> SandboxError {
        SandboxError(code: .invalidConfiguration, detail: detail)
    }

    static func dataDirectoryUnavailable(_ detail: String) -> SandboxError {
        SandboxError(code: .dataDirectoryUnavailable, detail: detail)
    }

    static func credentialsUnavailable(_ detail: String) -> SandboxError {
        SandboxError(code: .credentialsUnavailable, detail: detail)
    }

    static func invalidFixtures(_ detail: String) -> SandboxError {
        SandboxError(code: .invalidFixtures, detail: detail)
    }

    static func databaseFailure(_ detail: String) -> SandboxError {
        SandboxError(code: .databaseFailure, detail: detail)
    }

    static func certificateFailure(_ detail: String) -> SandboxError {
        SandboxError(code: .certificateFailure, detail: detail)
    }

    static func serverFailedToStart(_ detail: String) -> SandboxError {
        SandboxError(code: .serverFailedToStart, detail: detail)
    }

    /// A short, stable name of the error kind, suitable for logs and exit codes.
    public var shortDescription: String {
        switch code {
        case .invalidConfiguration: return "invalidConfiguration"
        case .dataDirectoryUnavailable: return "dataDirectoryUnavailable"
        case .credentialsUnavailable: return "credentialsUnavailable"
        case .invalidFixtures: return "invalidFixtures"
        case .databaseFailure: return "databaseFailure"
        case .certificateFailure: return "certificateFailure"
        case .serverFailedToStart: return "serverFailedToStart"
        }
    }

    /// The kind and, when known, the detail.
    public var description: String {
        detail.isEmpty ? shortDescription : "\(shortDescription): \(detail)"
    }

    /// Two errors are equal when they are of the same kind.
    ///
    /// - Parameters:
    ///   - lhs: An error.
    ///   - rhs: Another error.
    /// - Returns: Whether both have the same kind.
    public static func == (lhs: SandboxError, rhs: SandboxError) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the error kind.
    ///
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}
