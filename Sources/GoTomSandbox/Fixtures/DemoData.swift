import Foundation
import GoTomModels

/// The built-in demo tenant: Swiss and German media names, a small rate card and a few customers.
enum DemoData {
    static let primaryKeys: [String: [PrimaryKeyItem]] = [
        "user": [
            PrimaryKeyItem(id: 1, name: "Anna Muster", email: "anna.muster@example.ch"),
            PrimaryKeyItem(id: 2, name: "Beat Keller", email: "beat.keller@example.ch"),
            PrimaryKeyItem(id: 3, name: "Claudia Weber", email: "claudia.weber@example.ch"),
        ],
        "tarif": [
            PrimaryKeyItem(id: 1, name: "Tarif 2025"),
            PrimaryKeyItem(id: 2, name: "Tarif 2026"),
            PrimaryKeyItem(id: 3, name: "Netzwerk-Tarif 2025"),
        ],
        "priceType": [
            PrimaryKeyItem(id: 1, name: "1000 Impressions (TKP)"),
            PrimaryKeyItem(id: 2, name: "Pauschal"),
            PrimaryKeyItem(id: 3, name: "Klick (CPC)"),
        ],
        "adServer": [
            PrimaryKeyItem(id: "gam", name: "Google Ad Manager"),
            PrimaryKeyItem(id: "none", name: "Ohne AdServer"),
            PrimaryKeyItem(id: "xandr1", name: "Xandr"),
        ],
        "campaignType": [
            PrimaryKeyItem(id: 1, name: "Standard"),
            PrimaryKeyItem(id: 2, name: "Eigenwerbung"),
            PrimaryKeyItem(id: 3, name: "Kompensation"),
        ],
        "extraPriceLevel": [
            PrimaryKeyItem(id: 1, name: "Premium-Platzierung"),
            PrimaryKeyItem(id: 2, name: "Targeting-Zuschlag"),
        ],
        "platform": [
            PrimaryKeyItem(id: 1, name: "NZZ.ch"),
            PrimaryKeyItem(id: 2, name: "Tages-Anzeiger"),
            PrimaryKeyItem(id: 3, name: "20 Minuten"),
            PrimaryKeyItem(id: 4, name: "Blick.ch"),
            PrimaryKeyItem(id: 5, name: "Süddeutsche.de"),
            PrimaryKeyItem(id: 9, name: "Netzwerk Deutschschweiz"),
        ],
        "channel": [
            PrimaryKeyItem(id: 10, name: "Desktop"),
            PrimaryKeyItem(id: 11, name: "Mobile"),
            PrimaryKeyItem(id: 12, name: "App"),
            PrimaryKeyItem(id: 13, name: "GAMX (Nativ)"),
        ],
        "media": [
            PrimaryKeyItem(id: 20, name: "Display"),
            PrimaryKeyItem(id: 21, name: "Video"),
            PrimaryKeyItem(id: 22, name: "Nativ"),
        ],
        "advertising": [
            PrimaryKeyItem(id: 30, name: "Medium Rectangle 300x250"),
            PrimaryKeyItem(id: 31, name: "Wideboard 994x250"),
            PrimaryKeyItem(id: 32, name: "Pre-Roll 15s"),
            PrimaryKeyItem(id: 33, name: "Native Ad"),
        ],
        "flightPositionType": [
            PrimaryKeyItem(id: 1, name: "Standard", isDefault: true),
            PrimaryKeyItem(id: 2, name: "Exklusiv", isDefault: false),
            PrimaryKeyItem(id: 3, name: "Rotation", isDefault: false),
        ],
        "flightTags": [
            PrimaryKeyItem(id: 1, name: "Wahlen 2025"),
            PrimaryKeyItem(id: 2, name: "Weihnachten"),
            PrimaryKeyItem(id: 3, name: "Sommerkampagne"),
        ],
    ]

    static let networks: [Int: Set<Int>] = [9: [1, 2, 3]]

    static var prices: [TarifPriceItem] {
        let names = primaryKeys.mapValues { Dictionary(uniqueKeysWithValues: $0.map { ($0.id.description, $0.name) }) }
        func name(_ entity: String, _ id: Int?) -> String? { id.flatMap { names[entity]?[String($0)] } }
        func row(
            _ tarif: Int, _ platform: Int?, _ channel: Int, _ media: Int, _ advertising: Int, _ priceType: Int?,
            _ extra: Int?, _ price: Decimal
        ) -> TarifPriceItem {
            TarifPriceItem(
                tarifId: tarif, tarif: name("tarif", tarif) ?? "", companyId: 1,
                company: "Mandant 1 (CHF, Deutschschweiz)", platformId: platform, platform: name("platform", platform),
                channelId: channel, channel: name("channel", channel) ?? "", mediaId: media,
                media: name("media", media) ?? "", advertisingId: advertising,
                advertising: name("advertising", advertising) ?? "", tarifGroupId: 1, tarifGroup: "Standardtarife",
                priceTypeId: priceType, priceType: name("priceType", priceType), extraPriceLevelId: extra,
                extraPriceLevel: name("extraPriceLevel", extra), price: price
            )
        }
        return [
            row(1, 1, 10, 20, 30, 1, nil, 45), row(1, 1, 10, 20, 30, 1, 1, 58), row(1, 1, 11, 20, 30, 1, nil, 38),
            row(1, 2, 10, 20, 31, 1, nil, 52), row(1, 3, 11, 20, 30, 1, nil, 30), row(1, 4, 10, 21, 32, 1, nil, 60),
            row(1, nil, 13, 22, 33, 2, nil, 1500), row(2, 1, 10, 20, 30, 1, nil, 48), row(2, 2, 10, 20, 31, 1, nil, 55),
            row(2, 5, 10, 20, 30, 1, nil, 42), row(3, 9, 10, 20, 30, 1, nil, 35), row(3, 9, 11, 20, 30, 1, nil, 29),
        ]
    }

    static let graphReports: [Int: String] = [
        46: """
        "Datum","Plattform","Impressionen","Klicks"
        "2025-03-01","NZZ.ch","120345","312"
        "2025-03-01","20 Minuten","98321","287"
        "2025-03-02","NZZ.ch","118002","298"

        """
    ]

    static let customReports: [Int: String] = [
        47: """
        "Kunde","Kampagne","Umsatz CHF"
        "Muster AG","Frühling 2025","12500.00"
        "Bäckerei Huber","Wintersale","3400.50"

        """
    ]

    /// Demo customers in the CRM-sync write shape.
    static let customers: [JSONValue] = [
        [
            "externalCrmId": "CRM-1001", "externalId": "K-1001", "firm": "Muster AG", "status": 1, "statusEc": 1,
            "language": "de", "mainAddress": ["externalCrmId": "CRM-1001-A1"], "note": "Demo-Kunde",
            "addresses": [
                [
                    "externalCrmId": "CRM-1001-A1", "title": "Hauptsitz", "firm": "Muster AG",
                    "street": "Bahnhofstrasse",
                    "number": "1", "zip": "8001", "place": "Zürich", "country": "CH",
                ]
            ],
            "contacts": [
                [
                    "externalCrmId": "CRM-1001-P1", "peopleGender": "F", "peopleLastname": "Muster",
                    "peopleName": "Erika", "peopleEmail": "erika.muster@example.ch",
                ]
            ],
            "industry": ["externalCrmId": "IND-RETAIL", "name": "Detailhandel"],
            "tags": [["externalCrmId": "TAG-KEY", "name": "Key Account"]],
        ],
        [
            "externalCrmId": "CRM-2001", "firm": "Werbeagentur Alpenblick AG", "status": 1, "statusEc": 3,
            "language": "de", "mainAddress": ["externalCrmId": "CRM-2001-A1"],
            "commission": ["bkCommission": 10, "vmkCommission": 0, "type": 2],
            "addresses": [
                [
                    "externalCrmId": "CRM-2001-A1", "title": "Agentur", "firm": "Werbeagentur Alpenblick AG",
                    "zip": "3011", "place": "Bern", "country": "CH",
                ]
            ],
        ],
        [
            "externalCrmId": "CRM-3001", "firm": "Mediavermittlung Rhein GmbH", "status": 1, "statusEc": 2,
            "language": "de", "mainAddress": ["externalCrmId": "CRM-3001-A1"],
            "commission": ["bkCommission": 0, "vmkCommission": 5, "type": 4],
            "addresses": [
                [
                    "externalCrmId": "CRM-3001-A1", "title": "Büro", "firm": "Mediavermittlung Rhein GmbH",
                    "zip": "79539", "place": "Lörrach", "country": "DE",
                ]
            ],
        ],
        [
            "externalCrmId": "CRM-1002", "firm": "Bäckerei Huber", "status": 1, "statusEc": 1, "language": "fr",
            "mainAddress": ["externalCrmId": "CRM-1002-A1"],
            "defaultDiscounts": [["name": "Treuerabatt", "percent": 5]],
        ],
        // The customer id of goTom's spec examples (crm-sync-api-doc.yaml, the externalCrmId path parameter).
        [
            "externalCrmId": "example-customer1234", "firm": "Beispiel AG", "status": 1, "statusEc": 1,
            "language": "de", "mainAddress": ["externalCrmId": "example-customer1234-A1"],
            "addresses": [
                [
                    "externalCrmId": "example-customer1234-A1", "title": "Hauptsitz", "firm": "Beispiel AG",
                    "street": "Seestrasse", "number": "12", "zip": "6003", "place": "Luzern", "country": "CH",
                ]
            ],
        ],
    ]

    /// Demo campaigns in the fixtures' campaign shape, holding the ids goTom's spec examples and example page use:
    /// campaign `example-campaign` with flight `example-flight`, campaign discount `campaignDiscountExternalId1234`
    /// with flight discount `flightDiscountExternalId1234`, and campaign `12345`, which the example page updates
    /// (its GET example, `26106`, stays unknown and answers 404 as on that page).
    static let campaigns: [JSONValue] = [
        [
            "externalId": "example-campaign", "name": "Beispielkampagne", "status": "booking",
            "bookingDate": "2025-03-01", "customer": ["entityExternalCrmId": "example-customer1234"],
            "note": "Demo-Kampagne mit den IDs der goTom-Beispiele",
            "flights": [
                [
                    "externalId": "example-flight", "adServerId": "gam", "tarifId": 1, "mediaId": 20, "platformId": 1,
                    "channelId": 10, "advertisingId": 30, "priceTypeId": 1, "units": 100000, "bruttoPriceUnit": 45,
                    "runtime": ["start": ["date": "2025-04-01", "time": "00:00"], "end": ["date": "2025-04-30"]],
                    // The values of goTom's FlightLineItemId and FlightCommission examples, so that every member
                    // of these reads is set on the example flight.
                    "lineItem": ["strategyId": "example-strategy", "adserverId": 4711],
                    "commission": ["bkPercent": 5, "bkAmount": 120, "vmkPercent": 12, "vmkAmount": 500],
                ]
            ],
            "vmkType": "VMK",
            "discounts": [
                [
                    "externalId": "campaignDiscountExternalId1234", "name": "Frühbucherrabatt",
                    "flightDiscounts": [
                        [
                            "externalId": "flightDiscountExternalId1234", "flightExternalId": "example-flight",
                            "amountPercent": 10,
                        ]
                    ],
                ]
            ],
        ],
        [
            "externalId": "12345", "name": "Herbstkampagne", "status": "reservation", "bookingDate": "2025-09-01",
            "customer": ["entityExternalCrmId": "CRM-1001"],
        ],
    ]
}
