import Foundation
import GoTomAuth
import GoTomTestSupport
import Testing

/// Runs goTom's published Node and Bash example clients, captures the request each would send, and checks that
/// GoTomAuth's signer produces the same signature and its verifier accepts the request.
///
/// The clients' network calls are intercepted at the last step (Node's `https.request`, Bash's `curl`), so the
/// captured headers are exactly what the unmodified scripts compute.
@Suite("Seed client vectors")
struct SeedClientVectorTests {
    static let secret = "seed-test-secret"
    static let user = "theusernameyoureceived"

    struct Captured: Sendable {
        var method: String
        var requestURI: String
        var authorization: String
        var contentType: String
        var date: String
        var body: String
    }

    static let cases: [(method: String, url: String, body: String)] = [
        ("GET", "https://demo.gotom.io/app-api/campaign/26106", ""),
        (
            "POST", "https://demo.gotom.io/app-api/campaign/12345?update_commissions=0",
            "{\"name\": \"new campaign name\", \"status\": \"booking\", \"bookingDate\": \"2021-06-23\"}"
        ),
        (
            "post", "https://demo.gotom.io/app-api/campaign/a%20b+c%25d/flight/f%C3%BC?x=1&y=a+b",
            "{\"note\":\"Grüezi\"}"
        ),
        ("DELETE", "https://demo.gotom.io/app-api/campaign/1/flight/2", ""),
    ]

    static func workDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gotom-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try SeedClients.load().write(to: directory)
        return directory
    }

    static func check(_ captured: Captured, expectedBody: String) throws {
        #expect(captured.body == expectedBody)
        let date = try #require(
            DateHeaderParser.parse(captured.date), "client sent an unreadable Date: \(captured.date)")
        let verifier = RequestVerifier(clock: FixedWallClock(date))
        let request = IncomingRequest(
            method: captured.method, requestURI: captured.requestURI, authorization: captured.authorization,
            date: captured.date, contentType: captured.contentType, bodyDigest: BodyDigest(utf8: captured.body)
        )
        let verified = try verifier.verify(request) { $0 == user ? secret : nil }
        #expect(verified.user == user)
        let ours = RequestSigner(credentials: Credentials(user: user, secret: secret)).sign(
            method: captured.method, requestURI: captured.requestURI, contentType: captured.contentType,
            bodyDigest: BodyDigest(utf8: captured.body), date: captured.date
        )
        #expect(ours.authorization.value == captured.authorization)
    }

    @Test("Node client (callapi.js)", .requires(.tool("node"), .seedPage), arguments: cases.indices)
    func node(_ index: Int) async throws {
        let node = try ExternalTool.require("node")
        try Prerequisite.seedPage.require()
        let directory = try Self.workDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Replaces https.request with a recorder that prints what would be sent and exits.
        let interceptor = """
            const https = require('https');
            https.request = (url, options, callback) => {
              const chunks = [];
              return {
                on() { return this; },
                write(chunk) { chunks.push(Buffer.from(chunk)); },
                end() {
                  const u = new URL(url);
                  process.stdout.write(JSON.stringify({ method: options.method, uri: u.pathname + u.search,
                    headers: options.headers, body: Buffer.concat(chunks).toString('utf8') }));
                  process.exit(0);
                },
              };
            };
            """
        try interceptor.write(to: directory.appendingPathComponent("intercept.js"), atomically: true, encoding: .utf8)
        let testCase = Self.cases[index]
        let arguments = ["-r", "./intercept.js", "callapi.js", testCase.method, testCase.url, Self.user, Self.secret]
        let isGET = testCase.method.uppercased() == "GET"
        let output: ExternalTool.Output
        if isGET || testCase.body.isEmpty {
            output = try await ExternalTool.run(node, arguments, stdin: isGET ? nil : Data(), directory: directory)
        } else {
            let (last, runs) = try await SeedClients.runNode(
                node, arguments, stdin: Data(testCase.body.utf8), directory: directory
            ) { !$0.stdoutText.contains(#""body":"""#) }
            if runs > 1 { print(SeedClients.rerunNote(runs)) }
            output = last
        }
        #expect(output.status == 0, "\(output.stderrText)")
        let json = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
        let headers = try #require(json["headers"] as? [String: String])
        let captured = Captured(
            method: try #require(json["method"] as? String), requestURI: try #require(json["uri"] as? String),
            authorization: try #require(headers["Authorization"]), contentType: try #require(headers["Content-Type"]),
            date: try #require(headers["Date"]), body: try #require(json["body"] as? String)
        )
        #expect(captured.date.hasSuffix("Z") && !captured.date.contains("."))
        try Self.check(captured, expectedBody: testCase.method.uppercased() == "GET" ? "" : testCase.body)
    }

    @Test(
        "Bash client (callapiendpoint.sh)", .requires(.tool("bash"), .tool("openssl"), .tool("md5sum"), .seedPage),
        arguments: cases.indices)
    func bash(_ index: Int) async throws {
        let bash = try ExternalTool.require("bash")
        try Prerequisites.require([.tool("openssl"), .tool("md5sum"), .seedPage])
        let directory = try Self.workDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A stand-in curl that prints its arguments, one per line, instead of connecting. It is a shell function
        // loaded through BASH_ENV rather than an executable file: executing a file written a moment ago can fail
        // with "text file busy" while other tests spawn processes.
        let stub = directory.appendingPathComponent("curl-stub.sh")
        try "curl() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }\n".write(
            to: stub, atomically: true, encoding: .utf8)
        let testCase = Self.cases[index]
        let output = try await ExternalTool.run(
            bash, ["callapiendpoint.sh", testCase.method, testCase.url, Self.user, Self.secret],
            stdin: Data(testCase.body.utf8), environment: ["BASH_ENV": stub.path], directory: directory
        )
        #expect(output.status == 0, "\(output.stderrText)")
        let arguments = output.stdoutText.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
        func value(after flag: String, prefix: String = "") -> String? {
            var index = arguments.startIndex
            while index < arguments.endIndex - 1 {
                if arguments[index] == flag, arguments[index + 1].hasPrefix(prefix) {
                    return String(arguments[index + 1].dropFirst(prefix.count))
                }
                index += 1
            }
            return nil
        }
        let url = try #require(arguments.first { $0.hasPrefix("https://") })
        let captured = Captured(
            method: try #require(value(after: "-X")),
            requestURI: String(url.dropFirst("https://demo.gotom.io".count)),
            authorization: try #require(value(after: "--header", prefix: "Authorization: ")),
            contentType: try #require(value(after: "--header", prefix: "Content-Type: ")),
            date: try #require(value(after: "--header", prefix: "Date: ")),
            body: try #require(value(after: "-d"))
        )
        #expect(
            captured.date.contains("T") && (captured.date.contains("+") || captured.date.dropFirst(10).contains("-")))
        try Self.check(captured, expectedBody: testCase.body)
    }
}
