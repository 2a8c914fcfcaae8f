import Foundation
import GoTomModels

/// Request bodies built on the sandbox's demo data (customer CRM-1001, platform 1, channel 10, …).
enum Models {
    static func date(_ text: String) -> CalendarDate {
        // The literals below are valid dates.
        try! CalendarDate(parsing: text)
    }

    static func campaign(_ externalId: String, customer: String = "CRM-1001") -> CampaignCreate {
        CampaignCreate(
            externalId: externalId, name: "Frühling 2025", status: .booking, bookingDate: date("2025-03-01"),
            customer: ContactRef(entityExternalCrmId: customer)
        )
    }

    static func flight(
        _ externalId: String, platformId: Int = 1, channelId: Int = 10, tarifId: Int = 1
    ) -> FlightCreate {
        FlightCreate(
            externalId: externalId, adServerId: "gam",
            runtime: FlightRuntime(
                start: DateTimeComponents(date: date("2025-03-01"), time: "00:00"),
                end: DateTimeComponents(date: date("2025-03-31"))
            ),
            tarifId: tarifId, mediaId: 20, platformId: platformId, channelId: channelId, advertisingId: 30,
            priceTypeId: 1, units: 100_000, bruttoPriceUnit: .amount(45)
        )
    }

    static func customer(_ externalCrmId: String, firm: String = "Testkunde AG") -> CustomerWrite {
        CustomerWrite(
            externalCrmId: externalCrmId, firm: firm, status: .active, statusEc: .customer, language: .german,
            mainAddress: CustomerWrite.MainAddress(externalCrmId: "\(externalCrmId)-A1")
        )
    }

    /// A customer in the fixtures' JSON shape.
    static func fixtureCustomer(_ index: Int) -> JSONValue {
        [
            "externalCrmId": .string("SEED-\(index)"), "firm": .string("Seed \(index) AG"), "status": 1,
            "statusEc": 1, "language": "de", "mainAddress": ["externalCrmId": .string("SEED-\(index)-A1")],
        ]
    }
}
