import GoTomAPI
import GoTomAuth
import GoTomModels
import GoTomTesting
import Testing

@Suite("Client configuration")
struct GoTomClientTests {
    static let credentials = Credentials(user: "config-tester", secret: "config-secret")

    @Test(
        "base URLs must be http(s) origins",
        arguments: ["ftp://demo.gotom.io", "https://demo.gotom.io/app-api", "demo"])
    func invalidBaseURL(_ baseURL: String) async throws {
        let error = try await expectGoTomError { () async throws in
            try GoTomClient(baseURL: baseURL, credentials: Self.credentials)
        }
        #expect(error == .invalidRequest)
        #expect(error.detail?.isEmpty == false)
    }

    @Test("an unreadable CA file is reported before any request")
    func missingCA() async throws {
        let error = try await expectGoTomError { () async throws in
            try GoTomClient(
                configuration: .init(
                    baseURL: "https://127.0.0.1:1", credentials: Self.credentials,
                    additionalCACertificatePath: "/nonexistent/ca.pem"))
        }
        #expect(error == .invalidRequest)
        #expect(error.detail?.contains("/nonexistent/ca.pem") == true)
    }

    @Test("group credentials fall back to the default ones; copies share one pool and one clock offset")
    func groupsAndCopies() async throws {
        let crm = Credentials(user: "crm_sync_import", secret: "crm")
        let client = try GoTomClient(
            configuration: .init(
                baseURL: "https://demo.gotom.io", credentials: Self.credentials, groupCredentials: [.customer: crm]))
        let copy = client
        #expect(copy.credentials(for: .customer) == crm)
        #expect(copy.credentials(for: .campaign) == Self.credentials)
        #expect(copy.credentials(for: .report) == Self.credentials)
        #expect(client.server == ServerAddress(scheme: "https", host: "demo.gotom.io"))
        #expect(await copy.clockOffsetSeconds() == 0)
        try await copy.shutdown()
    }

    @Test("every request, a retry included, says GoTomKit/<version> in User-Agent")
    func userAgent() async throws {
        let busy = FaultServer.Reply(status: 503, headers: [("Retry-After", "0")], body: "busy")
        let body = #"{"items":[{"id":1,"name":"NZZ.ch"}]}"#
        try await RetryTests.withServer([.reply(busy)], fallback: .reply(.init(status: 200, body: body))) {
            server, setup in
            _ = try await setup.client.primaryKeys(.platform)
            #expect(server.received.count == 2)
            let expected = "GoTomKit/\(GoTomKitVersion.version)"
            #expect(server.received.map { $0.header("User-Agent") } == [expected, expected])
        }
    }
}
