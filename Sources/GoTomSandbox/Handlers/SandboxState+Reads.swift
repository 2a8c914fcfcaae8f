import Foundation
import GoTomModels
import HTTPTypes

extension SandboxState {
    /// A stored campaign in goTom's read shape.
    func campaignRead(_ campaign: CampaignRecord) -> CampaignRead {
        let users = master.items(.user)
        func email(_ id: Int?) -> String? { id.flatMap { id in users.first { $0.id == .integer(id) }?.email } }
        return CampaignRead(
            campaignId: campaign.campaignId,
            externalId: campaign.externalId,
            name: campaign.name,
            status: CampaignStatus(rawValue: campaign.status),
            bookingDate: campaign.bookingDate,
            customer: contactRef(campaign.customer),
            campaignTypeId: campaign.campaignTypeId,
            campaignTypeReference: campaign.campaignTypeReference,
            intermediator: contactRef(campaign.intermediator),
            agency: contactRef(campaign.agency),
            note: campaign.note,
            noteInternal: campaign.noteInternal,
            noteReservation: campaign.noteReservation,
            pdfInvoiceWithAttachment: campaign.pdfInvoiceWithAttachment,
            billingType: BillingType(rawValue: campaign.billingType),
            salesSupportId: campaign.salesSupportUserId,
            salesSupportEmail: email(campaign.salesSupportUserId),
            salesId: campaign.salesUserId,
            salesEmail: email(campaign.salesUserId),
            currency: campaign.currency,
            commissionStatus: CommissionSettlement(rawValue: campaign.commissionStatus),
            flights: campaign.flights.map(flightRead)
        )
    }

    /// A stored flight in goTom's read shape: tag ids expanded to `{id, name}`, the effective position type.
    func flightRead(_ flight: FlightRecord) -> FlightRead {
        let tags = master.items(.flightTags)
        return FlightRead(
            externalId: flight.externalId,
            adServerId: flight.adServerId,
            runtime: flight.runtime,
            tarifId: flight.tarifId,
            mediaId: flight.mediaId,
            platformId: flight.platformId,
            channelId: flight.channelId,
            advertisingId: flight.advertisingId,
            priceTypeId: flight.priceTypeId,
            units: flight.units,
            bruttoPriceUnit: .amount(flight.bruttoPriceUnit),
            extraPriceLevelId: flight.extraPriceLevelId,
            flightPositionTypeName: flight.flightPositionTypeName ?? master.defaultFlightPositionTypeName,
            advertisingStatus: AdvertisingStatus(rawValue: flight.advertisingStatus),
            note: flight.note,
            noteInternal: flight.noteInternal,
            noteBilling: flight.noteBilling,
            keyValueSets: flight.keyValueSets,
            geoTargetingByZip: flight.geoTargetingByZip,
            flightTags: flight.flightTagIds.map { id in
                FlightTag(id: id, name: tags.first { $0.id == .integer(id) }?.name ?? "")
            },
            keyValueSetsXandr: flight.keyValueSetsXandr
        )
    }

    /// A campaign discount in goTom's read shape.
    func discountRead(_ discount: CampaignDiscountRecord) -> CampaignDiscountRead {
        CampaignDiscountRead(
            externalId: discount.externalId,
            entityId: discount.externalId == nil ? discount.entityId : nil,
            name: discount.name,
            flightDiscounts: discount.flightDiscounts.map(flightDiscountRead)
        )
    }

    /// A flight discount in goTom's read shape; the unused amount is 0.
    func flightDiscountRead(_ discount: FlightDiscountRecord) -> FlightDiscountRead {
        FlightDiscountRead(
            flightExternalId: discount.flightExternalId,
            externalId: discount.externalId,
            entityId: discount.externalId == nil ? discount.entityId : nil,
            amountPercent: discount.amountPercent,
            amountSum: discount.amountSum
        )
    }

    /// A stored customer in goTom's read shape, with the shared industry, tags and payment term filled in.
    func customerRead(_ customer: CustomerRecord) -> CustomerRead {
        let defaultTerm =
            registry.paymentTerms[CrmRegistry.defaultPaymentTermId]
            ?? CustomerPaymentTerm(externalCrmId: CrmRegistry.defaultPaymentTermId)
        return CustomerRead(
            externalCrmId: customer.externalCrmId,
            externalId: customer.externalId,
            firm: customer.firm,
            mwst: customer.mwst,
            note: customer.note,
            status: CustomerStatus(rawValue: customer.status),
            statusEc: CustomerType(rawValue: customer.statusEc),
            pipelineStatus: customer.pipelineStatus.map { CustomerRead.PipelineStatus(externalCrmId: $0) },
            language: CustomerLanguage(rawValue: customer.language),
            bankAccountNumber: customer.bankAccountNumber,
            bankIBANNumber: customer.bankIBANNumber,
            bankClearingNumber: customer.bankClearingNumber,
            bankName: customer.bankName,
            searchstring: customer.searchstring,
            vatType: VatType(rawValue: customer.vatType),
            softDeleted: customer.softDeleted,
            commission: customer.commission,
            industry: customer.industryId.map {
                CustomerRead.Industry(externalCrmId: $0, name: registry.industries[$0] ?? $0)
            },
            addresses: customer.addresses.map(\.address),
            mainAddress: customer.mainAddressCrmId.map { CustomerRead.MainAddress(externalCrmId: $0) },
            contacts: customer.contacts.map(\.contact),
            tags: customer.tagIds.map { CustomerRead.Tag(externalCrmId: $0, name: registry.tags[$0] ?? $0) },
            references: customer.references,
            consultants: customer.consultants,
            paymentTerm: customer.paymentTermId.flatMap { registry.paymentTerms[$0] } ?? defaultTerm,
            defaultDiscounts: customer.defaultDiscounts
        )
    }
}
