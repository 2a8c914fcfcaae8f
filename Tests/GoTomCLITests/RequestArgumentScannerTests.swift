import ArgumentParser
import Testing

@testable import GoTomCLI

/// `gotom request` reads its plain argument forms with ``RequestInvocation/init(scanning:)`` instead of
/// ArgumentParser. These tests hold the two readers to the same result: for every argument list the scanner either
/// declines (`nil`, ArgumentParser takes over) or produces exactly what ArgumentParser produces.
@Suite("gotom request's argument scanner agrees with ArgumentParser")
struct RequestArgumentScannerTests {
    /// Argument lists the scanner must read itself: the forms scripts use.
    static let scanned: [[String]] = [
        ["GET", "https://demo.gotom.io/app-api/campaign/26106"],
        ["GET", "/app-api/campaign/26106", "user-1", "not-a-real-secret"],
        ["POST", "/app-api/campaign/1", "user-1"],
        ["POST", "/app-api/campaign/1", "--data", "@update.json", "--explain"],
        ["POST", "/app-api/campaign/1", "-d", "{\"status\":\"booking\"}", "-b"],
        ["GET", "/app-api/graph-export/download/42", "-b", "-o", "report.csv"],
        ["GET", "/app-api/graph-export/download/42", "--body-only", "--output-file=report.csv"],
        ["--profile", "sandbox", "GET", "/app-api/primary-keys/platform"],
        ["GET", "--base-url", "https://127.0.0.1:8443", "/app-api/customer", "--cacert", "/tmp/ca.pem"],
        ["GET", "/x", "--provider=gotom_app_api", "--connect-timeout", "2.5", "--timeout=0"],
        ["PUT", "/x", "--content-type", "text/csv", "--data=@-"],
        ["GET", "/x", "--timeout", "1e2", "--connect-timeout=3"],
    ]

    /// Argument lists the scanner must leave to ArgumentParser (help, errors, unusual forms).
    static let declined: [[String]] = [
        [],
        ["GET"],
        ["GET", "/x", "u", "s", "extra"],
        ["--help"],
        ["GET", "/x", "-h"],
        ["help", "GET"],
        ["GET", "/x", "--"],
        ["GET", "/x", "--", "-u"],
        ["GET", "/x", "--unknown"],
        ["GET", "/x", "-bd", "{}"],
        ["GET", "/x", "-d"],
        ["GET", "/x", "--data", "--explain"],
        ["GET", "/x", "--data="],
        ["GET", "/x", "-d=text"],
        ["GET", "/x", "-b", "-b"],
        ["GET", "/x", "--explain=yes"],
        ["GET", "/x", "--data", "a", "--data", "b"],
        ["GET", "/x", "-d", "a", "--data=b"],
        ["GET", "/x", "--timeout", "soon"],
        ["GET", "/x", "--timeout", "-1"],
        ["GET", "-"],
        // -H and -v are left to ArgumentParser (header checks, verbose dump): scripts' plain forms stay fast.
        ["GET", "/x", "-H", "Accept-Language: de"],
        ["GET", "/x", "--header=X-Trace: 1"],
        ["GET", "/x", "-v"],
        ["GET", "/x", "--verbose"],
    ]

    /// What the full parser makes of `gotom request ARGUMENTS`, as the executable's fallback runs it.
    static func parsedByArgumentParser(_ arguments: [String]) -> RequestInvocation? {
        (try? GoTomCommand.parseAsRoot(["request"] + arguments) as? RequestCommand)?.invocation
    }

    @Test("plain forms: the scanner reads them, with ArgumentParser's result", arguments: scanned)
    func scannedFormsMatch(arguments: [String]) throws {
        let scanned = try #require(RequestInvocation(scanning: arguments), "the scanner declined \(arguments)")
        let parsed = try #require(Self.parsedByArgumentParser(arguments), "ArgumentParser rejected \(arguments)")
        #expect(scanned == parsed)
    }

    @Test("random argument lists: the scanner declines or agrees with ArgumentParser")
    func randomArgumentLists() {
        let tokens = [
            "GET", "POST", "/x", "https://h.example/y?a=b", "u", "s", "x=y", "@f", "{}", "-", "--", "help", "", "é",
            "-h", "--help", "--version", "--data", "-d", "--data=", "--data=@f", "--data==", "@-", "--timeout", "5",
            "0", "-1", "nan", "1e3", "--timeout=2.5", "-b", "--body-only", "--explain", "--explain=1", "-o", "out",
            "--output-file=o", "--profile", "p", "--base-url", "--cacert", "ca.pem", "--content-type", "text/csv",
            "--provider", "--connect-timeout", "--unknown", "-bd", "-o=x",
        ]
        // A fixed SplitMix64 sequence: the same lists on every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        var agreed = 0
        for _ in 0..<1500 {
            let arguments = (0..<next(8)).map { _ in tokens[next(tokens.count)] }
            guard let scanned = RequestInvocation(scanning: arguments) else { continue }
            #expect(scanned == Self.parsedByArgumentParser(arguments), "\(arguments)")
            agreed += 1
        }
        // Enough lists are read by the scanner for the comparison to mean something.
        #expect(agreed > 100, "only \(agreed) lists were scanned")
    }

    @Test("other forms: the scanner declines, so ArgumentParser parses or reports them", arguments: declined)
    func otherFormsDecline(arguments: [String]) {
        #expect(RequestInvocation(scanning: arguments) == nil)
    }

    @Test("every option of gotom request is known to the scanner under every name ArgumentParser gives it")
    func everyOptionIsScanned() throws {
        // A value for each option, in ArgumentParser's long form; -b and --explain are flags.
        let values: [String: String] = [
            "--profile": "p", "--base-url": "https://example.invalid", "--provider": "prov", "--cacert": "ca.pem",
            "--connect-timeout": "4", "--timeout": "5", "--data": "text", "--content-type": "text/plain",
            "--output-file": "out.csv",
        ]
        let help = RequestCommand.helpMessage(columns: 400)
        let words = help.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }).map(String.init)
        let documented = Set(words.filter { $0.hasPrefix("--") && $0.count > 2 }).subtracting(["--help", "--version"])
        // --header and --verbose are declined on purpose (see `declined`); every other option is scanned.
        #expect(documented == Set(values.keys).union(["--body-only", "--explain", "--header", "--verbose"]))
        let shortNames = Set(words.filter { $0.count == 2 && $0.hasPrefix("-") && $0 != "--" }).subtracting(["-h"])
        #expect(shortNames == ["-d", "-o", "-b", "-H", "-v"])
        var arguments = ["POST", "/x"]
        for (name, value) in values.sorted(by: { $0.key < $1.key }) { arguments += [name, value] }
        arguments += ["--body-only", "--explain"]
        let scanned = try #require(RequestInvocation(scanning: arguments))
        #expect(scanned == Self.parsedByArgumentParser(arguments))
        #expect(scanned.connection.timeout == 5 && scanned.body.contentType == "text/plain" && scanned.explain)
    }
}
