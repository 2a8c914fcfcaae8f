/// The body of a flight update: only the fields you send change.
///
/// Flattened from the spec's `Flight` plus `adServerPushChanges`. `flightPositionTypeName` (nullable in
/// the spec) and `flightTags` (documented as cleared by `null`) are `Patch`, so leaving them out and
/// sending `null` stay different requests.
public struct FlightUpdate: Codable, Hashable, Sendable {
    /// The ad server, from the `adServer` primary keys (string ids).
    public var adServerId: String?

    /// When the flight runs.
    public var runtime: FlightRuntime?

    /// Rate card, from the `tarif` primary keys.
    public var tarifId: Int?

    /// Medium, from the `media` primary keys.
    public var mediaId: Int?

    /// Platform, from the `platform` primary keys.
    public var platformId: Int?

    /// Channel, from the `channel` primary keys.
    public var channelId: Int?

    /// Advertising format, from the `advertising` primary keys.
    public var advertisingId: Int?

    /// Price type, from the `priceType` primary keys.
    public var priceTypeId: Int?

    /// Number of booked units.
    public var units: Int?

    /// Final gross price per unit, or `.loadFromRate`; leave it out to keep the current price.
    public var bruttoPriceUnit: BruttoPriceUnit?

    /// Extra price level, from the `extraPriceLevel` primary keys.
    public var extraPriceLevelId: Int?

    /// Position type name from the primary keys; `null` falls back to the default type.
    public var flightPositionTypeName: Patch<String>

    /// How far the advertising material has got.
    public var advertisingStatus: AdvertisingStatus?

    /// Remarks.
    public var note: String?

    /// Internal remarks.
    public var noteInternal: String?

    /// Remarks for invoicing.
    public var noteBilling: String?

    /// Google Ad Manager key-value targeting.
    public var keyValueSets: [KeyValueSet]?

    /// Postal-code targeting.
    public var geoTargetingByZip: GeoTargetingByZip?

    /// Tag ids; `null` or an empty array removes all tags.
    public var flightTags: Patch<[Int]>

    /// Xandr key-value targeting.
    public var keyValueSetsXandr: [KeyValueResultXandr]?

    /// Changes to push on to the ad server.
    public var adServerPushChanges: AdServerPushChanges?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - adServerId: The ad server, from the `adServer` primary keys (string ids).
    ///   - runtime: When the flight runs.
    ///   - tarifId: Rate card, from the `tarif` primary keys.
    ///   - mediaId: Medium, from the `media` primary keys.
    ///   - platformId: Platform, from the `platform` primary keys.
    ///   - channelId: Channel, from the `channel` primary keys.
    ///   - advertisingId: Advertising format, from the `advertising` primary keys.
    ///   - priceTypeId: Price type, from the `priceType` primary keys.
    ///   - units: Number of booked units.
    ///   - bruttoPriceUnit: Final gross price per unit, or `.loadFromRate`; leave it out to keep the current price.
    ///   - extraPriceLevelId: Extra price level, from the `extraPriceLevel` primary keys.
    ///   - flightPositionTypeName: Position type name from the primary keys; `null` falls back to the default type.
    ///   - advertisingStatus: How far the advertising material has got.
    ///   - note: Remarks.
    ///   - noteInternal: Internal remarks.
    ///   - noteBilling: Remarks for invoicing.
    ///   - keyValueSets: Google Ad Manager key-value targeting.
    ///   - geoTargetingByZip: Postal-code targeting.
    ///   - flightTags: Tag ids; `null` or an empty array removes all tags.
    ///   - keyValueSetsXandr: Xandr key-value targeting.
    ///   - adServerPushChanges: Changes to push on to the ad server.
    public init(
        adServerId: String? = nil,
        runtime: FlightRuntime? = nil,
        tarifId: Int? = nil,
        mediaId: Int? = nil,
        platformId: Int? = nil,
        channelId: Int? = nil,
        advertisingId: Int? = nil,
        priceTypeId: Int? = nil,
        units: Int? = nil,
        bruttoPriceUnit: BruttoPriceUnit? = nil,
        extraPriceLevelId: Int? = nil,
        flightPositionTypeName: Patch<String> = .absent,
        advertisingStatus: AdvertisingStatus? = nil,
        note: String? = nil,
        noteInternal: String? = nil,
        noteBilling: String? = nil,
        keyValueSets: [KeyValueSet]? = nil,
        geoTargetingByZip: GeoTargetingByZip? = nil,
        flightTags: Patch<[Int]> = .absent,
        keyValueSetsXandr: [KeyValueResultXandr]? = nil,
        adServerPushChanges: AdServerPushChanges? = nil
    ) {
        self.adServerId = adServerId
        self.runtime = runtime
        self.tarifId = tarifId
        self.mediaId = mediaId
        self.platformId = platformId
        self.channelId = channelId
        self.advertisingId = advertisingId
        self.priceTypeId = priceTypeId
        self.units = units
        self.bruttoPriceUnit = bruttoPriceUnit
        self.extraPriceLevelId = extraPriceLevelId
        self.flightPositionTypeName = flightPositionTypeName
        self.advertisingStatus = advertisingStatus
        self.note = note
        self.noteInternal = noteInternal
        self.noteBilling = noteBilling
        self.keyValueSets = keyValueSets
        self.geoTargetingByZip = geoTargetingByZip
        self.flightTags = flightTags
        self.keyValueSetsXandr = keyValueSetsXandr
        self.adServerPushChanges = adServerPushChanges
    }

    private enum CodingKeys: String, CodingKey {
        case adServerId
        case runtime
        case tarifId
        case mediaId
        case platformId
        case channelId
        case advertisingId
        case priceTypeId
        case units
        case bruttoPriceUnit
        case extraPriceLevelId
        case flightPositionTypeName
        case advertisingStatus
        case note
        case noteInternal
        case noteBilling
        case keyValueSets
        case geoTargetingByZip
        case flightTags
        case keyValueSetsXandr
        case adServerPushChanges
    }

    /// Decodes the value, keeping a missing key apart from an explicit `null`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when a required key is missing or a value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        adServerId = try container.decodeIfPresent(String.self, forKey: .adServerId)
        runtime = try container.decodeIfPresent(FlightRuntime.self, forKey: .runtime)
        tarifId = try container.decodeIfPresent(Int.self, forKey: .tarifId)
        mediaId = try container.decodeIfPresent(Int.self, forKey: .mediaId)
        platformId = try container.decodeIfPresent(Int.self, forKey: .platformId)
        channelId = try container.decodeIfPresent(Int.self, forKey: .channelId)
        advertisingId = try container.decodeIfPresent(Int.self, forKey: .advertisingId)
        priceTypeId = try container.decodeIfPresent(Int.self, forKey: .priceTypeId)
        units = try container.decodeIfPresent(Int.self, forKey: .units)
        bruttoPriceUnit = try container.decodeIfPresent(BruttoPriceUnit.self, forKey: .bruttoPriceUnit)
        extraPriceLevelId = try container.decodeIfPresent(Int.self, forKey: .extraPriceLevelId)
        flightPositionTypeName = try container.decode(Patch<String>.self, forKey: .flightPositionTypeName)
        advertisingStatus = try container.decodeIfPresent(AdvertisingStatus.self, forKey: .advertisingStatus)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        noteInternal = try container.decodeIfPresent(String.self, forKey: .noteInternal)
        noteBilling = try container.decodeIfPresent(String.self, forKey: .noteBilling)
        keyValueSets = try container.decodeIfPresent([KeyValueSet].self, forKey: .keyValueSets)
        geoTargetingByZip = try container.decodeIfPresent(GeoTargetingByZip.self, forKey: .geoTargetingByZip)
        flightTags = try container.decode(Patch<[Int]>.self, forKey: .flightTags)
        keyValueSetsXandr = try container.decodeIfPresent([KeyValueResultXandr].self, forKey: .keyValueSetsXandr)
        adServerPushChanges = try container.decodeIfPresent(AdServerPushChanges.self, forKey: .adServerPushChanges)
    }

    /// Encodes the value, leaving absent fields out and writing `null` only where it was asked for.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` from a field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(adServerId, forKey: .adServerId)
        try container.encodeIfPresent(runtime, forKey: .runtime)
        try container.encodeIfPresent(tarifId, forKey: .tarifId)
        try container.encodeIfPresent(mediaId, forKey: .mediaId)
        try container.encodeIfPresent(platformId, forKey: .platformId)
        try container.encodeIfPresent(channelId, forKey: .channelId)
        try container.encodeIfPresent(advertisingId, forKey: .advertisingId)
        try container.encodeIfPresent(priceTypeId, forKey: .priceTypeId)
        try container.encodeIfPresent(units, forKey: .units)
        try container.encodeIfPresent(bruttoPriceUnit, forKey: .bruttoPriceUnit)
        try container.encodeIfPresent(extraPriceLevelId, forKey: .extraPriceLevelId)
        try container.encode(flightPositionTypeName, forKey: .flightPositionTypeName)
        try container.encodeIfPresent(advertisingStatus, forKey: .advertisingStatus)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(noteInternal, forKey: .noteInternal)
        try container.encodeIfPresent(noteBilling, forKey: .noteBilling)
        try container.encodeIfPresent(keyValueSets, forKey: .keyValueSets)
        try container.encodeIfPresent(geoTargetingByZip, forKey: .geoTargetingByZip)
        try container.encode(flightTags, forKey: .flightTags)
        try container.encodeIfPresent(keyValueSetsXandr, forKey: .keyValueSetsXandr)
        try container.encodeIfPresent(adServerPushChanges, forKey: .adServerPushChanges)
    }
}
