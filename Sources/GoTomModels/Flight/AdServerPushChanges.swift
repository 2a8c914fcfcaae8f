/// A request, sent with a flight update, to push changes on to the ad server.
///
/// goTom acts on it but never returns it.
public struct AdServerPushChanges: Codable, Hashable, Sendable {
    /// The ad server to push to.
    public var adServerId: String?

    /// Which kinds of change to push.
    public var types: [AdServerPushChangeType]?

    /// Remarks that go with the push.
    public var remarks: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - adServerId: The ad server to push to.
    ///   - types: Which kinds of change to push.
    ///   - remarks: Remarks that go with the push.
    public init(adServerId: String? = nil, types: [AdServerPushChangeType]? = nil, remarks: String? = nil) {
        self.adServerId = adServerId
        self.types = types
        self.remarks = remarks
    }
}
