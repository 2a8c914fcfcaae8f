import Foundation
import GoTomModels
import GoTomSandbox
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Primary keys, prices and reports")
struct MasterDataTests {
    @Test("C1: every entity lists its demo rows with pagination")
    func primaryKeys() async throws {
        try await withSandbox { client throws in
            for entity in PrimaryKeyEntity.knownValues {
                let response = try await client.get("/app-api/primary-keys/\(entity.rawValue)")
                #expect(response.status == .ok, "\(entity)")
                let read = try response.decode(PrimaryKeysRead.self)
                #expect(read.items?.isEmpty == false, "\(entity)")
                #expect(read.pagination?.perPage == 1000)
                #expect(read.pagination?.nextPageUrl == nil)
            }
            let users = try await client.get("/app-api/primary-keys/user").decode(PrimaryKeysRead.self)
            #expect(users.items?.allSatisfy { $0.email != nil } == true)
            let servers = try await client.get("/app-api/primary-keys/adServer").decode(PrimaryKeysRead.self)
            #expect(servers.items?.contains { $0.id == "gam" } == true)
            let positions = try await client.get("/app-api/primary-keys/flightPositionType").decode(
                PrimaryKeysRead.self)
            #expect(positions.items?.filter { $0.isDefault == true }.count == 1)
        }
    }

    @Test("C1: an unknown entity answers 422 {error:{msg}} listing the valid ones")
    func unknownEntity() async throws {
        try await withSandbox { client throws in
            let response = try await client.get("/app-api/primary-keys/tarifffff")
            #expect(response.status == .unprocessableContent)
            let message = try #require(try response.decode(InvalidEntityResponse.self).error?.msg)
            #expect(message.hasPrefix("'tarifffff' is not a valid entity."))
            #expect(message.contains("'flightTags'"))
        }
    }

    @Test("C1: more than two pages of 1000, with absolute nextPageUrl from the Host")
    func pagination() async throws {
        var fixtures = SandboxFixtures()
        fixtures.primaryKeys = ["flightTags": (1...2500).map { PrimaryKeyItem(id: .integer($0), name: "Tag \($0)") }]
        try await withSandbox(fixtures: fixtures) { client throws in
            var page = 1
            var seen: [Int] = []
            var uri: String? = "/app-api/primary-keys/flightTags"
            while let next = uri {
                let read = try await client.get(next).decode(PrimaryKeysRead.self)
                let pagination = try #require(read.pagination)
                #expect(pagination.currentPage == page)
                #expect(pagination.totalItems == 2500)
                #expect(pagination.lastPage == 3)
                seen += (read.items ?? []).compactMap(\.id.integerValue)
                if let url = pagination.nextPageUrl {
                    #expect(url == "http://localhost/app-api/primary-keys/flightTags?page=\(page + 1)")
                    uri = String(url.dropFirst("http://localhost".count))
                } else {
                    uri = nil
                }
                page += 1
            }
            #expect(seen == Array(1...2500))
            let past = try await client.get("/app-api/primary-keys/flightTags?page=9").decode(PrimaryKeysRead.self)
            #expect(past.items?.isEmpty == true)
            let invalid = try await client.get("/app-api/primary-keys/flightTags?page=abc")
            #expect(invalid.status == .badRequest)
            #expect(invalid.violations == [Violation(.invalidType, "page")])
        }
    }

    @Test("C25: price rows of a tarif; 404 for an unknown tarif")
    func tarifPrices() async throws {
        try await withSandbox { client throws in
            let list = try await client.get("/app-api/export/price/tarif/1").decode(TarifPriceList.self)
            #expect(list.items.isEmpty == false)
            #expect(list.items.allSatisfy { $0.tarifId == 1 && $0.tarif == "Tarif 2025" })
            #expect(list.pagination.currentPage == 1)
            #expect(try await client.get("/app-api/export/price/tarif/99").status == .notFound)
            #expect(try await client.get("/app-api/export/price/tarif/abc").status == .notFound)
        }
    }

    @Test("G1/G2: saved reports as CSV; wrong-kind ids answer 500 and 404 HTML")
    func reports() async throws {
        try await withSandbox { client throws in
            let graph = try await client.get("/app-api/graph-export/download/46")
            #expect(graph.status == .ok)
            #expect(graph.headers[.contentType] == "text/csv;charset=utf-8")
            #expect(graph.text.hasPrefix("\"Datum\",\"Plattform\""))
            let custom = try await client.get("/app-api/custom-report-export/download/47")
            #expect(custom.status == .ok)
            #expect(custom.text.contains("\"Muster AG\""))
            let customOnGraph = try await client.get("/app-api/graph-export/download/47")
            #expect(customOnGraph.status == .internalServerError)
            #expect(customOnGraph.headers[.contentType] == "text/html; charset=UTF-8")
            let graphOnCustom = try await client.get("/app-api/custom-report-export/download/46")
            #expect(graphOnCustom.status == .notFound)
            #expect(graphOnCustom.headers[.contentType] == "text/html")
            #expect(try await client.get("/app-api/graph-export/download/12345").status == .notFound)
            #expect(try await client.get("/app-api/graph-export/download/x1").status == .notFound)
        }
    }

    @Test("G1: the large generated report is exactly the configured size, deterministic")
    func largeReportRouter() async throws {
        try await withSandbox(largeReportSize: 300_001) { client throws in
            let response = try await client.get("/app-api/graph-export/download/9000")
            #expect(response.status == .ok)
            #expect(response.headers[.contentLength] == "300001")
            #expect(response.body.readableBytes == 300_001)
            let report = LargeReport(id: 9000, size: 300_001)
            let lines = response.text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first.map { String($0) + "\n" } == LargeReport.headerLine)
            #expect(String(lines[1]) + "\n" == report.firstDataLine)
            #expect(String(lines[1000]) + "\n" == LargeReport.dataLine(1000))
            #expect(lines[1000] == #""2025-09-27","Kampagne 000002","Platz 1000","0007919013","04729000""#)
            #expect(String(lines[lines.count - 2]) + "\n" == report.totalLine)
            #expect(lines.count == report.dataRowCount + 3)
        }
    }
}
