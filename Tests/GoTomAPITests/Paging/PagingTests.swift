import GoTomAPI
import GoTomModels
import GoTomSandbox
import Testing

@Suite("Pagination following nextPageUrl")
struct PagingTests {
    static var fixtures: SandboxFixtures {
        var fixtures = SandboxFixtures()
        var settings = SandboxFixtures.Settings()
        settings.customerPageSize = 7
        settings.primaryKeyPageSize = 2
        settings.pricePageSize = 3
        fixtures.settings = settings
        fixtures.customers = (1...20).map(Models.fixtureCustomer)
        return fixtures
    }

    @Test("all customers over four pages; page size and total count exposed; each nextPageUrl signed as given")
    func customers() async throws {
        try await withSandbox(fixtures: Self.fixtures) { harness in
            var pages: [Page<CustomerRead>] = []
            for try await page in harness.client.customers.all() { pages.append(page) }
            #expect(pages.count == 4)
            #expect(pages.map(\.number) == [1, 2, 3, 4])
            // 20 fixture customers and the 5 demo customers (goTom's example customer among them).
            #expect(pages.allSatisfy { $0.perPage == 7 && $0.totalItems == 25 && $0.lastPage == 4 })
            #expect(pages.last?.nextPageURL == nil)
            let ids = pages.flatMap(\.items).compactMap(\.externalCrmId)
            #expect(ids.count == 25)
            #expect(Set(ids).count == 25)
            #expect(ids.contains("SEED-20"))

            var iterator = harness.client.customers.all().items.makeAsyncIterator()
            #expect(iterator.pagination == nil)
            let first = try await iterator.next()
            #expect(first != nil)
            #expect(iterator.pagination?.totalItems == 25)
            #expect(iterator.pagination?.perPage == 7)
            var count = 1
            while try await iterator.next() != nil { count += 1 }
            #expect(count == 25)

            let requested = harness.sandboxLog.records.map(\.message).filter { $0.hasPrefix("GET /app-api/customer") }
            #expect(
                requested.prefix(4).map { $0.split(separator: " ")[1] } == [
                    "/app-api/customer", "/app-api/customer?page=2", "/app-api/customer?page=3",
                    "/app-api/customer?page=4",
                ])
            #expect(requested.allSatisfy { $0.contains(" 200 ") })
        }
    }

    @Test("all primary keys and prices over more than two pages")
    func primaryKeysAndPrices() async throws {
        try await withSandbox(fixtures: Self.fixtures) { harness in
            var platforms: [PrimaryKeyItem] = []
            for try await platform in harness.client.allPrimaryKeys(.platform).items { platforms.append(platform) }
            #expect(platforms.map(\.id) == [1, 2, 3, 4, 5, 9])
            var pageCount = 0
            for try await page in harness.client.allPrimaryKeys(.platform) {
                pageCount += 1
                #expect(page.perPage == 2)
                #expect(page.totalItems == 6)
            }
            #expect(pageCount == 3)
            let second = try await harness.client.primaryKeys(.platform, page: 2)
            #expect(second.items?.map(\.id) == [3, 4])

            var prices: [TarifPriceItem] = []
            for try await row in harness.client.allPrices(tarifId: 1).items { prices.append(row) }
            #expect(prices.count == 7)
            #expect(try await harness.client.prices(tarifId: 1, page: 3).items.count == 1)
        }
    }
}
