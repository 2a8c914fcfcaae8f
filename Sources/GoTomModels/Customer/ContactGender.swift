/// The gender of a contact person.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct ContactGender: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: String

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Male.
    public static let male = ContactGender(rawValue: "M")

    /// Female.
    public static let female = ContactGender(rawValue: "F")

    /// Diverse.
    public static let diverse = ContactGender(rawValue: "D")

    /// The values the specs document, in spec order.
    public static let knownValues: [ContactGender] = [.male, .female, .diverse]
}
