/// The body that adds a flight to a campaign.
///
/// Flattened from the spec's `Flight` plus `externalId`, with the eleven fields the spec requires.
public struct FlightCreate: Codable, Hashable, Sendable {
    /// Your id for the flight.
    public var externalId: String

    /// The ad server, from the `adServer` primary keys (string ids).
    public var adServerId: String

    /// When the flight runs.
    public var runtime: FlightRuntime

    /// Rate card, from the `tarif` primary keys.
    public var tarifId: Int

    /// Medium, from the `media` primary keys.
    public var mediaId: Int

    /// Platform, from the `platform` primary keys.
    public var platformId: Int

    /// Channel, from the `channel` primary keys.
    public var channelId: Int

    /// Advertising format, from the `advertising` primary keys.
    public var advertisingId: Int

    /// Price type, from the `priceType` primary keys.
    public var priceTypeId: Int

    /// Number of booked units.
    public var units: Int

    /// Final gross price per unit, or `.loadFromRate`.
    public var bruttoPriceUnit: BruttoPriceUnit

    /// Extra price level, from the `extraPriceLevel` primary keys.
    public var extraPriceLevelId: Int?

    /// Position type name from the primary keys; nil (or null) means the default type.
    public var flightPositionTypeName: String?

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

    /// Tag ids from the `flightTags` primary keys.
    public var flightTags: [Int]?

    /// Xandr key-value targeting.
    public var keyValueSetsXandr: [KeyValueResultXandr]?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - externalId: Your id for the flight.
    ///   - adServerId: The ad server, from the `adServer` primary keys (string ids).
    ///   - runtime: When the flight runs.
    ///   - tarifId: Rate card, from the `tarif` primary keys.
    ///   - mediaId: Medium, from the `media` primary keys.
    ///   - platformId: Platform, from the `platform` primary keys.
    ///   - channelId: Channel, from the `channel` primary keys.
    ///   - advertisingId: Advertising format, from the `advertising` primary keys.
    ///   - priceTypeId: Price type, from the `priceType` primary keys.
    ///   - units: Number of booked units.
    ///   - bruttoPriceUnit: Final gross price per unit, or `.loadFromRate`.
    ///   - extraPriceLevelId: Extra price level, from the `extraPriceLevel` primary keys.
    ///   - flightPositionTypeName: Position type name from the primary keys; nil (or null) means the default type.
    ///   - advertisingStatus: How far the advertising material has got.
    ///   - note: Remarks.
    ///   - noteInternal: Internal remarks.
    ///   - noteBilling: Remarks for invoicing.
    ///   - keyValueSets: Google Ad Manager key-value targeting.
    ///   - geoTargetingByZip: Postal-code targeting.
    ///   - flightTags: Tag ids from the `flightTags` primary keys.
    ///   - keyValueSetsXandr: Xandr key-value targeting.
    public init(
        externalId: String,
        adServerId: String,
        runtime: FlightRuntime,
        tarifId: Int,
        mediaId: Int,
        platformId: Int,
        channelId: Int,
        advertisingId: Int,
        priceTypeId: Int,
        units: Int,
        bruttoPriceUnit: BruttoPriceUnit,
        extraPriceLevelId: Int? = nil,
        flightPositionTypeName: String? = nil,
        advertisingStatus: AdvertisingStatus? = nil,
        note: String? = nil,
        noteInternal: String? = nil,
        noteBilling: String? = nil,
        keyValueSets: [KeyValueSet]? = nil,
        geoTargetingByZip: GeoTargetingByZip? = nil,
        flightTags: [Int]? = nil,
        keyValueSetsXandr: [KeyValueResultXandr]? = nil
    ) {
        self.externalId = externalId
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
    }
}
