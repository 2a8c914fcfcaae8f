import Foundation
import GoTomAuth
import GoTomModels
import GoTomSandbox
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Faults on demand")
struct FaultTests {
    @Test(
        "each status: 429 with Retry-After, 500 with goTom's body, 502 and 503 as nginx pages",
        arguments: [429, 500, 502, 503])
    func statuses(status: Int) async throws {
        try await withConfiguredSandbox({ _ in }) { client, _ throws in
            let rule = #"{"method":"GET","path":"/app-api/campaign/*","status":\#(status),"times":1}"#
            let added = try await client.control(.post, "/faults", json: rule)
            #expect(added.status == .created)
            #expect(added.json["id"]?.intValue != nil)
            let hit = try await client.get("/app-api/campaign/example-campaign")
            #expect(hit.status.code == status)
            if status == 429 { #expect(hit.headers[.retryAfter] == "1") }
            if status == 500 { #expect(hit.text == #"{"message":"Internal Server Error"}"#) }
            if status == 502 || status == 503 { #expect(hit.text.contains("<center>nginx</center>")) }
            // times=1: the next request is the sandbox's own answer again.
            #expect(try await client.get("/app-api/campaign/example-campaign").status == .ok)
            let entries = try await client.journal()
            #expect(entries.first?["verdict"] == "fault")
            #expect(entries.first?["fault"] == .string("status \(status)"))
            #expect(entries.last?["verdict"] == "accepted")
        }
    }

    @Test("N times, method and path matching, probability 0 and 1, removal")
    func counting() async throws {
        try await withConfiguredSandbox({ _ in }) { client, app throws in
            _ = try await client.control(
                .post, "/faults",
                json: #"{"method":"POST","path":"/app-api/campaign/*","status":503,"retryAfter":7,"times":2}"#)
            #expect(try await client.get("/app-api/campaign/12345").status == .ok)  // GET: not matched
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("x")).status == .created)  // no /*
            let first = try await client.post("/app-api/campaign/12345", "{}")
            #expect(first.status == .serviceUnavailable && first.headers[.retryAfter] == "7")
            #expect(try await client.post("/app-api/campaign/12345", "{}").status == .serviceUnavailable)
            #expect(try await client.post("/app-api/campaign/12345", "{}").status == .noContent)
            #expect(app.faults.rules.isEmpty)

            _ = try await client.control(.post, "/faults", json: #"{"path":"*","status":500,"probability":0}"#)
            for _ in 1...20 { #expect(try await client.get("/app-api/customer").status == .ok) }
            let always = try await client.control(
                .post, "/faults", json: #"{"path":"/app-api/customer","status":502,"probability":1}"#)
            for _ in 1...5 { #expect(try await client.get("/app-api/customer").status == .badGateway) }
            let id = try #require(always.json["id"]?.intValue)
            #expect(try await client.control(.delete, "/faults/\(id)").status == .ok)
            #expect(try await client.get("/app-api/customer").status == .ok)
            #expect(try await client.control(.delete, "/faults").json["faults"] == [])
            #expect(try await client.control(.delete, "/faults/999").status == .notFound)
        }
    }

    @Test("a rule the sandbox cannot apply is refused with the reason")
    func invalidRules() async throws {
        try await withConfiguredSandbox({ _ in }) { client, _ throws in
            for rule in [
                #"{"path":"/a","status":404}"#, #"{"path":"/a"}"#, #"{"path":"a","status":500}"#,
                #"{"path":"/a","probability":2,"status":500}"#, #"{"path":"/a","status":500,"drop":"before-head"}"#,
                "not json",
            ] {
                let refused = try await client.control(.post, "/faults", json: rule)
                #expect(refused.status == .badRequest, "\(rule)")
                #expect(refused.json["error"]?.stringValue?.isEmpty == false)
            }
        }
    }

    @Test("added latency delays the answer by at least that much")
    func latency() async throws {
        try await withConfiguredSandbox({ $0.faults = [FaultRule(path: "/app-api/customer", latencyMs: 300)] }) {
            client, _ throws in
            let started = ContinuousClock.now
            #expect(try await client.get("/app-api/customer").status == .ok)
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            let entry = try #require(try await client.journal().first)
            #expect(entry["verdict"] == "fault" && entry["fault"] == "latency 300 ms")
            #expect((entry["durationMs"]?.doubleValue ?? 0) >= 300)
        }
    }

    @Test("dropped connections: nothing before the head; the head but no body after it")
    func drops() async throws {
        var configuration = SandboxConfiguration(
            port: 0, storage: .inMemory, user: testCredentials.user, secret: testCredentials.secret)
        configuration.faults = [
            FaultRule(method: "GET", path: "/app-api/customer", drop: .beforeHead),
            FaultRule(method: "GET", path: "/app-api/campaign/*", drop: .afterHead),
        ]
        let sandbox = try await SandboxServer.start(configuration: configuration)
        do {
            let before = try RawSocket.exchange(
                port: sandbox.port, method: "GET", target: "/app-api/customer", credentials: sandbox.credentials)
            #expect(before.isEmpty, "\(before)")
            let after = try RawSocket.exchange(
                port: sandbox.port, method: "GET", target: "/app-api/campaign/example-campaign",
                credentials: sandbox.credentials)
            #expect(after.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(after)")
            let head = try #require(after.range(of: "\r\n\r\n"))
            let length = try #require(
                after[..<head.lowerBound].split(separator: "\r\n").first {
                    $0.lowercased().hasPrefix("content-length:")
                }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) })
            #expect(length > 0 && after[head.upperBound...].utf8.count < length)
            let verdicts = sandbox.journal.entries().entries.map { "\($0.status) \($0.fault ?? "")" }
            #expect(verdicts == ["0 drop before-head", "200 drop after-head"])
        } catch {
            try await sandbox.stop()
            throw error
        }
        try await sandbox.stop()
    }

    @Test(
        "the --fault form",
        arguments: [
            (
                "POST /app-api/campaign/* status=503 times=2",
                FaultRule(method: "POST", path: "/app-api/campaign/*", status: 503, times: 2)
            ),
            (
                "/app-api/* latency=250ms probability=0.5",
                FaultRule(path: "/app-api/*", latencyMs: 250, probability: 0.5)
            ),
            ("* * status=429 retry-after=3", FaultRule(method: "*", path: "*", status: 429, retryAfter: 3)),
            (
                "GET /app-api/customer drop=after-head",
                FaultRule(method: "GET", path: "/app-api/customer", drop: .afterHead)
            ),
        ])
    func specification(text: String, rule: FaultRule) throws {
        #expect(try FaultRule(specification: text) == rule)
    }

    @Test(
        "--fault forms that are refused",
        arguments: ["", "GET", "/a status=404", "/a speed=3", "/a drop=middle", "/a times=0"])
    func badSpecification(text: String) {
        #expect(throws: SandboxError.invalidConfiguration) { try FaultRule(specification: text) }
    }
}
