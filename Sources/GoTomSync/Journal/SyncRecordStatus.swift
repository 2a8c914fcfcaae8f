/// Where a journaled record stands.
public enum SyncRecordState: Int, Sendable, CaseIterable {
    /// Not sent yet.
    case pending = 0
    /// Handed to a sender; the answer has not been recorded. Sent again by the next run.
    case sending = 1
    /// goTom applied it (200, or a finished 202 job).
    case done = 2
    /// goTom rejected it (400 data error, violations, a failed job).
    case failed = 3
    /// goTom queued it (202); its job is followed up through the error-log endpoint.
    case waiting = 4
    /// The input record is unreadable or incomplete; it is never sent.
    case invalid = 5
}

/// One journaled record's state.
public struct SyncRecordStatus: Sendable, Equatable {
    /// Its position in the input.
    public var position: Int
    /// Its externalCrmId.
    public var crmId: String
    /// Where it stands.
    public var state: SyncRecordState
    /// Whether the customer existed in goTom before the record was first sent (`nil`: not sent yet).
    public var existedBefore: Bool?
    /// The CRM job of a 202 answer.
    public var jobId: Int?
    /// How often it was handed to a sender, over all runs.
    public var attempts: Int
    /// For a failed record, goTom's reason, message and violations as a JSON object; for an invalid one, the problem.
    public var details: String?
}

/// A failed or invalid record, as the failures file lists it.
public struct SyncFailure: Sendable, Equatable {
    /// Its position in the input.
    public var position: Int
    /// Its externalCrmId (`""` when unreadable).
    public var crmId: String
    /// The record as sent (canonical JSON), or the input as written when it is invalid.
    public var body: String
    /// Whether the check refused it before sending (else goTom rejected it).
    public var isInvalid: Bool
    /// For a rejected record, a JSON object with `reason`, `message`, `status`, `jobId` and `violations`; for an
    /// invalid one, the problem.
    public var details: String?
}

/// Record counts by outcome, over the whole input (earlier runs included).
public struct SyncCounts: Sendable, Equatable {
    /// All records, invalid ones included.
    public var records = 0
    /// Applied by goTom; the customer did not exist before.
    public var created = 0
    /// Applied by goTom; the customer existed before (or that could not be told).
    public var updated = 0
    /// Rejected by goTom, or invalid.
    public var failed = 0
    /// Not acknowledged yet: not sent, not answered, or a queued job still running.
    public var pending = 0

    /// Counts with every value zero.
    public init() {}
}

/// What loading an input into the journal read.
public struct SyncLoadSummary: Sendable, Equatable {
    /// How many problems are kept in ``problems``.
    static let keptProblems = 100

    /// Records read.
    public var records = 0
    /// Records that cannot be sent.
    public var invalid = 0
    /// The first problems, each naming the record's line (or position) and field.
    public var problems: [String] = []

    /// A summary of nothing read yet.
    public init() {}

    /// Counts a record read, keeping its problem among the first ones.
    package mutating func note(_ record: SyncRecord) {
        records += 1
        guard let problem = record.problem else { return }
        invalid += 1
        if problems.count < Self.keptProblems { problems.append(problem) }
    }
}
