import Foundation
import GoTomTestSupport
import Testing

/// A WebDriver session with headless Chromium, spoken to over HTTP on 127.0.0.1 (chromedriver).
struct WebDriver {
    let base: String
    let session: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// One WebDriver command. chromedriver writes its response headers without a space after the colon, which
    /// Foundation's URLSession on Linux refuses, so the request goes through curl.
    static func call(_ method: String, _ url: String, _ body: Any? = nil) async throws -> Any? {
        let curl = try ExternalTool.require("curl")
        var arguments = ["-sS", "--max-time", "30", "-X", method, url]
        var input: Data?
        if let body {
            input = try JSONSerialization.data(withJSONObject: body)
            arguments += ["-H", "Content-Type: application/json", "--data-binary", "@-"]
        }
        let output = try await ExternalTool.run(curl, arguments, stdin: input)
        guard output.status == 0 else { throw Failure(description: "curl \(method) \(url): \(output.stderrText)") }
        let object =
            try JSONSerialization.jsonObject(with: output.stdout, options: [.fragmentsAllowed])
            as? [String: Any]
        if let value = object?["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "\(error): \(value["message"] ?? "")")
        }
        return object?["value"]
    }

    /// Starts a headless Chromium session.
    static func start(driverPort: Int) async throws -> WebDriver {
        let base = "http://127.0.0.1:\(driverPort)"
        // chromedriver listens shortly after it starts: poll its status until ready, within a deadline.
        let deadline = ContinuousClock.now + .seconds(20)
        var last = ""
        while true {
            do {
                let status = try await call("GET", base + "/status") as? [String: Any]
                if status?["ready"] as? Bool == true { break }
                last = "\(status ?? [:])"
            } catch {
                last = "\(error)"
            }
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "chromedriver did not get ready on \(base): \(last)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": ExternalTool.find("chromium") ?? "chromium",
                        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
                    ],
                ]
            ]
        ]
        let value = try await call("POST", base + "/session", capabilities) as? [String: Any]
        guard let session = value?["sessionId"] as? String else {
            throw Failure(description: "no session: \(value ?? [:])")
        }
        return WebDriver(base: base, session: session)
    }

    func open(_ url: String) async throws {
        _ = try await Self.call("POST", "\(base)/session/\(session)/url", ["url": url])
    }

    /// Runs JavaScript in the page and returns its result.
    func script(_ source: String) async throws -> Any? {
        try await Self.call("POST", "\(base)/session/\(session)/execute/sync", ["script": source, "args": []])
    }

    /// Waits until the script returns `true`, polling; fails with `what` after `timeout`.
    func await(_ what: String, timeout: Duration, _ source: String) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await script(source) as? Bool != true {
            guard ContinuousClock.now < deadline else {
                let page = try await script("return document.body.innerText") as? String ?? ""
                throw Failure(
                    description: "\(what) did not happen within \(timeout); the page shows:\n\(page.prefix(2000))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    func quit() async {
        _ = try? await Self.call("DELETE", "\(base)/session/\(session)")
    }
}

@Suite("Web console in a headless browser")
struct ConsoleBrowserTests {
    @Test(
        "the console loads, shows a gotom request within 2 s, diagnoses a wrong secret, and reset empties it",
        .requires(.tool("chromium"), .tool("chromedriver"), .tool("curl")))
    func console() async throws {
        try Prerequisites.require([.tool("chromium"), .tool("chromedriver"), .tool("curl")])
        let arguments = ["--in-memory", "--port", "0", "--print-config", "json", "--user", "web_user:web-secret-1"]
        try await SandboxControlCLITests.withJSONSandbox(arguments) { sandbox in
            let driverPort = try freePort()
            let driver = try ExternalTool.start(
                try ExternalTool.require("chromedriver"), ["--port=\(driverPort)", "--allowed-ips=127.0.0.1"],
                directory: sandbox.folder, stdoutPath: sandbox.folder.appendingPathComponent("chromedriver.log").path)
            do {
                let browser = try await WebDriver.start(driverPort: driverPort)
                do {
                    try await Self.exercise(browser, sandbox)
                } catch {
                    await browser.quit()
                    throw error
                }
                await browser.quit()
            } catch {
                await driver.stop()
                throw error
            }
            await driver.stop()
        }
    }

    static func exercise(_ browser: WebDriver, _ sandbox: SandboxControlCLITests.JSONSandbox) async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let env: [String: String?] = ["GOTOM_BASE_URL": sandbox.url, "GOTOM_USER": "web_user"]

        try await browser.open(try #require(sandbox.config.controlURL))
        #expect(try await browser.script("return document.title") as? String == "gotom sandbox")
        try await browser.await(
            "the health line", timeout: .seconds(10),
            "return document.getElementById('health').textContent.startsWith('ready')")

        let ok = try await cli.run(
            ["request", "GET", "/app-api/primary-keys/platform"],
            environment: env.merging(["GOTOM_SECRET": "web-secret-1"]) { _, new in new })
        #expect(ok.status == 0)
        try await browser.await(
            "the request's row", timeout: .seconds(2),
            """
            return [...document.querySelectorAll('#journal tbody tr[data-id]')].some((row) =>
              row.textContent.includes('/app-api/primary-keys/platform') && row.dataset.verdict === 'accepted')
            """)

        let wrong = try await cli.run(
            ["request", "GET", "/app-api/customer?page=2"],
            environment: env.merging(["GOTOM_SECRET": "wrong-secret"]) { _, new in new })
        #expect(wrong.status == 4)
        try await browser.await(
            "the diagnosis", timeout: .seconds(2),
            """
            const row = document.querySelector('#journal tr.diagnosis');
            return row !== null && row.textContent.includes('Signature not valid') &&
              row.querySelector('tr[data-part="uri"]').textContent.includes('/app-api/customer?page=2');
            """)
        #expect(try await browser.script("return document.body.innerText.includes('wrong-secret')") as? Bool == false)
        // The user's own string-to-sign with another URI: the comparison names the URI as the part that differs.
        let comparison =
            try await browser.script(
                """
                const row = document.querySelector('#journal tr.diagnosis');
                const parts = [...row.querySelectorAll('.parts tr')].map((tr) => JSON.parse(tr.lastChild.textContent));
                parts[5] = '/app-api/customer?page=3';
                const box = row.querySelector('textarea');
                box.value = parts.join('\\n');
                box.dispatchEvent(new Event('input'));
                return row.querySelector('.comparison strong').textContent;
                """) as? String
        #expect(comparison == "First difference: URI")

        _ = try await browser.script("document.getElementById('reset').click(); return true")
        try await browser.await(
            "the emptied journal", timeout: .seconds(5),
            "return document.querySelectorAll('#journal tbody tr').length === 0")
        let journal = try await cli.run(["sandbox", "requests", "--url", sandbox.url])
        #expect(journal.stdoutText.isEmpty, "\(journal.stdoutText)")
    }

    /// A free TCP port on 127.0.0.1 for chromedriver.
    func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
