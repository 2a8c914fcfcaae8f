import Foundation
import GoTomAuth
import GoTomModels
import GoTomSandbox
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Control plane under /_sandbox/")
struct ControlPlaneTests {
    @Test("health: ready, the GoTomKit version, the uptime; unsigned")
    func health() async throws {
        try await withConfiguredSandbox({ _ in }) { client, _ throws in
            let health = try await client.control(.get, "/health")
            #expect(health.status == .ok)
            #expect(health.json["ready"] == true)
            #expect(health.json["version"]?.stringValue == GoTomKitVersion.version)
            let uptime = try #require(health.json["uptimeSeconds"]?.doubleValue)
            #expect(uptime >= 0 && uptime < 600)
            #expect(try await client.control(.get, "/nope").status == .notFound)
            #expect(try await client.control(.put, "/health").status == .methodNotAllowed)
            // goTom's paths stay goTom's: unsigned, they are still refused.
            #expect(try await client.raw(.get, "/app-api/customer", headers: [:]).status == .unauthorized)
        }
    }

    @Test("requests: accepted and rejected entries with verdict, user and, for a bad signature, the six parts")
    func journal() async throws {
        try await withConfiguredSandbox({ _ in }) { client, _ throws in
            #expect(try await client.get("/app-api/primary-keys/platform").status == .ok)
            var wrong = client
            wrong.credentials = Credentials(user: testCredentials.user, secret: "not-the-secret")
            let body = #"{"note":"x"}"#
            #expect(
                try await wrong.send(.post, "/app-api/campaign/12345?update_commissions=0", json: body).status
                    == .unauthorized)
            #expect(try await client.raw(.get, "/app-api/customer", headers: [:]).status == .unauthorized)

            let page = try await client.control(.get, "/requests")
            #expect(page.status == .ok)
            #expect(!page.text.contains(testCredentials.secret) && !page.text.contains("not-the-secret"))
            let entries = try #require(page.json["entries"]?.arrayValue)
            #expect(entries.count == 3)
            #expect(entries.compactMap { $0["id"]?.intValue } == [1, 2, 3])
            #expect(page.json["lastId"] == 3)
            let accepted = entries[0]
            #expect(accepted["method"] == "GET" && accepted["target"] == "/app-api/primary-keys/platform")
            #expect(accepted["status"] == 200 && accepted["verdict"] == "accepted" && accepted["user"] == "tester")
            #expect(accepted["durationMs"]?.doubleValue != nil && accepted["time"]?.intValue != nil)
            #expect(accepted["canonical"] == nil && accepted["body"] == nil)

            let rejected = entries[1]
            #expect(rejected["verdict"] == "rejected" && rejected["status"] == 401 && rejected["user"] == "tester")
            #expect(rejected["check"] == "Signature not valid")
            let parts = try #require(rejected["canonical"])
            #expect(parts["method"] == "POST")
            #expect(parts["bodyMD5"]?.stringValue == BodyDigest(utf8: body).hex)
            #expect(parts["contentType"] == "application/json")
            #expect(parts["date"]?.stringValue?.isEmpty == false)
            #expect(parts["customHeaders"] == "")
            #expect(parts["uri"] == "/app-api/campaign/12345?update_commissions=0")
            let message = CanonicalMessage(
                method: "POST", bodyDigest: BodyDigest(utf8: body), contentType: "application/json",
                date: parts["date"]?.stringValue ?? "", requestURI: "/app-api/campaign/12345?update_commissions=0")
            #expect(parts["stringToSign"]?.stringValue == message.stringToSign)

            #expect(entries[2]["check"] == "Authorization header required" && entries[2]["canonical"] == nil)
            #expect(entries[2]["user"] == nil)

            let later = try await client.journal(since: 2)
            #expect(later.compactMap { $0["id"]?.intValue } == [3])
            // Control-plane requests are not journaled.
            #expect(try await client.journal().count == 3)
        }
    }

    @Test("the journal is a bounded ring (size 0: off), and keeps bodies only when asked to")
    func ring() async throws {
        try await withConfiguredSandbox({ $0.journalCapacity = 3 }) { client, _ throws in
            for _ in 1...5 { _ = try await client.get("/app-api/customer") }
            let entries = try await client.journal()
            #expect(entries.compactMap { $0["id"]?.intValue } == [3, 4, 5])
            #expect(try await client.control(.get, "/requests").json["capacity"] == 3)
        }
        try await withConfiguredSandbox({ $0.journalCapacity = 0 }) { client, _ throws in
            #expect(try await client.get("/app-api/customer").status == .ok)
            #expect(try await client.journal().isEmpty)
        }
        try await withConfiguredSandbox({ $0.journalBodyLimit = 8 }) { client, _ throws in
            _ = try await client.post("/app-api/campaign/12345", #"{"note":"kept in part"}"#)
            #expect(try await client.journal().first?["body"] == #"{"note":"#)
        }
    }

    @Test("reset: back to the start-up data, the journal emptied, start-up faults restored")
    func reset() async throws {
        let startup = FaultRule(method: "GET", path: "/app-api/never/*", status: 503)
        try await withConfiguredSandbox({ $0.faults = [startup] }) { client, app throws in
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("made-here")).status == .created)
            #expect(try await client.post("/app-api/campaign/12345", #"{"note":"changed"}"#).status == .noContent)
            _ = try await client.control(.post, "/faults", json: #"{"path":"/app-api/other","status":500}"#)
            #expect(app.faults.rules.count == 2)

            let reset = try await client.control(.post, "/reset")
            #expect(reset.status == .ok)
            #expect(reset.json["reset"] == true)
            #expect(try await client.get("/app-api/campaign/made-here").status == .notFound)
            #expect(try await client.get("/app-api/campaign/12345").json["note"] != "changed")
            #expect(try await client.get("/app-api/campaign/example-campaign").status == .ok)
            #expect(app.faults.rules.map(\.path) == ["/app-api/never/*"])
            // The three requests after the reset are the only ones left.
            #expect(try await client.journal().count == 3)
            // Ids go on increasing across the reset (two requests came before it).
            #expect(try await client.journal().first?["id"] == 3)
            // Counters start again: the next campaign gets the same id as the first one made after start-up.
            #expect(try await client.control(.get, "/state").json["campaigns"]?.arrayValue?.count == 2)
        }
    }

    @Test("reset of a --data-dir sandbox rewrites the database: a restart finds the start-up data")
    func resetOnDisk() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = SandboxConfiguration(
            port: 0, storage: .directory(directory), user: testCredentials.user, secret: testCredentials.secret)
        let first = try await SandboxServer.start(configuration: configuration)
        do {
            let client = LiveClient(baseURL: first.baseURL, credentials: first.credentials)
            #expect(try await client.send("POST", "/app-api/campaign", json: Bodies.campaign("before")).status == 201)
            let document = #"{"name":"a.pdf","content":"SGVsbG8="}"#
            #expect(try await client.send("POST", "/app-api/campaign/before/document", json: document).status == 201)
            #expect(try await Control(baseURL: first.baseURL).send("POST", "/reset").status == 200)
            #expect(try await client.send("POST", "/app-api/campaign", json: Bodies.campaign("after")).status == 201)
        } catch {
            try await first.stop()
            throw error
        }
        try await first.stop()
        let second = try await SandboxServer.start(configuration: configuration)
        do {
            let client = LiveClient(baseURL: second.baseURL, credentials: second.credentials)
            #expect(try await client.send("GET", "/app-api/campaign/before").status == 404)
            #expect(try await client.send("GET", "/app-api/campaign/after").status == 200)
            #expect(try await client.send("GET", "/app-api/campaign/example-campaign").status == 200)
        } catch {
            try await second.stop()
            throw error
        }
        try await second.stop()
    }

    @Test("state: campaigns with flights and discounts, customers")
    func state() async throws {
        try await withConfiguredSandbox({ _ in }) { client, _ throws in
            let state = try await client.control(.get, "/state").json
            let campaigns = try #require(state["campaigns"]?.arrayValue)
            let example = try #require(campaigns.first { $0["externalId"] == "example-campaign" })
            #expect(example["flights"]?.arrayValue?.first?["externalId"] == "example-flight")
            let discount = example["discounts"]?.arrayValue?.first
            #expect(discount?["externalId"] == "campaignDiscountExternalId1234")
            #expect(
                discount?["flightDiscounts"]?.arrayValue?.first?["externalId"] == "flightDiscountExternalId1234")
            let customers = try #require(state["customers"]?.arrayValue)
            #expect(customers.contains { $0["externalCrmId"] == "example-customer1234" })
        }
    }

    @Test("the console's three files are served, with no external resources")
    func console() async throws {
        try await withConfiguredSandbox({ $0.controlToken = "console-token-1" }) { client, _ throws in
            for (path, type) in [("/", "text/html"), ("/console.js", "text/javascript"), ("/console.css", "text/css")] {
                let file = try await client.control(.get, path)
                #expect(file.status == .ok, "\(path)")
                #expect(file.headers[.contentType]?.hasPrefix(type) == true)
                #expect(
                    !file.text.contains("http://") && !file.text.contains("https://"), "\(path) loads from elsewhere")
            }
        }
    }
}

@Suite("Control plane token rule")
struct ControlTokenTests {
    @Test("on a non-loopback address without a token the sandbox refuses to start, naming the fix")
    func nonLoopbackNeedsToken() async throws {
        for host in ["0.0.0.0", "192.0.2.10", "::"] {
            let configuration = SandboxConfiguration(host: host, port: 0, storage: .inMemory)
            let error = try await #require(throws: SandboxError.self) {
                _ = try await buildSandbox(configuration: configuration)
            }
            #expect(error == .invalidConfiguration)
            #expect(error.detail.contains("--control-token") && error.detail.contains("--no-control-plane"))
        }
        for host in ["127.0.0.1", "::1", "localhost"] {
            _ = try await buildSandbox(configuration: SandboxConfiguration(host: host, port: 0, storage: .inMemory))
        }
        var withToken = SandboxConfiguration(host: "0.0.0.0", port: 0, storage: .inMemory)
        withToken.controlToken = "a-long-enough-token"
        _ = try await buildSandbox(configuration: withToken)
        var off = SandboxConfiguration(host: "0.0.0.0", port: 0, storage: .inMemory)
        off.controlPlane = false
        _ = try await buildSandbox(configuration: off)
    }

    @Test("with a token, every JSON endpoint needs it as a bearer token; the token never shows")
    func bearer() async throws {
        let token = "t0ken-for-the-control-plane"
        try await withConfiguredSandbox({ $0.controlToken = token }) { client, _ throws in
            for (method, path) in [
                (HTTPRequest.Method.get, "/health"), (.get, "/requests"), (.post, "/reset"),
                (.get, "/faults"), (.get, "/state"),
            ] {
                let refused = try await client.control(method, path)
                #expect(refused.status == .unauthorized, "\(path)")
                #expect(refused.headers[.wwwAuthenticate] == "Bearer")
                #expect(!refused.text.contains(token))
                #expect(try await client.control(method, path, token: "wrong-token-value").status == .unauthorized)
                #expect(try await client.control(method, path, token: token).status == .ok, "\(path)")
            }
        }
    }

    @Test("with the control plane off, /_sandbox/ paths are goTom's: signed requests get 404")
    func off() async throws {
        try await withConfiguredSandbox({ $0.controlPlane = false }) { client, _ throws in
            #expect(try await client.control(.get, "/health").status == .unauthorized)
            #expect(try await client.get("/_sandbox/health").status == .notFound)
        }
    }
}

/// Unsigned requests to a live sandbox's control plane.
struct Control: Sendable {
    let baseURL: String
    var token: String?

    func send(_ method: String, _ path: String, json: String? = nil) async throws -> LiveClient.Reply {
        var request = URLRequest(url: URL(string: baseURL + "/_sandbox" + path)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return LiveClient.Reply(status: http.statusCode, headers: [:], body: data)
    }
}
