import Foundation
import GoTomTestSupport
import Testing

/// `gotom report download` end to end against the sandbox binary.
@Suite("gotom report download")
struct ReportCommandTests {
    /// The demo graph report 46, byte for byte.
    static let graph46 = """
        "Datum","Plattform","Impressionen","Klicks"
        "2025-03-01","NZZ.ch","120345","312"
        "2025-03-01","20 Minuten","98321","287"
        "2025-03-02","NZZ.ch","118002","298"

        """

    static let custom48 = "\"Kunde\",\"Umsatz\"\n\"Muster AG\",\"1200\"\n\"Zürcher Bäckerei\",\"88.50\"\n"

    static let fixtures = """
        {"reports": [{"kind": "custom", "id": 48, "csv": "\\"Kunde\\",\\"Umsatz\\"\\n\\"Muster AG\\",\\"1200\\"\\n\\"Zürcher Bäckerei\\",\\"88.50\\"\\n"}]}
        """

    @Test("to a file: the default name in the current directory, -o FILE, -o DIR; bytes exact, no temporary files")
    func toFile() async throws {
        try await withResourceSandbox(fixtures: Self.fixtures) { sandbox, cli in
            let graph = try await cli.run(["report", "download", "46"], on: sandbox)
            #expect(graph.status == 0, "\(graph.stderrText)")
            #expect(graph.stdout.isEmpty)
            #expect(
                graph.stderrText.contains("saved \(Self.graph46.utf8.count) bytes to graph-report-46.csv"),
                "\(graph.stderrText)")
            let saved = try Data(contentsOf: cli.home.appendingPathComponent("graph-report-46.csv"))
            #expect(saved == Data(Self.graph46.utf8))

            let custom = try await cli.run(
                ["report", "download", "48", "--custom", "-o", "umsatz.csv", "-q"],
                on: sandbox)
            #expect(custom.status == 0, "\(custom.stderrText)")
            #expect(custom.stderr.isEmpty, "\(custom.stderrText)")
            #expect(try Data(contentsOf: cli.home.appendingPathComponent("umsatz.csv")) == Data(Self.custom48.utf8))

            let large = try await cli.run(["report", "download", "9000", "--output", "large.csv"], on: sandbox)
            #expect(large.status == 0, "\(large.stderrText)")
            let attributes = try FileManager.default.attributesOfItem(
                atPath: cli.home.appendingPathComponent("large.csv").path)
            #expect((attributes[.size] as? NSNumber)?.intValue == 65536)

            let directory = cli.home.appendingPathComponent("reports")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let intoDirectory = try await cli.run(
                ["report", "download", "47", "--custom", "-o", "reports"],
                on: sandbox)
            #expect(intoDirectory.status == 0, "\(intoDirectory.stderrText)")
            let inside = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(inside == ["custom-report-47.csv"])

            let names = try FileManager.default.contentsOfDirectory(atPath: cli.home.path).sorted()
            #expect(names == ["graph-report-46.csv", "large.csv", "reports", "umsatz.csv"], "\(names)")
        }
    }

    @Test("-o - streams the CSV to stdout and writes no file")
    func toStdout() async throws {
        try await withResourceSandbox(fixtures: Self.fixtures) { sandbox, cli in
            let custom = try await cli.run(["report", "download", "48", "--custom", "-o", "-"], on: sandbox)
            #expect(custom.status == 0, "\(custom.stderrText)")
            #expect(custom.stdout == Data(Self.custom48.utf8))
            #expect(custom.stderr.isEmpty, "\(custom.stderrText)")

            let large = try await cli.run(["report", "download", "9000", "-o", "-"], on: sandbox)
            #expect(large.status == 0)
            #expect(large.stdout.count == 65536)
            #expect(large.stdoutText.hasPrefix("\""))
            #expect(large.stdout.last == UInt8(ascii: "\n"))

            #expect(try FileManager.default.contentsOfDirectory(atPath: cli.home.path).isEmpty)
        }
    }

    @Test("an existing file is refused without --force and kept; --force replaces it")
    func refusesToOverwrite() async throws {
        try await withResourceSandbox { sandbox, cli in
            let file = cli.home.appendingPathComponent("graph-report-46.csv")
            try Data("keep me\n".utf8).write(to: file)
            let refused = try await cli.run(["report", "download", "46"], on: sandbox)
            #expect(refused.status == 1)
            #expect(
                refused.stderrText.contains("graph-report-46.csv already exists; pass --force"),
                "\(refused.stderrText)")
            #expect(try Data(contentsOf: file) == Data("keep me\n".utf8))
            #expect(sandbox.requests.isEmpty, "\(sandbox.requests)")

            let forced = try await cli.run(["report", "download", "46", "--force"], on: sandbox)
            #expect(forced.status == 0, "\(forced.stderrText)")
            #expect(try Data(contentsOf: file) == Data(Self.graph46.utf8))
            #expect(try FileManager.default.contentsOfDirectory(atPath: cli.home.path) == ["graph-report-46.csv"])
        }
    }

    @Test(
        "a symbolic link to an existing file is refused like the file; a device such as /dev/null is written in place")
    func linksAndDevices() async throws {
        try await withResourceSandbox { sandbox, cli in
            let target = cli.home.appendingPathComponent("old.csv")
            try Data("old\n".utf8).write(to: target)
            try FileManager.default.createSymbolicLink(
                atPath: cli.home.appendingPathComponent("link.csv").path, withDestinationPath: "old.csv")
            let refused = try await cli.run(["report", "download", "46", "-o", "link.csv"], on: sandbox)
            #expect(refused.status == 1, "\(refused.stderrText)")
            #expect(try Data(contentsOf: target) == Data("old\n".utf8))

            let forced = try await cli.run(["report", "download", "46", "-o", "link.csv", "--force"], on: sandbox)
            #expect(forced.status == 0, "\(forced.stderrText)")
            #expect(try Data(contentsOf: target) == Data(Self.graph46.utf8))
            let link = try FileManager.default.destinationOfSymbolicLink(
                atPath: cli.home.appendingPathComponent("link.csv").path)
            #expect(link == "old.csv")

            let devNull = try await cli.run(["report", "download", "9000", "-o", "/dev/null"], on: sandbox)
            #expect(devNull.status == 0, "\(devNull.stderrText)")
            let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
            #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: cli.home.path).sorted() == ["link.csv", "old.csv"])
        }
    }

    @Test("unknown report 404 (exit 4) and a custom id on the graph endpoint 500 (exit 5) leave no file")
    func failures() async throws {
        try await withResourceSandbox { sandbox, cli in
            let unknown = try await cli.run(["report", "download", "31337", "-o", "missing.csv"], on: sandbox)
            #expect(unknown.status == 4)
            #expect(
                unknown.stderrText.contains("gotom: graph report 31337 not found (HTTP 404)"), "\(unknown.stderrText)")

            let wrongKind = try await cli.run(["report", "download", "47"], on: sandbox)
            #expect(wrongKind.status == 5)
            #expect(wrongKind.stderrText.contains("gotom: goTom failed"), "\(wrongKind.stderrText)")
            #expect(wrongKind.stderrText.contains("(HTTP 500)"), "\(wrongKind.stderrText)")

            let graphAsCustom = try await cli.run(["report", "download", "46", "--custom", "-o", "-"], on: sandbox)
            #expect(graphAsCustom.status == 4)
            #expect(graphAsCustom.stdout.isEmpty)

            #expect(try FileManager.default.contentsOfDirectory(atPath: cli.home.path).isEmpty)

            let negative = try await cli.run(["report", "download", "abc"], on: sandbox)
            #expect(negative.status == 64)
        }
    }

    @Test(
        "Ctrl-C mid-download exits 130 and removes the temporary file; nothing under the final name; JSON kind cancelled"
    )
    func interrupted() async throws {
        let sandbox = try await LargeReportSandbox.start(reportSize: 4_000_000_000_000)
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let errPath = cli.home.appendingPathComponent("download.err").path
        let download: ExternalTool.Background
        var environment = sandbox.environment(home: cli.home)
        environment["GOTOM_ERRORS"] = "json"
        do {
            download = try ExternalTool.start(
                CLIHarness.binary, ["report", "download", "9000", "-o", "big.csv"],
                environment: environment, directory: cli.home, stderrPath: errPath)
        } catch {
            await sandbox.stop()
            throw error
        }
        let sawPart = await waitForPartFile(in: cli.home)
        let status = await download.signal(SIGINT)
        await sandbox.stop()
        #expect(sawPart, "no .part file appeared")
        #expect(status == 130)
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        #expect(stderr.contains("cancelled"), "\(stderr)")
        let json = stderr.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(json.count == 1, "\(stderr)")
        let object = try json.first.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(object?["kind"] as? String == "cancelled", "\(stderr)")
        #expect(object?["exitCode"] as? Int == 130, "\(stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.home.path).filter { $0 != "download.err" }
        #expect(left.isEmpty, "\(left)")
    }

    @Test("the server going away mid-download exits 6 and leaves no file")
    func connectionLost() async throws {
        let sandbox = try await LargeReportSandbox.start(reportSize: 4_000_000_000_000)
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let errPath = cli.home.appendingPathComponent("download.err").path
        let download: ExternalTool.Background
        do {
            download = try ExternalTool.start(
                CLIHarness.binary,
                ["report", "download", "9000", "-o", "big.csv", "--attempts", "1"],
                environment: sandbox.environment(home: cli.home), directory: cli.home, stderrPath: errPath)
        } catch {
            await sandbox.stop()
            throw error
        }
        let sawPart = await waitForPartFile(in: cli.home)
        await sandbox.kill()
        // Signal 0 only waits for the download to end on its own.
        let status = await download.signal(0)
        #expect(sawPart, "no .part file appeared")
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        #expect(status == 6, "\(stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.home.path).filter { $0 != "download.err" }
        #expect(left.isEmpty, "\(left)")
    }

    @Test("-o - into a pipe whose reader stops early (| head) ends the download at once with exit 141")
    func readerGoesAway() async throws {
        // 4 TB: reading it all would take over an hour even over loopback, so a minute tells "ended at once" from
        // "read on" on any machine, however busy (a 4 GB report against 4 s failed on a loaded one).
        let sandbox = try await LargeReportSandbox.start(reportSize: 4_000_000_000_000)
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let started = Date()
        let output: ExternalTool.Output
        do {
            output = try await ExternalTool.run(
                "/bin/bash",
                [
                    "-c", "\"$0\" report download 9000 -o - | head -c 100 > first.csv; echo \"${PIPESTATUS[0]}\"",
                    CLIHarness.binary,
                ],
                environment: sandbox.environment(home: cli.home), directory: cli.home)
        } catch {
            await sandbox.stop()
            throw error
        }
        let elapsed = Date().timeIntervalSince(started)
        await sandbox.stop()
        #expect(output.stdoutText == "141\n", "\(output.stdoutText) \(output.stderrText)")
        #expect(elapsed < 60, "took \(elapsed) s")
        #expect(try Data(contentsOf: cli.home.appendingPathComponent("first.csv")).count == 100)
    }

    @Test("report help has examples")
    func help() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let download = try await cli.run(["report", "download", "--help"])
        #expect(download.status == 0)
        #expect(download.stdoutText.contains("Examples:\n  gotom report download 46"))
        #expect(download.stdoutText.contains("-o, --output <file>"))
        let group = try await cli.run(["report", "--help"])
        #expect(group.stdoutText.contains("Examples:\n  gotom report download"))
        #expect(group.stdoutText.contains("\n  download "))
    }
}

/// Waits for a `.NAME.RANDOM.part` file in `directory`, returning as soon as it appears.
///
/// The 120 s limit only bounds a failing run: a sanitizer build of `gotom` on a busy machine needed over 20 s
/// to get that far.
private func waitForPartFile(in directory: URL) async -> Bool {
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        if names.contains(where: { $0.hasPrefix(".big.csv.") && $0.hasSuffix(".part") }) { return true }
        try? await Task.sleep(nanoseconds: 10_000_000)
    }
    return false
}

/// A `gotom sandbox` process whose generated report 9000 is large enough to interrupt a download of it.
private final class LargeReportSandbox: Sendable {
    static let user = "report_user"
    static let secret = "report-secret-not-real"

    let baseURL: String
    let caPath: String
    let dataDir: URL
    private let process: ExternalTool.Background

    private init(baseURL: String, caPath: String, dataDir: URL, process: ExternalTool.Background) {
        self.baseURL = baseURL
        self.caPath = caPath
        self.dataDir = dataDir
        self.process = process
    }

    /// The isolated environment for a `gotom` started with `ExternalTool.start` (which, unlike `CLIHarness`,
    /// inherits the test runner's environment).
    func environment(home: URL) -> [String: String?] {
        [
            "HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "GOTOM_BASE_URL": baseURL, "GOTOM_USER": Self.user, "GOTOM_SECRET": Self.secret, "GOTOM_CACERT": caPath,
            "GOTOM_PROVIDER": nil, "GOTOM_PROFILE": nil,
            "HTTP_PROXY": nil, "HTTPS_PROXY": nil, "http_proxy": nil, "https_proxy": nil, "NO_PROXY": nil,
            "no_proxy": nil,
        ]
    }

    static func start(reportSize: Int) async throws -> LargeReportSandbox {
        let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("gotom-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dataDir, withIntermediateDirectories: true)
        let stdoutPath = dataDir.appendingPathComponent("sandbox.out").path
        do {
            let launch = try await SandboxLaunch.start(
                [
                    "sandbox", "--tls", "--in-memory", "--port", "0", "--user", user, "--secret", secret,
                    "--large-report-size", String(reportSize), "--quiet",
                ],
                directory: dataDir, environment: ["TMPDIR": dataDir.path, "NO_COLOR": "1"], stdoutPath: stdoutPath,
                stderrPath: "/dev/null")
            return LargeReportSandbox(
                baseURL: launch.baseURL, caPath: launch.caPath ?? "", dataDir: dataDir,
                process: launch.process)
        } catch {
            try? FileManager.default.removeItem(at: dataDir)
            throw error
        }
    }

    func stop() async {
        await process.stop()
        try? FileManager.default.removeItem(at: dataDir)
    }

    /// Ends the process at once (SIGKILL), dropping open connections.
    func kill() async {
        await process.signal(SIGKILL)
        try? FileManager.default.removeItem(at: dataDir)
    }
}
