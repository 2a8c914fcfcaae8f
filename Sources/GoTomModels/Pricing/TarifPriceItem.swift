import Foundation

/// One price row of a rate card, with the ids and names of what it applies to.
///
/// Every key is always present; the nullable ones are sent as `null` when unset.
public struct TarifPriceItem: Codable, Hashable, Sendable {
    /// The rate card id.
    public var tarifId: Int

    /// The rate card name.
    public var tarif: String

    /// The company (client) id.
    public var companyId: Int?

    /// The company name.
    public var company: String?

    /// The platform id.
    public var platformId: Int?

    /// The platform name.
    public var platform: String?

    /// The channel id.
    public var channelId: Int

    /// The channel name.
    public var channel: String

    /// The medium id.
    public var mediaId: Int

    /// The medium name.
    public var media: String

    /// The advertising format id.
    public var advertisingId: Int

    /// The advertising format name.
    public var advertising: String

    /// The rate group id.
    public var tarifGroupId: Int?

    /// The rate group name.
    public var tarifGroup: String?

    /// The price type id.
    public var priceTypeId: Int?

    /// The price type name.
    public var priceType: String?

    /// The extra price level id.
    public var extraPriceLevelId: Int?

    /// The extra price level name.
    public var extraPriceLevel: String?

    /// The price.
    public var price: Decimal?

    /// Creates the value from its fields.
    ///
    /// - Parameters:
    ///   - tarifId: The rate card id.
    ///   - tarif: The rate card name.
    ///   - companyId: The company (client) id.
    ///   - company: The company name.
    ///   - platformId: The platform id.
    ///   - platform: The platform name.
    ///   - channelId: The channel id.
    ///   - channel: The channel name.
    ///   - mediaId: The medium id.
    ///   - media: The medium name.
    ///   - advertisingId: The advertising format id.
    ///   - advertising: The advertising format name.
    ///   - tarifGroupId: The rate group id.
    ///   - tarifGroup: The rate group name.
    ///   - priceTypeId: The price type id.
    ///   - priceType: The price type name.
    ///   - extraPriceLevelId: The extra price level id.
    ///   - extraPriceLevel: The extra price level name.
    ///   - price: The price.
    public init(
        tarifId: Int,
        tarif: String,
        companyId: Int?,
        company: String?,
        platformId: Int?,
        platform: String?,
        channelId: Int,
        channel: String,
        mediaId: Int,
        media: String,
        advertisingId: Int,
        advertising: String,
        tarifGroupId: Int?,
        tarifGroup: String?,
        priceTypeId: Int?,
        priceType: String?,
        extraPriceLevelId: Int?,
        extraPriceLevel: String?,
        price: Decimal?
    ) {
        self.tarifId = tarifId
        self.tarif = tarif
        self.companyId = companyId
        self.company = company
        self.platformId = platformId
        self.platform = platform
        self.channelId = channelId
        self.channel = channel
        self.mediaId = mediaId
        self.media = media
        self.advertisingId = advertisingId
        self.advertising = advertising
        self.tarifGroupId = tarifGroupId
        self.tarifGroup = tarifGroup
        self.priceTypeId = priceTypeId
        self.priceType = priceType
        self.extraPriceLevelId = extraPriceLevelId
        self.extraPriceLevel = extraPriceLevel
        self.price = price
    }

    private enum CodingKeys: String, CodingKey {
        case tarifId
        case tarif
        case companyId
        case company
        case platformId
        case platform
        case channelId
        case channel
        case mediaId
        case media
        case advertisingId
        case advertising
        case tarifGroupId
        case tarifGroup
        case priceTypeId
        case priceType
        case extraPriceLevelId
        case extraPriceLevel
        case price
    }

    /// Decodes the value; keys the spec requires must be present, even when their value is `null`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when a required key is missing or a value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tarifId = try container.decode(Int.self, forKey: .tarifId)
        tarif = try container.decode(String.self, forKey: .tarif)
        companyId = try container.decodeNullable(Int.self, forKey: .companyId)
        company = try container.decodeNullable(String.self, forKey: .company)
        platformId = try container.decodeNullable(Int.self, forKey: .platformId)
        platform = try container.decodeNullable(String.self, forKey: .platform)
        channelId = try container.decode(Int.self, forKey: .channelId)
        channel = try container.decode(String.self, forKey: .channel)
        mediaId = try container.decode(Int.self, forKey: .mediaId)
        media = try container.decode(String.self, forKey: .media)
        advertisingId = try container.decode(Int.self, forKey: .advertisingId)
        advertising = try container.decode(String.self, forKey: .advertising)
        tarifGroupId = try container.decodeNullable(Int.self, forKey: .tarifGroupId)
        tarifGroup = try container.decodeNullable(String.self, forKey: .tarifGroup)
        priceTypeId = try container.decodeNullable(Int.self, forKey: .priceTypeId)
        priceType = try container.decodeNullable(String.self, forKey: .priceType)
        extraPriceLevelId = try container.decodeNullable(Int.self, forKey: .extraPriceLevelId)
        extraPriceLevel = try container.decodeNullable(String.self, forKey: .extraPriceLevel)
        price = try container.decodeNullable(Decimal.self, forKey: .price)
    }

    /// Encodes the value, writing `null` for unset required keys and leaving unset optional keys out.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` from a field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tarifId, forKey: .tarifId)
        try container.encode(tarif, forKey: .tarif)
        try container.encodeNullable(companyId, forKey: .companyId)
        try container.encodeNullable(company, forKey: .company)
        try container.encodeNullable(platformId, forKey: .platformId)
        try container.encodeNullable(platform, forKey: .platform)
        try container.encode(channelId, forKey: .channelId)
        try container.encode(channel, forKey: .channel)
        try container.encode(mediaId, forKey: .mediaId)
        try container.encode(media, forKey: .media)
        try container.encode(advertisingId, forKey: .advertisingId)
        try container.encode(advertising, forKey: .advertising)
        try container.encodeNullable(tarifGroupId, forKey: .tarifGroupId)
        try container.encodeNullable(tarifGroup, forKey: .tarifGroup)
        try container.encodeNullable(priceTypeId, forKey: .priceTypeId)
        try container.encodeNullable(priceType, forKey: .priceType)
        try container.encodeNullable(extraPriceLevelId, forKey: .extraPriceLevelId)
        try container.encodeNullable(extraPriceLevel, forKey: .extraPriceLevel)
        try container.encodeNullable(price, forKey: .price)
    }
}
