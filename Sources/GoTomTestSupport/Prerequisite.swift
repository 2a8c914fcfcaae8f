import Foundation

/// Something a test needs from outside the repository: a program on `PATH`, or goTom's example-code page.
///
/// Tests declare what they need with a condition trait built from ``Prerequisites/met(_:)`` and
/// ``Prerequisites/skipComment(_:)``, so a run without it lists the test as skipped with the reason instead of
/// passing it. When the `CI` environment variable is set the condition is always true: the test runs, and
/// ``require()`` fails it with the same reason, so a CI machine that lacks a tool cannot report green.
public struct Prerequisite: Sendable, CustomStringConvertible {
    /// What is needed, as the skip message names it.
    public let description: String
    /// Whether it is present on this machine.
    public let isAvailable: Bool

    /// A program that must be on `PATH`.
    ///
    /// - Parameter name: The program name, such as `node`.
    /// - Returns: The prerequisite.
    public static func tool(_ name: String) -> Prerequisite {
        Prerequisite(description: "\(name) on PATH", isAvailable: ExternalTool.find(name) != nil)
    }

    /// goTom's example-code page, from which the seed clients are cut (``SeedClients/seedPath``).
    public static var seedPage: Prerequisite {
        Prerequisite(
            description: "goTom's example-code page at \(SeedClients.seedPath.path) (set GOTOM_SEED_DIR)",
            isAvailable: SeedClients.unavailableReason == nil)
    }

    /// Fails when the prerequisite is missing.
    ///
    /// - Throws: ``MissingPrerequisite`` naming it.
    public func require() throws {
        if !isAvailable { throw MissingPrerequisite(missing: [self]) }
    }
}

/// Conditions and messages for the traits of tests that need something outside the repository.
public enum Prerequisites {
    /// Whether the `CI` environment variable is set (to anything but an empty string): then nothing may be skipped.
    public static var isCI: Bool {
        !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    }

    /// Whether a test that needs these should run: all are present, or `CI` is set (the test then fails on
    /// what is missing).
    ///
    /// - Parameter prerequisites: What the test needs.
    /// - Returns: The condition for `.enabled(if:)`.
    public static func met(_ prerequisites: [Prerequisite]) -> Bool {
        isCI || prerequisites.allSatisfy(\.isAvailable)
    }

    /// The reason a skipped test shows: what is missing on this machine.
    ///
    /// - Parameter prerequisites: What the test needs.
    /// - Returns: For example "skipped: missing node on PATH".
    public static func skipComment(_ prerequisites: [Prerequisite]) -> String {
        let missing = prerequisites.filter { !$0.isAvailable }
        let needs = prerequisites.map(\.description).joined(separator: ", ")
        guard !missing.isEmpty else { return "needs \(needs)" }
        return "skipped: missing \(missing.map(\.description).joined(separator: ", ")) (needs \(needs); "
            + "with CI set this fails instead)"
    }

    /// Fails when any of the prerequisites is missing (it can only run then when `CI` is set).
    ///
    /// - Parameter prerequisites: What the test needs.
    /// - Throws: ``MissingPrerequisite`` naming every missing one.
    public static func require(_ prerequisites: [Prerequisite]) throws {
        let missing = prerequisites.filter { !$0.isAvailable }
        if !missing.isEmpty { throw MissingPrerequisite(missing: missing) }
    }
}

/// A test ran although something it needs is missing (only when `CI` is set).
public struct MissingPrerequisite: Error, CustomStringConvertible {
    /// What is missing.
    public let missing: [Prerequisite]

    /// What is missing and that CI must provide it.
    public var description: String {
        "missing \(missing.map(\.description).joined(separator: ", ")); CI must provide it (see .ci/run)"
    }
}
