import Foundation
import GoTomAuth
import GoTomTestSupport
import Testing

@Suite("gotom request against a verifying loopback server")
struct RequestCommandTests {
    @Test("GET prints status line, headers, blank line and body; exit 0")
    func get() async throws {
        try await withEchoServer { server, cli in
            let output = try await cli.run(["request", "GET", server.baseURL + "/app-api/campaign/26106"])
            #expect(output.status == 0, "\(output.stderrText)")
            let parts = CLIHarness.split(output.stdoutText)
            #expect(parts.statusLine == "HTTP/1.1 200 OK")
            #expect(parts.headers.contains("content-type: application/json"))
            let echo = try CLIHarness.echo(from: output.stdoutText)
            #expect(echo.method == "GET")
            #expect(echo.uri == "/app-api/campaign/26106")
            #expect(echo.user == CLIHarness.user)
            #expect(echo.bodyLength == 0)
            #expect(echo.contentType == "application/json")
            #expect(DateHeaderParser.parse(echo.date) != nil && echo.date.hasSuffix("Z"))
        }
    }

    @Test("POST reads the body from stdin, as the example scripts do")
    func postStdin() async throws {
        try await withEchoServer { server, cli in
            let body = #"{"name": "new campaign name", "status": "booking", "note": "Grüezi"}"# + "\n"
            let output = try await cli.run(
                ["request", "POST", server.baseURL + "/app-api/campaign/12345"], stdin: Data(body.utf8))
            #expect(output.status == 0, "\(output.stderrText)")
            let echo = try CLIHarness.echo(from: output.stdoutText)
            #expect(echo.method == "POST")
            #expect(echo.body == body)
            #expect(echo.bodyMD5 == BodyDigest(utf8: body).hex)
        }
    }

    @Test("--data @FILE streams a file body; --data TEXT sends text")
    func dataFile() async throws {
        try await withEchoServer { server, cli in
            let file = cli.home.appendingPathComponent("upload.bin")
            var bytes = [UInt8](repeating: 0, count: 3 * 1024 * 1024 + 17)
            for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 7) }
            try Data(bytes).write(to: file)
            let output = try await cli.run([
                "request", "POST", server.baseURL + "/app-api/campaign/1/document",
                "--data", "@" + file.path, "--content-type", "application/octet-stream",
            ])
            #expect(output.status == 0, "\(output.stderrText)")
            let echo = try CLIHarness.echo(from: output.stdoutText)
            #expect(echo.bodyLength == bytes.count)
            #expect(echo.bodyMD5 == BodyDigest(bytes: bytes).hex)
            #expect(echo.contentType == "application/octet-stream")

            let text = try await cli.run([
                "request", "PATCH", server.baseURL + "/app-api/campaign/1/campaign-discount/d1",
                "--data", #"{"name":"Rabatt"}"#,
            ])
            #expect(try CLIHarness.echo(from: text.stdoutText).body == #"{"name":"Rabatt"}"#)

            let missing = try await cli.run(["request", "POST", server.baseURL + "/x", "--data", "@/no/such/file"])
            #expect(missing.status == 1)
            #expect(missing.stderrText.contains("cannot read /no/such/file"))
        }
    }

    static let oddTargets: [(typed: String, onWire: String)] = [
        ("/app-api/campaign/a%20b", "/app-api/campaign/a%20b"),
        ("/app-api/campaign/a b", "/app-api/campaign/a%20b"),
        ("/app-api/campaign/x+y", "/app-api/campaign/x+y"),
        ("/app-api/campaign/100%25", "/app-api/campaign/100%25"),
        ("/app-api/campaign/a%2Fb/flight/c", "/app-api/campaign/a%2Fb/flight/c"),
        ("/app-api/campaign/Zürich-Ü", "/app-api/campaign/Z%C3%BCrich-%C3%9C"),
        ("/app-api/primary-keys/tarif?page=2", "/app-api/primary-keys/tarif?page=2"),
        (
            "/app-api/campaign/1?update_commissions=0&note=a b+c",
            "/app-api/campaign/1?update_commissions=0&note=a%20b+c"
        ),
        ("/app-api/customer?q=Müller&x=%2B", "/app-api/customer?q=M%C3%BCller&x=%2B"),
    ]

    @Test("the URI on the wire is byte-identical to the one signed", arguments: oddTargets.indices)
    func oddIds(_ index: Int) async throws {
        let target = Self.oddTargets[index]
        try await withEchoServer { server, cli in
            let output = try await cli.run(["request", "GET", server.baseURL + target.typed])
            #expect(output.status == 0, "\(output.stderrText)")
            #expect(try CLIHarness.echo(from: output.stdoutText).uri == target.onWire)
            // The same target as a path resolved against the configured base URL.
            let relative = try await cli.run(
                ["request", "POST", target.typed, "--data", "{}"],
                environment: ["GOTOM_BASE_URL": server.baseURL])
            #expect(relative.status == 0, "\(relative.stderrText)")
            #expect(try CLIHarness.echo(from: relative.stdoutText).uri == target.onWire)
        }
    }

    @Test("wrong secret: exit 4, the server's message and a hint")
    func wrongSecret() async throws {
        try await withEchoServer { server, cli in
            let output = try await cli.run(
                ["request", "GET", server.baseURL + "/app-api/campaign/1"],
                environment: ["GOTOM_SECRET": "wrong-secret"])
            #expect(output.status == 4)
            #expect(output.stdoutText.hasPrefix("HTTP/1.1 401 Unauthorized"))
            #expect(CLIHarness.split(output.stdoutText).body == "\"Signature not valid\"")
            #expect(output.stderrText.contains("401 Unauthorized: Signature not valid"))
            #expect(!output.stderrText.contains("wrong-secret"))
        }
    }

    @Test("HTTP status maps to the exit code: 204 → 0, 404 → 4, 503 → 5")
    func exitCodes() async throws {
        try await withEchoServer { server, cli in
            let noContent = try await cli.run(["request", "GET", server.baseURL + "/status/204"])
            #expect(noContent.status == 0)
            #expect(noContent.stdoutText.hasPrefix("HTTP/1.1 204 No Content\n"))
            #expect(try await cli.run(["request", "GET", server.baseURL + "/status/404"]).status == 4)
            #expect(try await cli.run(["request", "GET", server.baseURL + "/status/503"]).status == 5)
        }
    }

    @Test("unreachable port: exit 6 with one line on stderr")
    func unreachable() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        // Port 9 (discard) is not served on loopback here; the connection is refused at once.
        let output = try await cli.run([
            "request", "GET", "http://127.0.0.1:9/app-api/campaign/1", "--connect-timeout", "3",
        ])
        #expect(output.status == 6)
        #expect(output.stderrText.split(separator: "\n").count == 1)
        #expect(output.stderrText.hasPrefix("gotom: cannot connect to 127.0.0.1:9 ("), "\(output.stderrText)")
        #expect(output.stdoutText.isEmpty)
    }

    @Test("-b prints only the body; -o streams it to a file")
    func bodyOnlyAndOutputFile() async throws {
        try await withEchoServer { server, cli in
            let bodyOnly = try await cli.run(["request", "GET", server.baseURL + "/app-api/campaign/7", "-b"])
            #expect(bodyOnly.stdoutText.hasPrefix("{"))
            #expect(try JSONDecoder().decode(EchoServer.Echo.self, from: bodyOnly.stdout).uri == "/app-api/campaign/7")

            let file = cli.home.appendingPathComponent("out.json")
            let toFile = try await cli.run([
                "request", "GET", server.baseURL + "/app-api/campaign/8", "-b", "-o", file.path,
            ])
            #expect(toFile.status == 0)
            #expect(toFile.stdoutText.isEmpty)
            let saved = try JSONDecoder().decode(EchoServer.Echo.self, from: Data(contentsOf: file))
            #expect(saved.uri == "/app-api/campaign/8")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.home.path).filter {
                $0.contains(".partial")
            }
            #expect(leftovers.isEmpty)
        }
    }

    @Test("--explain shows the six parts on stderr, never the secret")
    func explain() async throws {
        try await withEchoServer { server, cli in
            let output = try await cli.run([
                "request", "POST", server.baseURL + "/app-api/campaign/1?x=1", "--data", "{}",
                "--explain",
            ])
            #expect(output.status == 0)
            for label in ["1 method", "2 body MD5", "3 content type", "4 date", "5 custom headers", "6 request URI"] {
                #expect(output.stderrText.contains(label))
            }
            #expect(output.stderrText.contains("/app-api/campaign/1?x=1"))
            #expect(output.stderrText.contains(BodyDigest(utf8: "{}").hex))
            #expect(!output.stderrText.contains(CLIHarness.secret))
        }
    }

    @Test("a user containing a colon is escaped and accepted")
    func colonUser() async throws {
        try await withEchoServer { server, cli in
            let output = try await cli.run(
                ["request", "GET", server.baseURL + "/app-api/customer"],
                environment: ["GOTOM_USER": "team:crm", "GOTOM_SECRET": "colon-secret"])
            #expect(output.status == 0, "\(output.stderrText)")
            #expect(try CLIHarness.echo(from: output.stdoutText).user == "team:crm")
        }
    }

    @Test("proxy variables: a dead HTTP_PROXY fails with exit 6, NO_PROXY bypasses it")
    func proxy() async throws {
        try await withEchoServer { server, cli in
            let url = server.baseURL + "/app-api/campaign/1"
            let viaDeadProxy = try await cli.run(
                ["request", "GET", url, "--connect-timeout", "3"],
                environment: ["HTTP_PROXY": "http://127.0.0.1:9"])
            #expect(viaDeadProxy.status == 6)
            let bypassed = try await cli.run(
                ["request", "GET", url],
                environment: ["HTTP_PROXY": "http://127.0.0.1:9", "NO_PROXY": "localhost,127.0.0.1"])
            #expect(bypassed.status == 0, "\(bypassed.stderrText)")
        }
    }
}

@Suite("gotom request -H and -v")
struct RequestHeaderTests {
    @Test("-H adds unsigned headers (repeatable); the signature still verifies")
    func extraHeaders() async throws {
        try await withEchoServer { server, cli in
            let output = try await cli.run([
                "request", "GET", server.baseURL + "/app-api/campaign/1",
                "-H", "X-Trace: abc 123", "--header", "X-Team:crm",
            ])
            #expect(output.status == 0, "\(output.stderrText)")
            let echo = try CLIHarness.echo(from: output.stdoutText)
            #expect(echo.user == CLIHarness.user)
            #expect(echo.extraHeaders == ["x-trace": "abc 123", "x-team": "crm"])
        }
    }

    @Test(
        "-H may not replace a header the signature covers or the body determines: usage error, nothing sent",
        arguments: [
            "Date: Mon, 01 Jan 2024 00:00:00 GMT", "content-type: text/plain", "Authorization: hmac x",
            "Content-Length: 3", "no colon here", ": empty name",
        ])
    func reservedHeaders(header: String) async throws {
        try await withEchoServer { server, cli in
            let output = try await cli.run(["request", "GET", server.baseURL + "/app-api/campaign/1", "-H", header])
            #expect(output.status == 64, "\(output.stderrText)")
            #expect(output.stdout.isEmpty)
            #expect(output.stderrText.contains("-H"), "\(output.stderrText)")
        }
    }

    @Test("-v prints the request line and every header sent, the signature masked")
    func verbose() async throws {
        try await withEchoServer { server, cli in
            let output = try await cli.run([
                "request", "POST", server.baseURL + "/app-api/campaign/1?x=1", "-v",
                "--data", "{}", "-H", "X-Trace: t1",
            ])
            #expect(output.status == 0, "\(output.stderrText)")
            let lines = output.stderrText.split(separator: "\n").map(String.init)
            #expect(lines.first == "> POST /app-api/campaign/1?x=1 HTTP/1.1", "\(output.stderrText)")
            #expect(lines.contains("> Host: 127.0.0.1:\(server.port)"), "\(output.stderrText)")
            #expect(lines.contains("> Content-Type: application/json"), "\(output.stderrText)")
            #expect(lines.contains("> X-Trace: t1"))
            #expect(lines.contains("> Content-Length: 2"))
            #expect(lines.contains { $0.hasPrefix("> Date: ") })
            let authorization = try #require(lines.first { $0.hasPrefix("> Authorization: ") })
            #expect(authorization.contains(CLIHarness.user) && authorization.contains("********"), "\(authorization)")
            // The real signature is not shown anywhere.
            let echo = try CLIHarness.echo(from: output.stdoutText)
            #expect(echo.method == "POST")
            #expect(!output.stderrText.contains(CLIHarness.secret))
        }
    }
}
