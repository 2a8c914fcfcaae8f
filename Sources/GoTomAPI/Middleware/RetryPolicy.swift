/// When and how often a failed request is sent again.
///
/// Retries happen on connection failures and on the statuses in ``retryableStatuses`` (429, 502, 503 and 504
/// by default), with exponential backoff and jitter, or after the delay of a `Retry-After` header (seconds or
/// an HTTP date). Each attempt is signed afresh with a new `Date`.
///
/// Only requests that are safe to repeat are retried after they may have reached goTom:
/// - every `GET` (all reads, pages and report downloads) and every `DELETE`;
/// - updates that set absolute values: `campaigns.update`, `campaigns.setArchiveStatus`,
///   `campaigns.setCommissionStatus`, `flights.update` (unless it carries `adServerPushChanges`, which
///   triggers a push), `flights.setSublines`, `flights.setCommission`, `campaignDiscounts.update`,
///   `flightDiscounts.update` and `customers.upsert` (keyed by `externalCrmId`).
///
/// Creates (`campaigns.create`, `flights.create`, `campaignDiscounts.create`, `flightDiscounts.create`) and
/// `campaigns.addDocument` are sent again only when the connection failed before the request could be
/// delivered, unless ``retryCreates`` is set. A re-sent create that goTom answers with its
/// "externalId already used" violation fails with ``GoTomError/externalIdAlreadyInUse``, which usually means
/// the first attempt succeeded. `addDocument` has no externalId, so opting in may store a document twice.
public struct RetryPolicy: Sendable, Hashable {
    /// The most times a request is sent, the first attempt included; 1 disables retries.
    public var maxAttempts: Int
    /// The most time one operation may take across all attempts and waits; no retry starts that would
    /// exceed it.
    public var totalBudget: Duration
    /// The wait before the first retry, before jitter.
    public var initialDelay: Duration
    /// The longest backoff wait, before jitter (a longer `Retry-After` is honoured within ``totalBudget``).
    public var maxDelay: Duration
    /// The factor by which the wait grows with each retry.
    public var multiplier: Double
    /// The share of each wait that is random, from 0 (none) to 1 (anything between zero and the full wait).
    public var jitter: Double
    /// The HTTP statuses that are retried.
    public var retryableStatuses: Set<Int>
    /// Whether creates may be sent again after they may have reached goTom.
    public var retryCreates: Bool

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - maxAttempts: The most attempts, the first included (4 by default).
    ///   - totalBudget: The time budget for all attempts (30 seconds by default).
    ///   - initialDelay: The first backoff wait (250 ms by default).
    ///   - maxDelay: The longest backoff wait (8 seconds by default).
    ///   - multiplier: The growth factor (2 by default).
    ///   - jitter: The random share of each wait, 0...1 (0.5 by default).
    ///   - retryableStatuses: The statuses to retry (429, 502, 503, 504 by default).
    ///   - retryCreates: Whether to re-send creates that may have reached goTom (`false` by default).
    public init(
        maxAttempts: Int = 4,
        totalBudget: Duration = .seconds(30),
        initialDelay: Duration = .milliseconds(250),
        maxDelay: Duration = .seconds(8),
        multiplier: Double = 2,
        jitter: Double = 0.5,
        retryableStatuses: Set<Int> = [429, 502, 503, 504],
        retryCreates: Bool = false
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.totalBudget = totalBudget
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.multiplier = multiplier
        self.jitter = min(1, max(0, jitter))
        self.retryableStatuses = retryableStatuses
        self.retryCreates = retryCreates
    }

    /// The default policy: 4 attempts within 30 seconds, creates not re-sent.
    public static let `default` = RetryPolicy()

    /// No retries at all (the clock-skew correction still re-sends once).
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The backoff wait before retry number `retry` (1 for the first retry).
    ///
    /// - Parameters:
    ///   - retry: The retry number, starting at 1.
    ///   - random: A value in `0..<1` that picks the jittered share.
    /// - Returns: The wait.
    package func backoff(retry: Int, random: Double) -> Duration {
        var delay = initialDelay
        for _ in 1..<max(1, retry) {
            delay = delay * multiplier
            if delay >= maxDelay { break }
        }
        delay = min(delay, maxDelay)
        return delay * (1 - jitter * min(max(random, 0), 1))
    }
}
