import Foundation
import GoTomFuzzing
import Testing

/// Replays the committed seed corpora and the inputs of fixed crashes through the fuzz harnesses' properties.
@Suite struct CorpusReplayTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    @Test(arguments: FuzzHarness.allCases)
    func seedsKeepTheirProperties(_ harness: FuzzHarness) {
        let folder = Self.fuzzFolder.appendingPathComponent("Corpus/\(harness.rawValue)").path
        let result = harness.replay([folder])
        #expect(result.files > 0, "no seed inputs in \(folder)")
        for (file, violation) in result.violations {
            Issue.record("\(file): \(violation)")
        }
    }

    @Test(arguments: FuzzHarness.allCases)
    func fixedCrashesStayFixed(_ harness: FuzzHarness) {
        let folder = Self.fuzzFolder.appendingPathComponent("Regressions/\(harness.rawValue)").path
        for (file, violation) in harness.replay([folder]).violations {
            Issue.record("\(file): \(violation)")
        }
    }
}
