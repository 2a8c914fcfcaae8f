/// Whether an error of any type is a ``GoTomError`` with the pattern's kind.
///
/// Operations throw ``GoTomError`` only, so `catch .notFound` works directly. In a `do` block that also calls
/// other libraries the caught error is `any Error`; this operator lets `catch GoTomError.notFound` and
/// `case GoTomError.notFound:` match there too, without a cast.
///
/// - Parameters:
///   - pattern: A static member such as ``GoTomError/notFound``.
///   - value: The caught error.
/// - Returns: `true` when `value` is a ``GoTomError`` with the same code as `pattern`.
public func ~= (pattern: GoTomError, value: any Error) -> Bool {
    (value as? GoTomError) == pattern
}
