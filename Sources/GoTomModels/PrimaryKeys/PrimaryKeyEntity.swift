/// An entity whose ids and names the primary-keys endpoint lists.
///
/// Unknown values decode without error and encode back unchanged; see `ExtensibleEnum`.
public struct PrimaryKeyEntity: ExtensibleEnum {
    /// The value as sent on the wire.
    public let rawValue: String

    /// Wraps any raw value, documented or not.
    ///
    /// - Parameter rawValue: The value as sent on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Users; rows also carry an e-mail address.
    public static let user = PrimaryKeyEntity(rawValue: "user")

    /// Rate cards, for `tarifId`.
    public static let tarif = PrimaryKeyEntity(rawValue: "tarif")

    /// Price types, for `priceTypeId`.
    public static let priceType = PrimaryKeyEntity(rawValue: "priceType")

    /// Ad servers, for `adServerId`; the only entity with string ids.
    public static let adServer = PrimaryKeyEntity(rawValue: "adServer")

    /// Campaign types, for `campaignTypeId`.
    public static let campaignType = PrimaryKeyEntity(rawValue: "campaignType")

    /// Extra price levels, for `extraPriceLevelId`.
    public static let extraPriceLevel = PrimaryKeyEntity(rawValue: "extraPriceLevel")

    /// Platforms, for `platformId`.
    public static let platform = PrimaryKeyEntity(rawValue: "platform")

    /// Channels, for `channelId`.
    public static let channel = PrimaryKeyEntity(rawValue: "channel")

    /// Media, for `mediaId`.
    public static let media = PrimaryKeyEntity(rawValue: "media")

    /// Advertising formats, for `advertisingId`.
    public static let advertising = PrimaryKeyEntity(rawValue: "advertising")

    /// Flight position types, by name; one row is the default.
    public static let flightPositionType = PrimaryKeyEntity(rawValue: "flightPositionType")

    /// Flight tags, for `flightTags`.
    public static let flightTags = PrimaryKeyEntity(rawValue: "flightTags")

    /// The values the specs document, in spec order.
    public static let knownValues: [PrimaryKeyEntity] = [
        .user,
        .tarif,
        .priceType,
        .adServer,
        .campaignType,
        .extraPriceLevel,
        .platform,
        .channel,
        .media,
        .advertising,
        .flightPositionType,
        .flightTags,
    ]
}
