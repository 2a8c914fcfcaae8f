/// A tag on a flight as goTom returns it: id and name.
public struct FlightTag: Codable, Hashable, Sendable {
    /// The tag id, from the `flightTags` primary keys.
    public var id: Int?

    /// The tag name.
    public var name: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - id: The tag id, from the `flightTags` primary keys.
    ///   - name: The tag name.
    public init(id: Int? = nil, name: String? = nil) {
        self.id = id
        self.name = name
    }
}
