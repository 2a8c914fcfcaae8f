import Foundation
import GoTomAuth
import GoTomModels
import GoTomSandbox
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Users limited to API groups")
struct UserGroupTests {
    static let users = [
        SandboxUser(name: "campaign_user", secret: "campaign-secret-1"),
        SandboxUser(name: "crm_sync_import", secret: "crm-secret-2", groups: [.crmSync]),
        SandboxUser(name: "report_export", secret: "report-secret-3", groups: [.graphReport]),
    ]

    /// One operation of each group.
    static let probes: [(APIGroup, String)] = [
        (.campaign, "/app-api/campaign/example-campaign"), (.crmSync, "/app-api/customer/example-customer1234"),
        (.graphReport, "/app-api/graph-export/download/46"),
    ]

    @Test("each user reaches its groups; elsewhere Symfony's 403 problem document, journaled as forbidden")
    func access() async throws {
        try await withConfiguredSandbox({ $0.users = Self.users }) { client, _ throws in
            for user in Self.users {
                var signed = client
                signed.credentials = user.credentials
                for (group, path) in Self.probes {
                    let response = try await signed.get(path)
                    if user.groups?.contains(group) ?? true {
                        #expect(response.status == .ok, "\(user.name) \(path)")
                    } else {
                        #expect(response.status == .forbidden, "\(user.name) \(path)")
                        #expect(response.headers[.contentType] == "application/json")
                        #expect(response.headers[.vary] == "Accept")
                        #expect(
                            response.json == [
                                "type": "https://tools.ietf.org/html/rfc2616#section-10", "title": "An error occurred",
                                "status": 403, "detail": "Forbidden",
                            ])
                    }
                }
            }
            // Unknown paths are 404 for everyone, before any access check (routing comes first).
            var crm = client
            crm.credentials = Self.users[1].credentials
            #expect(try await crm.get("/app-api/campaign/example-campaign/nope").status == .notFound)
            // The single test user of withConfiguredSandbox is replaced by the three users.
            #expect(try await client.get("/app-api/customer").status == .unauthorized)
            let forbidden = try await client.journal().filter { $0["verdict"] == "forbidden" }
            #expect(forbidden.count == 4)
            #expect(forbidden.first?["check"]?.stringValue?.contains("campaign") == true)
            #expect(!(try await client.control(.get, "/requests")).text.contains("secret-"))
        }
    }

    @Test(
        "--user NAME:SECRET[:GROUP,…]",
        arguments: [
            ("a:s", SandboxUser(name: "a", secret: "s")),
            ("crm_sync_import:abc:crm-sync", SandboxUser(name: "crm_sync_import", secret: "abc", groups: [.crmSync])),
            ("r:x:y:report,customer", SandboxUser(name: "r", secret: "x:y", groups: [.graphReport, .crmSync])),
            ("c:with:colon", SandboxUser(name: "c", secret: "with:colon")),
        ])
    func specification(text: String, user: SandboxUser) throws {
        #expect(try SandboxUser(specification: text) == user)
    }

    @Test("printing a user never shows its secret")
    func redacted() {
        let user = SandboxUser(name: "crm", secret: "hidden-secret-1", groups: [.crmSync])
        #expect(user.description == "crm (crm-sync; secret hidden)")
        for text in [
            "\(user)", String(reflecting: user), String(describing: [user]),
            "\(Mirror(reflecting: user).children.map(\.value))",
        ] {
            #expect(!text.contains("hidden-secret-1"), "\(text)")
        }
    }

    @Test("a user without a name or secret is refused, and the message never holds the secret")
    func badSpecification() {
        for text in ["nocolon", ":secret", "name:", "name::campaign"] {
            let error = #expect(throws: SandboxError.self) { try SandboxUser(specification: text) }
            #expect(error?.detail.contains("secret-value") == false)
        }
    }

    @Test("users file: names, secrets and groups; unknown groups refused")
    func usersFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/users.json"
        try Data(#"[{"name":"a","secret":"s1"},{"name":"b","secret":"s2","groups":["crm-sync","graph-report"]}]"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect(
            try SandboxUsersFile.load(path: path) == [
                SandboxUser(name: "a", secret: "s1"),
                SandboxUser(name: "b", secret: "s2", groups: [.crmSync, .graphReport]),
            ])
        try Data(#"[{"name":"a","secret":"s1","groups":["billing"]}]"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SandboxError.invalidConfiguration) { try SandboxUsersFile.load(path: path) }
    }
}
