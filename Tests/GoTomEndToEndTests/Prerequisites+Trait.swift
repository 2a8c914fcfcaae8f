import GoTomTestSupport
import Testing

extension Trait where Self == ConditionTrait {
    /// Runs the test only when everything it needs from outside the repository is there, and always when `CI`
    /// is set (it then fails on what is missing); otherwise the run lists it as skipped with what is missing.
    static func requires(_ prerequisites: Prerequisite...) -> Self {
        .enabled(if: Prerequisites.met(prerequisites), Comment(rawValue: Prerequisites.skipComment(prerequisites)))
    }
}
