/// A contact person's job function.
///
/// Sent as an array for historical reasons; goTom keeps a single German entry.
public struct JobFunction: Codable, Hashable, Sendable {
    /// The language of the text; goTom supports only German here.
    public var lang: CustomerLanguage

    /// The job function.
    public var function: String

    /// Creates the value from its fields.
    ///
    /// - Parameters:
    ///   - lang: The language of the text; goTom supports only German here.
    ///   - function: The job function.
    public init(lang: CustomerLanguage, function: String) {
        self.lang = lang
        self.function = function
    }
}
