import GoTomAPI
import GoTomModels
import Testing

@Suite("Primary keys and prices against the sandbox")
struct MasterDataTests {
    @Test("primaryKeys and prices, each with an error path")
    func masterData() async throws {
        try await withSandbox { harness in
            let client = harness.client
            let servers = try await client.primaryKeys(.adServer)
            #expect(servers.items?.map(\.id) == ["gam", "none", "xandr1"])
            #expect(servers.pagination?.perPage == 1000)
            let unknown = try await expectGoTomError { () async throws in
                try await client.primaryKeys(PrimaryKeyEntity(rawValue: "bogus"))
            }
            #expect(unknown == .rejected)
            #expect(unknown.status == 422)
            #expect(unknown.serverMessage?.contains("is not a valid entity") == true)

            let prices = try await client.prices(tarifId: 1)
            #expect(prices.items.count == 7)
            #expect(prices.items.allSatisfy { $0.tarifId == 1 })
            let noTarif = try await expectGoTomError { () async throws in
                try await client.prices(tarifId: 999)
            }
            #expect(noTarif == .notFound)
        }
    }
}
