/// A language goTom uses for customer documents and contact job functions.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct CustomerLanguage: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: String

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// German.
    public static let german = CustomerLanguage(rawValue: "de")

    /// English.
    public static let english = CustomerLanguage(rawValue: "en")

    /// French.
    public static let french = CustomerLanguage(rawValue: "fr")

    /// Italian.
    public static let italian = CustomerLanguage(rawValue: "it")

    /// The values the specs document, in spec order.
    public static let knownValues: [CustomerLanguage] = [.german, .english, .french, .italian]
}
