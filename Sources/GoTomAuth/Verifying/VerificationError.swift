/// Why a request failed authentication, with the message goTom's server answers.
///
/// goTom's server sends these messages as a JSON string with status 401. The sandbox sends the same, and the
/// SDK matches on them, so ``message`` must stay byte-identical to the server's text.
public struct VerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Sendable, Hashable {
        case authorizationHeaderRequired
        case invalidProvider
        case unparsableCredentials
        case invalidSignatureFormat
        case dateHeaderRequired
        case timestampNotValid
        case contentTypeRequired
        case requestTooOld
        case requestInFuture
        case missingUserId
        case unknownUser
        case signatureMismatch
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// No `Authorization` header.
    public static let authorizationHeaderRequired = VerificationError(.authorizationHeaderRequired)
    /// The header does not start with the expected provider and a space.
    public static let invalidProvider = VerificationError(.invalidProvider)
    /// No unescaped colon separates user and signature.
    public static let unparsableCredentials = VerificationError(.unparsableCredentials)
    /// The signature is not base64 (`^[a-zA-Z0-9+/]+={0,2}$`).
    public static let invalidSignatureFormat = VerificationError(.invalidSignatureFormat)
    /// No `Date` header.
    public static let dateHeaderRequired = VerificationError(.dateHeaderRequired)
    /// The `Date` header is not a date the server can read.
    public static let timestampNotValid = VerificationError(.timestampNotValid)
    /// No `Content-Type` header.
    public static let contentTypeRequired = VerificationError(.contentTypeRequired)
    /// The `Date` is further in the past than the allowed window.
    public static let requestTooOld = VerificationError(.requestTooOld)
    /// The `Date` is further in the future than the allowed window.
    public static let requestInFuture = VerificationError(.requestInFuture)
    /// The user id before the colon is empty.
    public static let missingUserId = VerificationError(.missingUserId)
    /// No secret is known for the user id.
    public static let unknownUser = VerificationError(.unknownUser)
    /// The signature does not match the request.
    public static let signatureMismatch = VerificationError(.signatureMismatch)

    /// Every failure, in the order the server checks them.
    public static let allCases: [VerificationError] = [
        .authorizationHeaderRequired, .invalidProvider, .unparsableCredentials, .invalidSignatureFormat,
        .dateHeaderRequired, .timestampNotValid, .requestTooOld, .requestInFuture, .missingUserId, .unknownUser,
        .contentTypeRequired, .signatureMismatch,
    ]

    /// The server's message for this failure, e.g. `Signature not valid`.
    public var message: String {
        switch code {
        case .authorizationHeaderRequired: "Authorization header required"
        case .invalidProvider: "Invalid provider in authorization header"
        case .unparsableCredentials: "Unable to parse ID and signature from authorization header"
        case .invalidSignatureFormat: "Invalid signature in authorization header"
        case .dateHeaderRequired: "Date header required"
        case .timestampNotValid: "Timestamp not valid"
        case .contentTypeRequired: "Content type header required"
        case .requestTooOld: "Request is too old"
        case .requestInFuture: "Request is too far in the future"
        case .missingUserId: "No user id"
        // Symfony hides "user not found" behind its generic bad-credentials message.
        case .unknownUser: "Invalid credentials."
        case .signatureMismatch: "Signature not valid"
        }
    }

    /// Finds the failure whose server message is `message`, e.g. to classify a 401 body.
    ///
    /// - Parameter message: A message as the server sent it.
    /// - Returns: The matching failure, or `nil` for any other text.
    public init?(serverMessage message: String) {
        guard let match = Self.allCases.first(where: { $0.message == message }) else { return nil }
        self = match
    }

    /// Whether the failure is about the clock: the request was too old or too far in the future.
    public var isClockSkew: Bool { code == .requestTooOld || code == .requestInFuture }

    /// The server's message.
    public var description: String { message }
}
