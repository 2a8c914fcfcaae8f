/// The error thrown by GoTomModels when a value does not have the form the API requires.
///
/// Compare against the static members (`error == .invalidCalendarDate`); equality looks at the kind only,
/// so the detail text does not get in the way.
public struct GoTomModelsError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case invalidCalendarDate
        case invalidBase64
    }

    private let code: Code

    /// What exactly was wrong, for humans (bounded to 200 characters).
    public let detail: String

    private init(code: Code, detail: String) {
        self.code = code
        self.detail = String(detail.prefix(200))
    }

    /// A calendar date was not a valid `yyyy-MM-dd` day of the Gregorian calendar.
    public static var invalidCalendarDate: GoTomModelsError { GoTomModelsError(code: .invalidCalendarDate, detail: "") }

    /// A `format: byte` field did not hold valid base64.
    public static var invalidBase64: GoTomModelsError { GoTomModelsError(code: .invalidBase64, detail: "") }

    static func invalidCalendarDate(_ detail: String) -> GoTomModelsError {
        GoTomModelsError(code: .invalidCalendarDate, detail: detail)
    }

    static func invalidBase64(_ detail: String) -> GoTomModelsError {
        GoTomModelsError(code: .invalidBase64, detail: detail)
    }

    /// A short, stable name of the error kind, suitable for logs.
    public var shortDescription: String {
        switch code {
        case .invalidCalendarDate: return "invalidCalendarDate"
        case .invalidBase64: return "invalidBase64"
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
    public static func == (lhs: GoTomModelsError, rhs: GoTomModelsError) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the error kind.
    ///
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}
