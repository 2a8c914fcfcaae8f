import Foundation
import GoTomAuth
import GoTomTestSupport
import Testing

/// What every command owes its users: help with examples, completions, no secrets in help, NO_COLOR.
@Suite("gotom: help, completions, colour")
struct CommandPolishTests {
    /// The names listed under SUBCOMMANDS in a help text.
    static func subcommands(inHelp help: String) -> [String] {
        guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        var names: [String] = []
        for line in help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { break }
            // A subcommand line starts with two spaces and the name; continuation lines are indented further.
            // Aliases follow the name after a comma ("lineitems, lineitem").
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first
            else { continue }
            names.append(String(word.trimmingCharacters(in: CharacterSet(charactersIn: ","))))
        }
        return names.filter { $0 != "help" }
    }

    /// Every command path of the tree, found by walking `--help`.
    static func commandTree(_ cli: CLIHarness) async throws -> [[String]] {
        var leaves: [[String]] = []
        var queue: [[String]] = [[]]
        while let path = queue.popLast() {
            guard path.count <= 4 else {
                Issue.record("command tree deeper than expected: \(path)")
                continue
            }
            let output = try await cli.run(path + ["--help"])
            let children = subcommands(inHelp: output.stdoutText)
            if children.isEmpty {
                leaves.append(path)
            } else {
                queue.append(contentsOf: children.map { path + [$0] })
            }
        }
        return leaves
    }

    @Test("--version prints GoTomKit's version, then the commit and build date of a release or 'unknown commit'")
    func version() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let output = try await cli.run(["--version"])
        #expect(output.status == 0)
        let text = output.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.hasPrefix("\(GoTomKitVersion.version) ("), "\(text)")
        #expect(text.hasSuffix(" (unknown commit)") || text.contains(" (commit "), "\(text)")
    }

    @Test("every command's --help has an example, and no help text shows the secret from the environment")
    func helpHasExamples() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let leaves = try await Self.commandTree(cli)
        #expect(leaves.count >= 30, "only \(leaves.count) commands found: \(leaves)")
        for path in leaves {
            let output = try await cli.run(path + ["--help"])
            #expect(output.status == 0, "\(path)")
            #expect(
                output.stdoutText.lowercased().contains("example"),
                "gotom \(path.joined(separator: " ")) --help has no example")
            #expect(!output.stdoutText.contains(CLIHarness.secret), "gotom \(path.joined(separator: " ")) --help")
        }
    }

    @Test("completion scripts for bash, zsh and fish cover the resource commands", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let output = try await cli.run(["--generate-completion-script", shell])
        #expect(output.status == 0)
        for word in ["campaign", "customer", "sync", "report", "download", "keys", "prices"] {
            #expect(output.stdoutText.contains(word), "\(shell) completion lacks \(word)")
        }
    }

    @Test(
        "errors are red on a terminal, plain with NO_COLOR or when stderr is not a terminal",
        .requires(.tool("script")))
    func noColor() async throws {
        // script(1) gives the command a pseudo-terminal.
        let script = try ExternalTool.require("script")
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        // A refused connection: the error line is red on a terminal.
        let closed = try FreePort.reserveClosed()
        defer { closed.release() }
        let port = closed.port
        let command = "\(CLIHarness.binary) campaign get 1 --base-url http://127.0.0.1:\(port) --attempts 1"
        let colored = try await ExternalTool.run(
            script, ["-qec", command, "/dev/null"],
            environment: [
                "HOME": cli.home.path, "GOTOM_USER": "u", "GOTOM_SECRET": "s", "NO_COLOR": nil,
                "TERM": "xterm",
            ])
        #expect(colored.status == 6, "\(colored.stdoutText)")
        #expect(colored.stdoutText.contains("\u{1B}["), "\(colored.stdoutText)")
        let plain = try await ExternalTool.run(
            script, ["-qec", command, "/dev/null"],
            environment: [
                "HOME": cli.home.path, "GOTOM_USER": "u", "GOTOM_SECRET": "s", "NO_COLOR": "1",
                "TERM": "xterm",
            ])
        #expect(plain.status == 6)
        #expect(plain.stdoutText.contains("cannot connect"), "\(plain.stdoutText)")
        #expect(!plain.stdoutText.contains("\u{1B}["), "\(plain.stdoutText)")
        let piped = try await cli.run([
            "campaign", "get", "1", "--base-url", "http://127.0.0.1:\(port)",
            "--attempts", "1",
        ])
        #expect(piped.status == 6)
        #expect(!piped.stderrText.contains("\u{1B}["))
    }
}
