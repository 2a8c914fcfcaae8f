import GoTomAuth

/// The commit and date of a release build, filled in by a file that `Scripts/release.sh` generates.
///
/// The release script writes `BuildInfo+Release.swift` (ignored by git) next to this file before it builds and
/// deletes it afterwards; that file makes ``BuildInfo`` conform. A plain `swift build` has no such file, and
/// `gotom --version` then says that the commit is unknown.
protocol ReleaseStamp {
    /// The full git commit id the release was built from.
    static var commit: String { get }
    /// When the release was built, as an ISO 8601 UTC time.
    static var date: String { get }
}

/// What `gotom --version` prints.
enum BuildInfo {
    /// `0.1.0 (commit 1a2b3c4d5e6f, built 2026-12-06T11:30:00Z)`, or `0.1.0 (unknown commit)` without a stamp.
    static var versionText: String {
        guard let stamp = BuildInfo.self as Any as? any ReleaseStamp.Type else {
            return "\(GoTomKitVersion.version) (unknown commit)"
        }
        return "\(GoTomKitVersion.version) (commit \(stamp.commit.prefix(12)), built \(stamp.date))"
    }
}
