import GoTomModels

/// Whether an error of any type is a ``GoTomError`` with the pattern's kind.
///
/// Operations are declared `throws` and throw only ``GoTomError``, so the caught error is `any Error`; this
/// operator lets `catch GoTomError.notFound` and `case GoTomError.notFound:` match it without a cast.
///
/// - Parameters:
///   - pattern: A static member such as ``GoTomError/notFound``.
///   - value: The caught error.
/// - Returns: `true` when `value` is a ``GoTomError`` with the same code as `pattern`.
public func ~= (pattern: GoTomError, value: any Error) -> Bool {
    (value as? GoTomError) == pattern
}

extension Error {
    /// Whether this is a ``GoTomError`` in which goTom listed a violation with this code.
    ///
    /// Lets a `catch` clause test the caught `any Error` directly:
    /// `catch let error where error.hasViolation(.externalIdAlreadyUsed)`.
    ///
    /// - Parameter violationCode: The code to look for.
    /// - Returns: `true` when the error is a ``GoTomError`` and one of its violations has the code.
    public func hasViolation(_ violationCode: ViolationCode) -> Bool {
        (self as? GoTomError)?.hasViolation(violationCode) ?? false
    }
}
