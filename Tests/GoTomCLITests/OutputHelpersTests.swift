import Foundation
import GoTomAPI
import GoTomModels
import Testing

@testable import GoTomCLI

/// The pieces behind error lines and `--fields`, without a server.
@Suite("error wording and field selection")
struct OutputHelpersTests {
    @Test(
        "a request path names its entity in words",
        arguments: [
            ("GET /app-api/campaign/12345", "campaign 12345"),
            ("POST /app-api/campaign/P-1/flight/F%2F1", "flight F/1 of campaign P-1"),
            ("POST /app-api/campaign/P-1/flight", "a flight of campaign P-1"),
            ("POST /app-api/campaign", "a campaign"),
            ("GET /app-api/customer/CRM-1?x=1", "customer CRM-1"),
            ("GET /app-api/graph-export/download/46", "graph report 46"),
            ("GET /app-api/crm-sync-import-external-crm-id/error-logs/7", "CRM job 7"),
            ("GET /app-api/export/price/tarif/99", "tarif 99"),
            (
                "DELETE /app-api/campaign/P-1/campaign-discount/D/flight-discount/FD",
                "flight discount FD of discount D of campaign P-1"
            ),
        ])
    func requestTarget(summary: String, thing: String) throws {
        let target = try #require(RequestTarget(summary: summary))
        #expect(target.thing == thing)
    }

    @Test("paths outside the App API or with unknown words are not named")
    func unnamedTargets() {
        #expect(RequestTarget(summary: nil) == nil)
        #expect(RequestTarget(summary: "GET /health") == nil)
        #expect(RequestTarget(summary: "GET /app-api/unknown/1") == nil)
    }

    @Test("connect and TLS details in plain words")
    func transportWording() {
        #expect(
            GoTomError.plainConnectDetail("cannot connect to 127.0.0.1:1: connection refused")
                == "cannot connect to 127.0.0.1:1 (connection refused)")
        #expect(
            GoTomError.plainConnectDetail("cannot connect to [::1]:8080: connection refused")
                == "cannot connect to [::1]:8080 (connection refused)")
        let boring =
            "handshakeFailed(NIOSSL.BoringSSLError.sslError([Error: 268435581 error:1000007d:SSL "
            + "routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED at /x/handshake.cc:320]))"
        #expect(
            GoTomError.plainTLSDetail(boring) == "the server's certificate is not trusted (CERTIFICATE_VERIFY_FAILED)")
        #expect(GoTomError.plainTransportText("TLS failed: " + boring).hasPrefix("TLS handshake failed: the server's"))
        #expect(
            GoTomError.plainTransportText("timed out: no complete response in time")
                == "timed out: no complete response in time")
    }

    static let customer: JSONValue = .object([
        "firm": .string("Muster AG"),
        "mainAddress": .object(["externalCrmId": .string("A1"), "place": .null]),
        "tags": .array([.object(["externalCrmId": .string("T1")]), .object(["externalCrmId": .string("T2")])]),
        "codes": .array([.number(1), .number(2)]),
    ])

    @Test("--fields: cells join array values with ';', projections keep the structure")
    func fieldCellsAndProjection() throws {
        #expect(FieldSelection.cell(Self.customer, path: "tags.externalCrmId") == "T1;T2")
        #expect(FieldSelection.cell(Self.customer, path: "codes") == "1;2")
        #expect(FieldSelection.cell(Self.customer, path: "mainAddress.place") == "")
        #expect(FieldSelection.cell(Self.customer, path: "firm") == "Muster AG")
        let selection = try #require(try FieldSelection.parse("firm, tags.externalCrmId"))
        #expect(selection.paths == ["firm", "tags.externalCrmId"])
        #expect(
            selection.project(Self.customer)
                == .object([
                    "firm": .string("Muster AG"),
                    "tags": .array([
                        .object(["externalCrmId": .string("T1")]), .object(["externalCrmId": .string("T2")]),
                    ]),
                ]))
    }

    @Test("--fields: unknown names are refused with the known ones; unset levels are accepted")
    func fieldValidation() throws {
        let good = try #require(try FieldSelection.parse("firm,mainAddress.place,mainAddress.place.deeper,note"))
        try good.validate([Self.customer], declared: ["note"])
        let typo = try #require(try FieldSelection.parse("frim"))
        #expect(throws: CLIError.self) { try typo.validate([Self.customer], declared: []) }
        do {
            try typo.validate([Self.customer], declared: [])
        } catch let error as CLIError {
            #expect(error.exitCode == .usage)
            #expect(error.message.contains("known fields: codes, firm, mainAddress, tags"), "\(error.message)")
        }
        #expect(throws: CLIError.self) { try FieldSelection.parse("a,,b") }
        #expect(throws: CLIError.self) { try FieldSelection.parse("a..b") }
        #expect(try FieldSelection.parse(nil) == nil)
    }
}
