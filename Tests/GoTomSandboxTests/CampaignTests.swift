import Foundation
import GoTomModels
import GoTomSandbox
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Campaigns")
struct CampaignTests {
    @Test("C2 + C3: create answers 201 without body; read shows defaults and every id form")
    func createAndRead() async throws {
        try await withSandbox { client throws in
            let created = try await client.post(
                "/app-api/campaign",
                Bodies.campaign(
                    "camp-1",
                    customer: #"{"entityExternalCrmId":"CRM-1001","personExternalCrmId":"CRM-1001-P1"}"#,
                    extra: #","salesEmail":"beat.keller@example.ch","campaignTypeId":1,"note":"Hallo""#
                )
            )
            #expect(created.status == .created)
            #expect(created.body.readableBytes == 0)
            let read = try await client.get("/app-api/campaign/camp-1").decode(CampaignRead.self)
            #expect(read.campaignId != nil)
            #expect(read.name == "Frühling 2025")
            #expect(read.currency == "CHF")
            #expect(read.billingType == .endOfCampaign)
            #expect(read.pdfInvoiceWithAttachment == true)
            #expect(read.commissionStatus == .direct)
            #expect(read.salesId == 2)
            #expect(read.salesEmail == "beat.keller@example.ch")
            #expect(read.customer?.entityExternalCrmId == "CRM-1001")
            #expect(read.customer?.entityExternalId == "K-1001")
            #expect(read.customer?.entityId != nil)
            #expect(read.customer?.addressExternalCrmId == "CRM-1001-A1")
            #expect(read.customer?.personExternalCrmId == "CRM-1001-P1")
            #expect(read.flights == [])
            #expect(try await client.get("/app-api/campaign/nope").status == .notFound)
        }
    }

    @Test("C2: schema violations use Symfony's stock codes with property paths")
    func createSchemaViolations() async throws {
        try await withSandbox { client throws in
            let missing = try await client.post("/app-api/campaign", "{}")
            #expect(missing.status == .badRequest)
            #expect(
                Set(missing.violations)
                    == [
                        Violation(.nullValue, "externalId"), Violation(.nullValue, "name"),
                        Violation(.nullValue, "status"),
                        Violation(.nullValue, "bookingDate"), Violation(.nullValue, "customer"),
                    ]
            )
            let wrong = try await client.post(
                "/app-api/campaign",
                #"{"externalId":"x","name":" ","status":"maybe","bookingDate":"2025-02-30","customer":{"entityId":"seven"},"pdfInvoiceWithAttachment":"yes"}"#
            )
            #expect(
                Set(wrong.violations)
                    == [
                        Violation(.blankValue, "name"), Violation(.invalidChoice, "status"),
                        Violation(.invalidType, "bookingDate"), Violation(.invalidType, "customer.entityId"),
                        Violation(.invalidType, "pdfInvoiceWithAttachment"),
                    ]
            )
        }
    }

    @Test("C2: unresolvable references answer 5658b9ca… at their property path")
    func createUnresolvedReferences() async throws {
        try await withSandbox { client throws in
            let crm1001 = #"{"entityExternalCrmId":"CRM-1001"}"#
            let cases: [(customer: String, extra: String, path: String)] = [
                (#"{"entityId":999999}"#, "", "customer.entityId"),
                (#"{"entityExternalId":"nope"}"#, "", "customer.entityExternalId"),
                (#"{"entityExternalCrmId":"nope"}"#, "", "customer.entityExternalCrmId"),
                (
                    #"{"entityExternalCrmId":"CRM-1001","addressExternalCrmId":"nope"}"#, "",
                    "customer.addressExternalCrmId"
                ),
                (
                    #"{"entityExternalCrmId":"CRM-1001","personExternalCrmId":"nope"}"#, "",
                    "customer.personExternalCrmId"
                ),
                (crm1001, #","agency":{"entityExternalCrmId":"nope"}"#, "agency.entityExternalCrmId"),
                (crm1001, #","intermediator":{"entityId":424242}"#, "intermediator.entityId"),
                (crm1001, #","campaignTypeId":77"#, "campaignTypeId"),
                (crm1001, #","salesSupportId":77"#, "salesSupportId"),
                (crm1001, #","salesEmail":"nobody@example.ch""#, "salesEmail"),
            ]
            for (customer, extra, path) in cases {
                let response = try await client.post(
                    "/app-api/campaign", Bodies.campaign("x", customer: customer, extra: extra))
                #expect(response.status == .badRequest, "\(path)")
                #expect(response.violations == [Violation(.referencedIdNotFound, path)], "\(path)")
            }
            #expect(try await client.get("/app-api/campaign/x").status == .notFound)
            let noEntity = try await client.post("/app-api/campaign", Bodies.campaign("y", customer: "{}"))
            #expect(noEntity.violations == [Violation(.nullValue, "customer.entityId")])
        }
    }

    @Test("C2: currency, billingType, duplicate externalId and expression rules")
    func createBusinessRules() async throws {
        var fixtures = SandboxFixtures()
        var settings = SandboxFixtures.Settings()
        settings.expressionRules = [
            .init(
                whenField: "campaignTypeId", equals: 2, requireField: "campaignTypeReference",
                message: "Eigenwerbung braucht eine Referenz.")
        ]
        fixtures.settings = settings
        try await withSandbox(fixtures: fixtures) { client throws in
            let currency = try await client.post(
                "/app-api/campaign", Bodies.campaign("c", extra: #","currency":"USD""#))
            #expect(currency.violations == [Violation(.currencyNotConfigured, "currency")])
            let billing = try await client.post("/app-api/campaign", Bodies.campaign("c", extra: #","billingType":3"#))
            #expect(billing.violations == [Violation(.billingTypeNotSupported, "billingType")])
            let rule = try await client.post("/app-api/campaign", Bodies.campaign("c", extra: #","campaignTypeId":2"#))
            #expect(rule.violations == [Violation(.expressionConstraintFailed, "campaignTypeReference")])
            #expect(
                try await client.post("/app-api/campaign", Bodies.campaign("c", extra: #","currency":"EUR""#)).status
                    == .created)
            let duplicate = try await client.post("/app-api/campaign", Bodies.campaign("c"))
            #expect(duplicate.violations == [Violation(.externalIdAlreadyUsed, "externalId")])
            #expect(try await client.get("/app-api/campaign/c").json["currency"] == "EUR")
        }
    }

    @Test("C2/C4: agency and intermediator set the commissions; update_commissions=0 keeps them")
    func commissions() async throws {
        try await withSandbox { client throws in
            let body = Bodies.campaign(
                "k",
                extra:
                    #","agency":{"entityExternalCrmId":"CRM-2001"},"intermediator":{"entityExternalCrmId":"CRM-3001"}"#
            )
            #expect(try await client.post("/app-api/campaign", body).status == .created)
            #expect(try await client.post("/app-api/campaign/k/flight", Bodies.flight("k-1")).status == .created)
            let commission = try await client.get("/app-api/campaign/k/flight/k-1/commission").json
            #expect(commission["bkPercent"] == 10)
            #expect(commission["vmkPercent"] == 5)
            #expect(commission["vmkType"] == "VMK")
            #expect(try await client.get("/app-api/campaign/k").json["commissionStatus"] == 2)

            #expect(
                try await client.post("/app-api/campaign/k/flight/k-1/commission", #"{"bkPercent":3}"#).status
                    == .noContent)
            #expect(
                try await client.post("/app-api/campaign/k?update_commissions=0", #"{"agency":null}"#).status
                    == .noContent)
            #expect(try await client.get("/app-api/campaign/k/flight/k-1/commission").json["bkPercent"] == 3)
            #expect(try await client.get("/app-api/campaign/k").json["agency"] == nil)

            let reset = try await client.post(
                "/app-api/campaign/k?update_commissions=true", #"{"agency":{"entityExternalCrmId":"CRM-2001"}}"#
            )
            #expect(reset.status == .noContent)
            #expect(try await client.get("/app-api/campaign/k/flight/k-1/commission").json["bkPercent"] == 10)
            #expect(try await client.post("/app-api/campaign/k", #"{"intermediator":null}"#).status == .noContent)
            #expect(try await client.get("/app-api/campaign/k/flight/k-1/commission").json["vmkPercent"] == 0)
            #expect(try await client.get("/app-api/campaign/k").json["commissionStatus"] == 0)

            let invalid = try await client.post("/app-api/campaign/k?update_commissions=2", "{}")
            #expect(invalid.violations == [Violation(.invalidChoice, "update_commissions")])
        }
    }

    @Test("C4: partial update changes only the keys sent; null clears nullable fields")
    func update() async throws {
        try await withSandbox { client throws in
            #expect(
                try await client.post("/app-api/campaign", Bodies.campaign("u", extra: #","note":"alt""#)).status
                    == .created)
            let response = try await client.post(
                "/app-api/campaign/u", #"{"name":"Neu","note":null,"status":"reservation","billingType":2,"salesId":1}"#
            )
            #expect(response.status == .noContent)
            let read = try await client.get("/app-api/campaign/u").decode(CampaignRead.self)
            #expect(read.name == "Neu")
            #expect(read.note == nil)
            #expect(read.status == .reservation)
            #expect(read.billingType == .monthlyByDailyValue)
            #expect(read.salesEmail == "anna.muster@example.ch")
            #expect(read.bookingDate.iso8601 == "2025-03-01")

            #expect(try await client.post("/app-api/campaign/missing", "{}").status == .notFound)
            let violations = try await client.post(
                "/app-api/campaign/u",
                #"{"customer":{"entityId":999999},"billingType":3,"currency":"USD","status":"maybe"}"#
            )
            #expect(violations.violations == [Violation(.invalidChoice, "status")])
            let business = try await client.post(
                "/app-api/campaign/u", #"{"customer":{"entityId":999999},"billingType":3,"currency":"USD"}"#
            )
            #expect(
                Set(business.violations)
                    == [
                        Violation(.referencedIdNotFound, "customer.entityId"),
                        Violation(.billingTypeNotSupported, "billingType"),
                        Violation(.currencyNotConfigured, "currency"),
                    ]
            )
            let noCustomer = try await client.post("/app-api/campaign/u", #"{"customer":null}"#)
            #expect(noCustomer.violations == [Violation(.nullValue, "customer")])
            #expect(try await client.get("/app-api/campaign/u").json["name"] == "Neu")
        }
    }

    @Test("C4: invoiced campaigns refuse status, party, currency and billingType changes, and apply nothing")
    func updateInvoicedCampaign() async throws {
        try await withSandbox(fixtures: TestFixtures.invoicing) { client throws in
            let response = try await client.post(
                "/app-api/campaign/c-partial",
                #"{"name":"egal","status":"reservation","customer":{"entityExternalCrmId":"CRM-1002"},"agency":{"entityExternalCrmId":"CRM-2001"},"intermediator":{"entityExternalCrmId":"CRM-3001"},"currency":"EUR","billingType":2}"#
            )
            #expect(response.status == .badRequest)
            #expect(
                Set(response.violations)
                    == [
                        Violation(.reservationBlockedByInvoicedFlights, "status"),
                        Violation(.customerChangeBlockedByInvoicedFlights, "customer"),
                        Violation(.agencyChangeBlockedByInvoicedFlights, "agency"),
                        Violation(.intermediatorChangeBlockedByInvoicedFlights, "intermediator"),
                        Violation(.currencyChangeBlockedByInvoicedFlights, "currency"),
                        Violation(.billingTypeChangeBlockedByInvoices, "billingType"),
                    ]
            )
            #expect(try await client.get("/app-api/campaign/c-partial").json["name"] == "Kampagne c-partial")
            #expect(try await client.post("/app-api/campaign/c-partial", #"{"name":"Neu"}"#).status == .noContent)
        }
    }

    @Test("C20: documents are stored; invalid base64 and unknown campaigns are refused")
    func documents() async throws {
        try await withSandbox { client throws in
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("doc")).status == .created)
            let content = Data("Auftragsbestätigung".utf8).base64EncodedString()
            let created = try await client.post(
                "/app-api/campaign/doc/document", #"{"name":"AB.pdf","content":"\#(content)"}"#)
            #expect(created.status == .created)
            let invalid = try await client.post("/app-api/campaign/doc/document", #"{"name":"AB.pdf","content":"@@@"}"#)
            #expect(invalid.violations == [Violation(.invalidType, "content")])
            let missing = try await client.post("/app-api/campaign/doc/document", #"{"content":"\#(content)"}"#)
            #expect(missing.violations == [Violation(.nullValue, "name")])
            #expect(
                try await client.post("/app-api/campaign/nope/document", #"{"name":"a","content":""}"#).status
                    == .notFound)
        }
    }

    @Test("C21: archive and reactivate; billed and partly invoiced campaigns are refused")
    func archiveStatus() async throws {
        try await withSandbox(fixtures: TestFixtures.invoicing) { client throws in
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("a")).status == .created)
            #expect(
                try await client.post("/app-api/campaign/a/archive-status", #"{"setIsArchived":true}"#).status
                    == .noContent)
            #expect(
                try await client.post("/app-api/campaign/a/archive-status", #"{"setIsArchived":false}"#).status
                    == .noContent)
            let missing = try await client.post("/app-api/campaign/a/archive-status", "{}")
            #expect(missing.violations == [Violation(.nullValue, "setIsArchived")])
            let billed = try await client.post("/app-api/campaign/c-billed/archive-status", #"{"setIsArchived":false}"#)
            #expect(billed.violations == [Violation(.archiveBlockedByBilledCampaign, "setIsArchived")])
            let partly = try await client.post("/app-api/campaign/c-partial/archive-status", #"{"setIsArchived":true}"#)
            #expect(partly.violations == [Violation(.archiveBlockedByPartialInvoice, "setIsArchived")])
            #expect(
                try await client.post("/app-api/campaign/nope/archive-status", #"{"setIsArchived":true}"#).status
                    == .notFound)
        }
    }

    @Test("C22: commission status 0/2/3/4; invalid values, invoiced and deferred campaigns are refused")
    func commissionStatus() async throws {
        try await withSandbox(fixtures: TestFixtures.invoicing) { client throws in
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("s")).status == .created)
            #expect(
                try await client.post("/app-api/campaign/s/commission-status", #"{"commissionStatus":4}"#).status
                    == .noContent)
            #expect(try await client.get("/app-api/campaign/s").json["commissionStatus"] == 4)
            let invalid = try await client.post("/app-api/campaign/s/commission-status", #"{"commissionStatus":1}"#)
            #expect(invalid.violations == [Violation(.invalidCommissionStatus, "commissionStatus")])
            let invoiced = try await client.post(
                "/app-api/campaign/c-partial/commission-status", #"{"commissionStatus":2}"#)
            #expect(invoiced.violations == [Violation(.commissionStatusBlockedByInvoicedFlights, "commissionStatus")])
            let deferred = try await client.post(
                "/app-api/campaign/c-delta/commission-status", #"{"commissionStatus":2}"#)
            #expect(deferred.violations == [Violation(.commissionStatusBlockedByDeferredFlight, "commissionStatus")])
            #expect(
                try await client.post("/app-api/campaign/nope/commission-status", #"{"commissionStatus":2}"#).status
                    == .notFound)
        }
    }
}
