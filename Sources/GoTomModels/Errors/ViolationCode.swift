/// The stable code of a constraint violation; branch on it, never on the (sometimes German) message.
///
/// goTom returns these UUIDs in `ConstraintViolationItem.code`. Codes not listed here still decode.
public struct ViolationCode: ExtensibleEnum {
    /// The code as sent on the wire.
    public let rawValue: String

    /// Wraps any code, documented or not.
    ///
    /// - Parameter rawValue: The code as sent on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    // MARK: Campaign and flight creation

    /// The externalId of the new campaign or flight is taken.
    public static let externalIdAlreadyUsed = ViolationCode(rawValue: "1f06b2d7-49b4-4b8b-aa66-5172aeb01e97")

    /// An id in the body points at nothing; `propertyPath` names the field.
    public static let referencedIdNotFound = ViolationCode(rawValue: "5658b9ca-ce50-4a98-a0da-97d9361845e3")

    /// The currency is not set up on this instance.
    public static let currencyNotConfigured = ViolationCode(rawValue: "8d6a458b-362a-4b13-b3bb-fe0772a4fc7e")

    /// An instance-specific expression rule rejected the data; read the message.
    public static let expressionConstraintFailed = ViolationCode(rawValue: "6b3befbc-2f01-4ddf-be21-b57898905284")

    /// This instance does not allow the billingType; the message lists the allowed ones.
    public static let billingTypeNotSupported = ViolationCode(rawValue: "7e44e734-3535-4172-8e32-0efa8b33a5e0")

    // MARK: Campaign update

    /// A booking cannot go back to reservation once flights are invoiced.
    public static let reservationBlockedByInvoicedFlights = ViolationCode(
        rawValue: "fa0401a7-6720-44dd-b443-2389aab8c8b7")

    /// The customer cannot change once flights are invoiced.
    public static let customerChangeBlockedByInvoicedFlights = ViolationCode(
        rawValue: "b31b973d-8238-467c-bf01-1e9a4ded9631")

    /// The agency cannot change once flights are invoiced.
    public static let agencyChangeBlockedByInvoicedFlights = ViolationCode(
        rawValue: "ec75ef78-1db7-4469-a7fc-b14a71e5dbee")

    /// The intermediator cannot change once flights are invoiced.
    public static let intermediatorChangeBlockedByInvoicedFlights = ViolationCode(
        rawValue: "9e8d02a8-f693-4df3-869e-a16d196d9d8a")

    /// The currency cannot change once flights are invoiced.
    public static let currencyChangeBlockedByInvoicedFlights = ViolationCode(
        rawValue: "800b5cad-7f13-4b27-b3d6-74fa3c47b4e1")

    /// The billingType cannot change after invoicing; nothing in the update was applied.
    public static let billingTypeChangeBlockedByInvoices = ViolationCode(
        rawValue: "43452cb6-8850-4036-b1f5-971c8328e10b")

    // MARK: Flight creation and update

    /// No price row has this platform, channel and advertising combination.
    public static let unknownPlatformChannelAdvertising = ViolationCode(
        rawValue: "e3a1d7f7-4fcf-4b7d-8d87-38a60126462f")

    /// No price row matches the flight's platform, channel, advertising, tarif, extra price level and price type.
    public static let priceNotFound = ViolationCode(rawValue: "409d70bf-376e-4a21-a8d0-f75a4a6a7abc")

    /// The flight is already fully invoiced.
    public static let flightFullyInvoiced = ViolationCode(rawValue: "3d3b78ef-1595-47a3-b85d-20a5ee9a873c")

    /// A key-value set names an ad server id that does not exist.
    public static let invalidKeyValueSetAdServerId = ViolationCode(rawValue: "24a9375a-0b22-4676-9a29-9c9e7f2c195f")

    // MARK: Flight deletion

    /// The flight's campaign is archived.
    public static let deleteBlockedByArchivedCampaign = ViolationCode(rawValue: "60e2547e-bac4-4738-bcfc-6b38fa847a16")

    /// The flight is invoiced.
    public static let deleteBlockedByInvoicedFlight = ViolationCode(rawValue: "cc8b37d1-8c9f-491e-aaf4-05510935b492")

    /// The flight has ad-server data.
    public static let deleteBlockedByAdServerData = ViolationCode(rawValue: "ac23616c-a625-47b4-9e58-909c66df5f6d")

    /// The flight has deferral data.
    public static let deleteBlockedByDeferredData = ViolationCode(rawValue: "8665dee6-e755-4904-9df4-93ef5bd64d29")

    /// The flight has publisher payouts.
    public static let deleteBlockedByPublisherPayouts = ViolationCode(rawValue: "33042bd6-05f3-4691-ba27-4f5cef93f697")

    // MARK: Campaign and flight discounts

    /// The campaign already has a discount with this externalId.
    public static let campaignDiscountExternalIdAlreadyUsed = ViolationCode(
        rawValue: "450ae979-312c-45b9-b61a-dfcde745b8e7")

    /// A flight concerned is partly invoiced.
    public static let flightPartlyInvoiced = ViolationCode(rawValue: "0e31a231-9575-4430-8ab2-937bbd9e771d")

    /// The campaign has a delta invoice.
    public static let deltaInvoiceExists = ViolationCode(rawValue: "504d6c75-bacb-4319-ad0a-e942a30904f7")

    /// At least one flight of the campaign is invoiced.
    public static let campaignHasInvoicedFlight = ViolationCode(rawValue: "fb5f05f4-ee4e-41a9-9370-14415bdc12ea")

    /// The campaign discount still has flight discounts; delete those first.
    public static let campaignDiscountHasFlightDiscounts = ViolationCode(
        rawValue: "d4c8a1b5-7492-4c65-833f-d3473dd76854")

    /// Neither amountPercent nor amountSum was given.
    public static let flightDiscountAmountMissing = ViolationCode(rawValue: "b3b2187f-b34a-489e-ae7e-e171e7776bd4")

    /// Both amountPercent and amountSum were given; send one.
    public static let flightDiscountAmountsBothSet = ViolationCode(rawValue: "5268ee13-0ad7-4393-a4be-6e17fbeb9569")

    /// The flight-discount externalId is taken (on create).
    public static let flightDiscountExternalIdAlreadyUsed = ViolationCode(
        rawValue: "586bec40-0170-4a20-81a3-328afcef65a5")

    /// The flight-discount externalId is taken (on update).
    public static let flightDiscountExternalIdAlreadyUsedOnUpdate = ViolationCode(
        rawValue: "bdba6ce3-3884-450d-a3b3-0e790ba2cbc8")

    /// At least one flight is invoiced, so the flight discount cannot be deleted.
    public static let flightDiscountDeleteBlockedByInvoicedFlight = ViolationCode(
        rawValue: "cfa53928-478d-4c37-b844-d0643be2b2b4")

    /// The flight is deferred, so its discount cannot change.
    public static let flightDiscountBlockedByDeferredFlight = ViolationCode(
        rawValue: "26415fc8-24d2-4cd7-8561-a62fe636f3c4")

    /// Discounts cannot be changed through the API under the sum-up strategy (HTTP 501).
    public static let sumUpStrategyNotSupported = ViolationCode(rawValue: "4c396abe-92c8-45ae-a3af-9baa4b76bbda")

    // MARK: Flight sublines

    /// A subline platform is not part of the network of the flight's platform.
    public static let sublinePlatformNotInNetwork = ViolationCode(rawValue: "d368a263-4bd7-4f21-bccf-1188df46991c")

    /// The subline percentages do not add up to 100.
    public static let sublinePercentagesNotHundred = ViolationCode(rawValue: "3b254c3d-590c-4edc-b763-c49f5a703355")

    // MARK: Archive status

    /// A billed campaign can be neither archived nor reactivated.
    public static let archiveBlockedByBilledCampaign = ViolationCode(rawValue: "28a27691-46f0-4bc2-9806-100587d7a962")

    /// A partly invoiced campaign cannot be archived.
    public static let archiveBlockedByPartialInvoice = ViolationCode(rawValue: "e0a1561a-631e-4d1b-99fe-6a7e7f89b4dd")

    // MARK: Commission status and flight commission

    /// The commission status cannot change once flights are invoiced.
    public static let commissionStatusBlockedByInvoicedFlights = ViolationCode(
        rawValue: "48f7f665-0181-431c-a094-d6a09842690f")

    /// The commission status value is not one of the allowed values.
    public static let invalidCommissionStatus = ViolationCode(rawValue: "9bf0acca-73cf-448f-8907-bc70ae240b16")

    /// A flight is deferred, so the commission status cannot change.
    public static let commissionStatusBlockedByDeferredFlight = ViolationCode(
        rawValue: "16a35de8-46dd-454d-9150-b11280782ff9")

    /// A commission was given both as percentage and as amount.
    public static let commissionPercentAndAmountBothSet = ViolationCode(
        rawValue: "6e40c9b1-7f75-4a3a-8149-26adecd9a5d4")

    /// The flight is invoiced, so its commission cannot change.
    public static let commissionBlockedByInvoicedFlight = ViolationCode(
        rawValue: "407eebae-cb0c-49fd-9708-4312452133ee")

    // MARK: Symfony constraint codes (not listed in the specs)

    /// Symfony NotBlank: a required value is empty.
    public static let blankValue = ViolationCode(rawValue: "c1051bb4-d103-4f74-8988-acbcafc7fdc3")

    /// Symfony NotNull: a required value is null.
    public static let nullValue = ViolationCode(rawValue: "ad32d13f-c3d4-423b-909a-857b961eb720")

    /// Symfony Choice: the value is not one of the allowed ones.
    public static let invalidChoice = ViolationCode(rawValue: "8e179f1b-97aa-4560-a02f-2a8b42e49df7")

    /// Symfony Type: the JSON value has the wrong type.
    public static let invalidType = ViolationCode(rawValue: "ba785a8c-82cb-4283-967c-3cf342181b40")

    /// Every code that has a name here, in the order above.
    public static let knownValues: [ViolationCode] = [
        .externalIdAlreadyUsed,
        .referencedIdNotFound,
        .currencyNotConfigured,
        .expressionConstraintFailed,
        .billingTypeNotSupported,
        .reservationBlockedByInvoicedFlights,
        .customerChangeBlockedByInvoicedFlights,
        .agencyChangeBlockedByInvoicedFlights,
        .intermediatorChangeBlockedByInvoicedFlights,
        .currencyChangeBlockedByInvoicedFlights,
        .billingTypeChangeBlockedByInvoices,
        .unknownPlatformChannelAdvertising,
        .priceNotFound,
        .flightFullyInvoiced,
        .invalidKeyValueSetAdServerId,
        .deleteBlockedByArchivedCampaign,
        .deleteBlockedByInvoicedFlight,
        .deleteBlockedByAdServerData,
        .deleteBlockedByDeferredData,
        .deleteBlockedByPublisherPayouts,
        .campaignDiscountExternalIdAlreadyUsed,
        .flightPartlyInvoiced,
        .deltaInvoiceExists,
        .campaignHasInvoicedFlight,
        .campaignDiscountHasFlightDiscounts,
        .flightDiscountAmountMissing,
        .flightDiscountAmountsBothSet,
        .flightDiscountExternalIdAlreadyUsed,
        .flightDiscountExternalIdAlreadyUsedOnUpdate,
        .flightDiscountDeleteBlockedByInvoicedFlight,
        .flightDiscountBlockedByDeferredFlight,
        .sumUpStrategyNotSupported,
        .sublinePlatformNotInNetwork,
        .sublinePercentagesNotHundred,
        .archiveBlockedByBilledCampaign,
        .archiveBlockedByPartialInvoice,
        .commissionStatusBlockedByInvoicedFlights,
        .invalidCommissionStatus,
        .commissionStatusBlockedByDeferredFlight,
        .commissionPercentAndAmountBothSet,
        .commissionBlockedByInvoicedFlight,
        .blankValue,
        .nullValue,
        .invalidChoice,
        .invalidType,
    ]
}
