import Foundation
import GoTomAuth
import GoTomModels
import GoTomSandbox
import GoTomTestSupport
import Logging
import Testing

@Suite("Live server on 127.0.0.1", .serialized)
struct LiveServerTests {
    @Test("plain HTTP: signed requests, the sandbox clock's Date header, absolute nextPageUrl, one log line each")
    func plainHTTP() async throws {
        let log = LogCollector()
        let skew: Int64 = 600
        let configuration = SandboxConfiguration(
            port: 0, storage: .inMemory, user: testCredentials.user, secret: testCredentials.secret,
            clock: OffsetWallClock(offsetSeconds: skew),
            logger: Logger(label: "test", factory: { _ in log })
        )
        let sandbox = try await SandboxServer.start(configuration: configuration)
        do {
            #expect(sandbox.baseURL == "http://127.0.0.1:\(sandbox.port)")
            var client = LiveClient(baseURL: sandbox.baseURL, credentials: sandbox.credentials)
            client.clock = OffsetWallClock(offsetSeconds: skew)
            let keys = try await client.send("GET", "/app-api/primary-keys/platform")
            #expect(keys.status == 200)
            let served = try #require(keys.header("Date").flatMap(DateHeaderParser.parse))
            #expect(abs(served.seconds - (UnixTime.now().seconds + skew)) < 10)
            #expect(keys.header("Cache-Control") == "no-cache, private")

            #expect(try await client.send("POST", "/app-api/campaign", json: Bodies.campaign("live")).status == 201)
            #expect(try await client.send("GET", "/app-api/campaign/live").status == 200)
            let customers = try await client.send("GET", "/app-api/customer")
            let list = try JSONDecoder().decode(CustomerList.self, from: customers.body)
            #expect(list.pagination.nextPageUrl == nil)

            let unsigned = LiveClient(
                baseURL: sandbox.baseURL, credentials: Credentials(user: "tester", secret: "wrong"))
            let rejected = try await unsigned.send("GET", "/app-api/customer")
            #expect(rejected.status == 401)
            #expect(rejected.text == "\"Signature not valid\"")
        } catch {
            try await sandbox.stop()
            throw error
        }
        try await sandbox.stop()
        let lines = log.lines.filter { $0.level == .info && $0.message.contains("/app-api/") }
        #expect(lines.count == 5)
        #expect(lines.first?.message.hasPrefix("GET /app-api/primary-keys/platform 200 ") == true)
        #expect(lines.first?.message.hasSuffix("user=tester") == true)
        #expect(lines.last?.message.contains(" 401 ") == true)
        #expect(
            lines.allSatisfy { !$0.message.contains(testCredentials.secret) && !$0.message.contains("gotom_app_api") })
    }

    @Test("plain HTTP: a large report streams with the exact length and deterministic first and last lines")
    func largeReportDownload() async throws {
        let size = 20 * 1024 * 1024 + 123
        let configuration = SandboxConfiguration(
            port: 0, storage: .inMemory, user: testCredentials.user, secret: testCredentials.secret,
            largeReportSize: size,
            largeReportId: 4242
        )
        let sandbox = try await SandboxServer.start(configuration: configuration)
        do {
            let client = LiveClient(baseURL: sandbox.baseURL, credentials: sandbox.credentials)
            let response = try await client.send("GET", "/app-api/graph-export/download/4242")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/csv;charset=utf-8")
            #expect(response.body.count == size)
            let report = LargeReport(id: 4242, size: size)
            let firstBreak = try #require(response.body.firstIndex(of: 10))
            #expect(String(decoding: response.body[...firstBreak], as: UTF8.self) == LargeReport.headerLine)
            let beforeLast = try #require(response.body.dropLast().lastIndex(of: 10))
            #expect(String(decoding: response.body[(beforeLast + 1)...], as: UTF8.self) == report.totalLine)
        } catch {
            try await sandbox.stop()
            throw error
        }
        try await sandbox.stop()
    }

    @Test("plain HTTP: a body over the limit answers 413")
    func bodyLimitLive() async throws {
        let configuration = SandboxConfiguration(
            port: 0, storage: .inMemory, user: testCredentials.user, secret: testCredentials.secret,
            maxBodySize: 1024 * 1024
        )
        let sandbox = try await SandboxServer.start(configuration: configuration)
        do {
            let client = LiveClient(baseURL: sandbox.baseURL, credentials: sandbox.credentials)
            let big = "{\"name\":\"" + String(repeating: "x", count: 2 * 1024 * 1024) + "\"}"
            let response = try await client.send("POST", "/app-api/campaign", json: big)
            #expect(response.status == 413)
            #expect(try await client.send("GET", "/app-api/customer").status == 200)
        } catch {
            try await sandbox.stop()
            throw error
        }
        try await sandbox.stop()
    }

    @Test("plain HTTP: a chunked body over the limit answers 413 (sent with curl)", .requires(.tool("curl")))
    func chunkedBodyLimitLive() async throws {
        let curl = try ExternalTool.require("curl")
        let configuration = SandboxConfiguration(
            port: 0, storage: .inMemory, user: testCredentials.user, secret: testCredentials.secret,
            maxBodySize: 1024 * 1024
        )
        let sandbox = try await SandboxServer.start(configuration: configuration)
        do {
            let big = "{\"name\":\"" + String(repeating: "x", count: 2 * 1024 * 1024) + "\"}"
            let uri = "/app-api/campaign"
            let body = Data(big.utf8)
            let signed = RequestSigner(credentials: sandbox.credentials).sign(
                method: "POST", requestURI: uri, bodyDigest: BodyDigest(bytes: body)
            )
            // The body goes through a file: a large write to curl's stdin can be interrupted by signals.
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try body.write(to: URL(fileURLWithPath: directory + "/body.json"))
            var arguments = [
                "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "--data-binary",
                "@" + directory + "/body.json", "-H", "Transfer-Encoding: chunked",
            ]
            for (name, value) in signed.fields { arguments += ["-H", "\(name): \(value)"] }
            arguments.append(sandbox.baseURL + uri)
            let output = try await ExternalTool.run(curl, arguments)
            #expect(output.stdoutText == "413", "\(output.stderrText)")
        } catch {
            try await sandbox.stop()
            throw error
        }
        try await sandbox.stop()
    }

    @Test("concurrent writes are all committed and survive a restart")
    func concurrentWrites() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = SandboxConfiguration(
            port: 0, storage: .directory(directory), user: testCredentials.user, secret: testCredentials.secret
        )
        let first = try await SandboxServer.start(configuration: configuration)
        do {
            let client = LiveClient(baseURL: first.baseURL, credentials: first.credentials)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await client.send("POST", "/app-api/campaign", json: Bodies.campaign("bulk-\(index)"))
                            .status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 201, count: 40))
        } catch {
            try await first.stop()
            throw error
        }
        try await first.stop()
        let second = try await SandboxServer.start(configuration: configuration)
        do {
            let client = LiveClient(baseURL: second.baseURL, credentials: second.credentials)
            var ids: Set<Int> = []
            for index in 0..<40 {
                let read = try await client.send("GET", "/app-api/campaign/bulk-\(index)")
                #expect(read.status == 200)
                if let id = try JSONDecoder().decode(CampaignRead.self, from: read.body).campaignId { ids.insert(id) }
            }
            #expect(ids.count == 40)
        } catch {
            try await second.stop()
            throw error
        }
        try await second.stop()
    }

    @Test("persistence: a campaign and the generated credentials survive a restart")
    func persistenceAcrossRestart() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = SandboxConfiguration(port: 0, storage: .directory(directory))

        let first = try await SandboxServer.start(configuration: configuration)
        let credentials = first.credentials
        #expect(credentials.user == "sandbox")
        let campaignId: Int
        do {
            let client = LiveClient(baseURL: first.baseURL, credentials: credentials)
            #expect(try await client.send("POST", "/app-api/campaign", json: Bodies.campaign("persist")).status == 201)
            #expect(
                try await client.send("POST", "/app-api/campaign/persist/flight", json: Bodies.flight("persist-1"))
                    .status == 201)
            let body = Data("Vertrag".utf8).base64EncodedString()
            #expect(
                try await client.send(
                    "POST", "/app-api/campaign/persist/document", json: #"{"name":"v.pdf","content":"\#(body)"}"#
                ).status == 201)
            let read = try await client.send("GET", "/app-api/campaign/persist")
            campaignId = try #require(try JSONDecoder().decode(CampaignRead.self, from: read.body).campaignId)
        } catch {
            try await first.stop()
            throw error
        }
        try await first.stop()

        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/credentials.json")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(FileManager.default.fileExists(atPath: directory + "/sandbox.sqlite"))

        let second = try await SandboxServer.start(configuration: configuration)
        do {
            #expect(second.credentials == credentials)
            let client = LiveClient(baseURL: second.baseURL, credentials: second.credentials)
            let read = try await client.send("GET", "/app-api/campaign/persist")
            #expect(read.status == 200)
            let campaign = try JSONDecoder().decode(CampaignRead.self, from: read.body)
            #expect(campaign.campaignId == campaignId)
            #expect(campaign.flights?.map(\.externalId) == ["persist-1"])
            #expect(
                try await client.send("POST", "/app-api/campaign", json: Bodies.campaign("persist-2")).status == 201)
            let next = try await client.send("GET", "/app-api/campaign/persist-2")
            #expect(try JSONDecoder().decode(CampaignRead.self, from: next.body).campaignId == campaignId + 1)
        } catch {
            try await second.stop()
            throw error
        }
        try await second.stop()
    }

    @Test(
        "TLS: a local CA is generated once, stored with a private key of mode 0600, and curl trusts it",
        .requires(.tool("curl")))
    func tls() async throws {
        let curl = try ExternalTool.require("curl")
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = SandboxConfiguration(
            port: 0, storage: .directory(directory), tls: true, user: testCredentials.user,
            secret: testCredentials.secret
        )
        let sandbox = try await SandboxServer.start(configuration: configuration)
        let caPath = try #require(sandbox.caCertificatePath)
        let caText: String
        do {
            #expect(sandbox.baseURL.hasPrefix("https://127.0.0.1:"))
            #expect(sandbox.address.setup.clientTrustHints.first == "curl --cacert \(caPath) …")
            caText = try String(contentsOfFile: caPath, encoding: .utf8)
            #expect(caText.hasPrefix("-----BEGIN CERTIFICATE-----"))
            let keyAttributes = try FileManager.default.attributesOfItem(atPath: directory + "/tls/ca-key.pem")
            #expect((keyAttributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

            for host in ["127.0.0.1", "localhost"] {
                let uri = "/app-api/primary-keys/channel"
                let signed = RequestSigner(credentials: sandbox.credentials).sign(method: "GET", requestURI: uri)
                var arguments = ["-sS", "--cacert", caPath, "-w", "\n%{http_code}"]
                for (name, value) in signed.fields { arguments += ["-H", "\(name): \(value)"] }
                arguments.append("https://\(host):\(sandbox.port)\(uri)")
                let output = try await ExternalTool.run(curl, arguments)
                #expect(output.status == 0, "\(output.stderrText)")
                #expect(output.stdoutText.hasSuffix("\n200"), "\(output.stdoutText)")
                #expect(output.stdoutText.contains("\"Desktop\""))
            }
            // The signature covers the path as sent, percent-encoding included; the id is decoded for the lookup.
            let encoded = "/app-api/campaign/a%2Fb"
            let signed = RequestSigner(credentials: sandbox.credentials).sign(method: "GET", requestURI: encoded)
            var arguments = ["-sS", "--cacert", caPath, "-w", "\n%{http_code}"]
            for (name, value) in signed.fields { arguments += ["-H", "\(name): \(value)"] }
            arguments.append("https://127.0.0.1:\(sandbox.port)\(encoded)")
            let notFound = try await ExternalTool.run(curl, arguments)
            #expect(notFound.stdoutText.hasSuffix("\n404"), "\(notFound.stdoutText)")
            #expect(notFound.stdoutText.contains("\"detail\":\"Not Found\""))
            let untrusted = try await ExternalTool.run(
                curl, ["-sS", "https://127.0.0.1:\(sandbox.port)/app-api/customer"])
            #expect(untrusted.status != 0)
        } catch {
            try await sandbox.stop()
            throw error
        }
        try await sandbox.stop()

        let again = try await SandboxServer.start(configuration: configuration)
        #expect(try String(contentsOfFile: try #require(again.caCertificatePath), encoding: .utf8) == caText)
        try await again.stop()
    }

    @Test("in-memory TLS puts the certificates in a temporary directory")
    func inMemoryTLS() async throws {
        let sandbox = try await SandboxServer.start(
            configuration: SandboxConfiguration(port: 0, storage: .inMemory, tls: true)
        )
        let path = try #require(sandbox.caCertificatePath)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(sandbox.credentials.user == "sandbox")
        try await sandbox.stop()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a taken port fails the start with serverFailedToStart")
    func portInUse() async throws {
        let first = try await SandboxServer.start(configuration: SandboxConfiguration(port: 0, storage: .inMemory))
        await #expect(throws: SandboxError.serverFailedToStart) {
            _ = try await SandboxServer.start(configuration: SandboxConfiguration(port: first.port, storage: .inMemory))
        }
        try await first.stop()
    }

    @Test("fixtures that break the rules stop the start with invalidFixtures")
    func invalidFixtures() async throws {
        var fixtures = SandboxFixtures()
        fixtures.campaigns = [
            TestFixtures.campaign("bad", flights: [TestFixtures.flight("bad-1", ["platformId": 999])])
        ]
        let path = try writeFixtures(fixtures)
        defer { try? FileManager.default.removeItem(atPath: path) }
        await #expect(throws: SandboxError.invalidFixtures) {
            _ = try await buildSandbox(configuration: SandboxConfiguration(storage: .inMemory, fixturesPath: path))
        }
        await #expect(throws: SandboxError.invalidFixtures) {
            _ = try await buildSandbox(
                configuration: SandboxConfiguration(storage: .inMemory, fixturesPath: "/nonexistent.json"))
        }
        await #expect(throws: SandboxError.invalidConfiguration) {
            _ = try await buildSandbox(configuration: SandboxConfiguration(port: 70000, storage: .inMemory))
        }
    }
}

/// Collects log lines for assertions.
final class LogCollector: LogHandler, @unchecked Sendable {
    struct Line: Sendable {
        var level: Logger.Level
        var message: String
    }

    private let lock = NSLock()
    private var collected: [Line] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var lines: [Line] { lock.withLock { collected } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.withLock { collected.append(Line(level: event.level, message: event.message.description)) }
    }
}
