import Foundation

/// The example API clients from goTom's documentation page, cut out of the reference text at test time.
///
/// The project does not ship copies of these scripts: tests read goTom's page (``seedPath``: `GOTOM_SEED_DIR`,
/// default `../shared/reference/seed/` beside the repository) and write each client to a temporary folder, so the
/// interop tests run exactly what goTom publishes.
public struct SeedClients: Sendable {
    /// The Node client (`callapi.js`).
    public var node: String
    /// The Bash client (`callapiendpoint.sh`).
    public var bash: String
    /// The PHP client.
    public var php: String

    /// Why seed-based tests cannot run, or `nil` when the seed text was found.
    public static var unavailableReason: String? {
        FileManager.default.fileExists(atPath: seedPath.path) ? nil : "seed text not found at \(seedPath.path)"
    }

    /// The location of the seed text: `000_3f619a6c8f664f0c.txt` in the folder named by `GOTOM_SEED_DIR` (relative
    /// to the package root unless absolute), else in `../shared/reference/seed/` beside the package root.
    public static var seedPath: URL {
        let folder: URL
        if let configured = ProcessInfo.processInfo.environment["GOTOM_SEED_DIR"], !configured.isEmpty {
            folder = URL(fileURLWithPath: configured, isDirectory: true, relativeTo: ReferencePaths.packageRoot)
        } else {
            folder = ReferencePaths.sharedReference.appendingPathComponent("seed", isDirectory: true)
        }
        return folder.appendingPathComponent("000_3f619a6c8f664f0c.txt").standardizedFileURL
    }

    /// Reads and cuts the three clients out of the seed text.
    ///
    /// - Returns: The scripts.
    /// - Throws: When the seed text is missing or its layout changed.
    public static func load() throws -> SeedClients {
        let text = try String(contentsOf: seedPath, encoding: .utf8)
        return SeedClients(
            node: try cut(text, from: "#!/usr/bin/env node", until: "From command Line call it"),
            bash: try cut(text, from: "#!/usr/bin/env bash", until: "GET example call via Bash script"),
            php: try cut(text, from: "<?php", until: "Example using Linux Bash")
        )
    }

    /// Writes the clients into `directory` as `callapi.js`, `callapiendpoint.sh` and `callapi.php`.
    ///
    /// - Parameter directory: An existing folder.
    /// - Throws: File-system errors.
    public func write(to directory: URL) throws {
        try node.write(to: directory.appendingPathComponent("callapi.js"), atomically: true, encoding: .utf8)
        try bash.write(to: directory.appendingPathComponent("callapiendpoint.sh"), atomically: true, encoding: .utf8)
        try php.write(to: directory.appendingPathComponent("callapi.php"), atomically: true, encoding: .utf8)
    }

    /// Runs the Node client with a request body on stdin.
    ///
    /// The client stops reading stdin 100 ms after it starts and then sends whatever it has read. On a machine
    /// busy enough to delay its first read past that timer, it sends an empty body. Such a run, recognised by
    /// `bodyArrived` returning `false` for its output, is run again, up to three runs in all, so that the tests
    /// check the client's signing rather than its timer.
    ///
    /// - Parameters:
    ///   - node: The absolute path of `node`.
    ///   - arguments: `callapi.js` (or other scripts) and its arguments.
    ///   - stdin: The request body.
    ///   - environment: Extra environment variables.
    ///   - directory: The folder holding the script.
    ///   - bodyArrived: Whether an output shows that the body was sent.
    /// - Returns: The last run's output, and how many runs it took (more than one: say so in the test's output).
    /// - Throws: When node cannot be started.
    public static func runNode(
        _ node: String, _ arguments: [String], stdin: Data, environment: [String: String?] = [:], directory: URL?,
        bodyArrived: (ExternalTool.Output) -> Bool
    ) async throws -> (output: ExternalTool.Output, runs: Int) {
        var runs = 0
        var output: ExternalTool.Output
        repeat {
            runs += 1
            output = try await ExternalTool.run(
                node, arguments, stdin: stdin, environment: environment, directory: directory)
        } while runs < 3 && !bodyArrived(output)
        return (output, runs)
    }

    /// The line a test prints when ``runNode(_:_:stdin:environment:directory:bodyArrived:)`` needed more than one run.
    public static func rerunNote(_ runs: Int) -> String {
        "note: the seed's Node client sent an empty body (its 100 ms stdin timer fired first); it took \(runs) runs"
    }

    private static func cut(_ text: String, from start: String, until end: String) throws -> String {
        guard let startRange = text.range(of: start),
            let endRange = text.range(of: end, range: startRange.upperBound..<text.endIndex)
        else { throw SeedError(description: "seed layout changed: cannot find '\(start)' … '\(end)'") }
        return String(text[startRange.lowerBound..<endRange.lowerBound]) + "\n"
    }

    struct SeedError: Error, CustomStringConvertible {
        var description: String
    }
}

/// Paths of the read-only reference material beside the repository.
public enum ReferencePaths {
    /// The package root, found from this source file's location.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `../shared/reference` relative to the package root.
    public static var sharedReference: URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
    }
}
