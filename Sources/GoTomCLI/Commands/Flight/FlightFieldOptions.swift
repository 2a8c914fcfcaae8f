import ArgumentParser
import GoTomModels

/// Flags for the fields of a flight that create and update share.
struct FlightFieldOptions: ParsableArguments {
    @Option(help: ArgumentHelp("An ad-server id from gotom keys adServer, e.g. gam (adServerId).", valueName: "id"))
    var adServerId: String?

    @Option(help: ArgumentHelp("First day, YYYY-MM-DD (runtime.start.date).", valueName: "date"))
    var start: String?

    @Option(help: ArgumentHelp("Start time, HH:MM (runtime.start.time).", valueName: "time"))
    var startTime: String?

    @Option(help: ArgumentHelp("Last day, YYYY-MM-DD (runtime.end.date).", valueName: "date"))
    var end: String?

    @Option(help: ArgumentHelp("End time, HH:MM (runtime.end.time).", valueName: "time"))
    var endTime: String?

    @Option(help: ArgumentHelp("Tarif id (tarifId).", valueName: "id"))
    var tarifId: Int?

    @Option(help: ArgumentHelp("Media id (mediaId).", valueName: "id"))
    var mediaId: Int?

    @Option(help: ArgumentHelp("Platform id (platformId).", valueName: "id"))
    var platformId: Int?

    @Option(help: ArgumentHelp("Channel id (channelId).", valueName: "id"))
    var channelId: Int?

    @Option(help: ArgumentHelp("Advertising format id (advertisingId).", valueName: "id"))
    var advertisingId: Int?

    @Option(help: ArgumentHelp("Price type id (priceTypeId).", valueName: "id"))
    var priceTypeId: Int?

    @Option(help: ArgumentHelp("Extra price level id (extraPriceLevelId).", valueName: "id"))
    var extraPriceLevelId: Int?

    @Option(help: ArgumentHelp("Number of units, e.g. impressions (units).", valueName: "n"))
    var units: Int?

    @Option(
        help: ArgumentHelp(
            "Gross price per unit, or loadFromRate for the rate card's (bruttoPriceUnit).",
            valueName: "price"))
    var price: String?

    @Option(help: ArgumentHelp("A flight position type name (flightPositionTypeName).", valueName: "name"))
    var positionType: String?

    @Option(help: ArgumentHelp("open, received or integrated (advertisingStatus).", valueName: "status"))
    var advertisingStatus: String?

    @Option(help: ArgumentHelp("Remarks (note).", valueName: "text"))
    var note: String?

    @Option(help: ArgumentHelp("Internal remarks (noteInternal).", valueName: "text"))
    var noteInternal: String?

    @Option(help: ArgumentHelp("Billing remarks (noteBilling).", valueName: "text"))
    var noteBilling: String?

    @Option(
        name: .customLong("tag"),
        help: ArgumentHelp(
            "A flight tag id; repeat for several (flightTags).",
            valueName: "id"))
    var tags: [Int] = []

    /// The flag values by dotted JSON path.
    func overrides() throws -> [(String, JSONValue?)] {
        [
            ("adServerId", .text(adServerId)), ("runtime.start.date", .text(start)),
            ("runtime.start.time", .text(startTime)), ("runtime.end.date", .text(end)),
            ("runtime.end.time", .text(endTime)), ("tarifId", .integer(tarifId)), ("mediaId", .integer(mediaId)),
            ("platformId", .integer(platformId)), ("channelId", .integer(channelId)),
            ("advertisingId", .integer(advertisingId)), ("priceTypeId", .integer(priceTypeId)),
            ("extraPriceLevelId", .integer(extraPriceLevelId)), ("units", .integer(units)),
            ("bruttoPriceUnit", try BookingCommands.price(price, flag: "--price")),
            ("flightPositionTypeName", .text(positionType)), ("advertisingStatus", .text(advertisingStatus)),
            ("note", .text(note)), ("noteInternal", .text(noteInternal)), ("noteBilling", .text(noteBilling)),
            ("flightTags", BookingCommands.integers(tags)),
        ]
    }
}
