/// A set of named values that also keeps values it does not know.
///
/// goTom may add enum values at any time. Types conforming to this protocol are structs around the raw
/// value with static constants for the documented values, so an unknown value decodes without failing and
/// encodes back unchanged. Codable comes from the standard library's `RawRepresentable` support.
public protocol ExtensibleEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible
where RawValue: Codable & Hashable & Sendable & CustomStringConvertible {
    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    init(rawValue: RawValue)

    /// The values the specs document, in the order the specs list them.
    static var knownValues: [Self] { get }
}

extension ExtensibleEnum {
    /// Whether the specs document this value.
    public var isKnown: Bool { Self.knownValues.contains(self) }

    /// The raw value as text.
    public var description: String { rawValue.description }
}
