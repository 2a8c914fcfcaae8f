import GoTomModels

/// One rule goTom found broken, from a `ConstraintViolationResponse` body.
///
/// Branch on ``code``, never on ``message``: goTom words the same violation in German on one endpoint and in
/// English on another.
public struct ConstraintViolation: Sendable, Hashable, CustomStringConvertible {
    /// The violation code, e.g. `ViolationCode.externalIdAlreadyUsed`; empty when goTom sent none.
    public var code: ViolationCode
    /// The field the violation is about, e.g. `customer.entityExternalCrmId`; empty when goTom sent none.
    public var propertyPath: String
    /// goTom's human-readable message; empty when goTom sent none.
    public var message: String
    /// The rejected value, when goTom echoes it.
    public var invalidValue: JSONValue?

    /// Creates a violation.
    ///
    /// - Parameters:
    ///   - code: The violation code.
    ///   - propertyPath: The field it concerns.
    ///   - message: goTom's message.
    ///   - invalidValue: The rejected value, if known.
    public init(code: ViolationCode, propertyPath: String, message: String, invalidValue: JSONValue? = nil) {
        self.code = code
        self.propertyPath = propertyPath
        self.message = message
        self.invalidValue = invalidValue
    }

    /// Converts an item of goTom's response body, filling absent members with empty values.
    ///
    /// - Parameter item: The item as decoded.
    public init(_ item: ConstraintViolationItem) {
        self.init(
            code: item.code ?? ViolationCode(rawValue: ""),
            propertyPath: item.propertyPath ?? "",
            message: item.message ?? "",
            invalidValue: item.invalidValue
        )
    }

    /// `propertyPath: message (code)`.
    public var description: String {
        "\(propertyPath.isEmpty ? "(request)" : propertyPath): \(message) (\(code.rawValue))"
    }
}
