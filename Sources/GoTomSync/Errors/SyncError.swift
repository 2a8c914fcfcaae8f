/// The error thrown when a customer sync cannot read its input or use its journal.
///
/// goTom's answers are not errors of the sync: a rejected customer is journaled as failed, and a run that goTom
/// stops (bad credentials, an outage) ends with a ``SyncStop``. Compare against the static members
/// (`error == .journalBusy`); equality looks at the kind only, so the detail text does not get in the way.
public struct SyncError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case inputUnreadable
        case invalidHeader
        case journalUnavailable
        case journalBusy
        case journalVersionMismatch
        case failuresFileUnwritable
    }

    private let code: Code

    /// What exactly went wrong, for humans: it names the file, line or column (bounded to 2 000 characters).
    public let detail: String

    private init(code: Code, detail: String) {
        self.code = code
        self.detail = String(detail.prefix(2000))
    }

    /// The input file cannot be opened or read.
    public static var inputUnreadable: SyncError { SyncError(code: .inputUnreadable, detail: "") }

    /// A CSV header names an unknown or duplicate column, lacks a required one, or the file has no header row.
    public static var invalidHeader: SyncError { SyncError(code: .invalidHeader, detail: "") }

    /// The journal file cannot be opened, read or written.
    public static var journalUnavailable: SyncError { SyncError(code: .journalUnavailable, detail: "") }

    /// Another sync (in this or another process) holds the journal.
    public static var journalBusy: SyncError { SyncError(code: .journalBusy, detail: "") }

    /// The journal was written by a version of GoTomSync with another journal format.
    public static var journalVersionMismatch: SyncError { SyncError(code: .journalVersionMismatch, detail: "") }

    /// The failures file cannot be written.
    public static var failuresFileUnwritable: SyncError { SyncError(code: .failuresFileUnwritable, detail: "") }

    static func failuresFileUnwritable(_ detail: String) -> SyncError {
        SyncError(code: .failuresFileUnwritable, detail: detail)
    }
    static func inputUnreadable(_ detail: String) -> SyncError { SyncError(code: .inputUnreadable, detail: detail) }
    static func invalidHeader(_ detail: String) -> SyncError { SyncError(code: .invalidHeader, detail: detail) }
    static func journalUnavailable(_ detail: String) -> SyncError {
        SyncError(code: .journalUnavailable, detail: detail)
    }
    static func journalBusy(_ detail: String) -> SyncError { SyncError(code: .journalBusy, detail: detail) }
    static func journalVersionMismatch(_ detail: String) -> SyncError {
        SyncError(code: .journalVersionMismatch, detail: detail)
    }

    /// The detail, or the kind when there is none.
    public var description: String {
        guard detail.isEmpty else { return detail }
        switch code {
        case .inputUnreadable: return "the input cannot be read"
        case .invalidHeader: return "the CSV header does not fit the column mapping"
        case .journalUnavailable: return "the sync journal cannot be used"
        case .journalBusy: return "another sync is using the journal"
        case .journalVersionMismatch: return "the journal belongs to another version"
        case .failuresFileUnwritable: return "the failures file cannot be written"
        }
    }

    /// Equal when the kinds are equal.
    public static func == (lhs: SyncError, rhs: SyncError) -> Bool { lhs.code == rhs.code }

    /// Hashes the kind.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
