/// Google Ad Manager key-value targeting for one ad server.
public struct KeyValueSet: Codable, Hashable, Sendable {
    /// The ad server the targeting applies to.
    public var adServerId: String?

    /// The keys and the values they are matched against.
    public var keyValues: [KeyValue]?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - adServerId: The ad server the targeting applies to.
    ///   - keyValues: The keys and the values they are matched against.
    public init(adServerId: String? = nil, keyValues: [KeyValue]? = nil) {
        self.adServerId = adServerId
        self.keyValues = keyValues
    }
}
