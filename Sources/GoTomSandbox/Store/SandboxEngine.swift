import Foundation
import Logging

/// Owns the in-memory tenant and makes every change durable before the request that made it is answered.
///
/// Operations run one at a time on the actor and change the state synchronously, so checks and writes of one
/// request never interleave with another's. Their journaled changes are then committed to SQLite in order;
/// requests that arrive while a commit is running are grouped into the next one.
actor SandboxEngine {
    private var state: SandboxState
    let store: SandboxStore
    private let logger: Logger
    private var pending: [StoreChange] = []
    private var startedFlushes = 0
    private var finishedFlushes = 0
    private var failedFlushes: [Int: String] = [:]
    private var inFlight: Task<Void, Never>?

    init(state: SandboxState, store: SandboxStore, logger: Logger) {
        self.state = state
        self.store = store
        self.logger = logger
    }

    /// Runs an operation on the state and waits until its changes are committed.
    ///
    /// - Parameter operation: Reads and changes the state in place. To leave no trace of a rejected request it
    ///   either checks everything before changing anything or rolls its change back (see
    ///   ``SandboxHandlers/change(_:)``); only the journal entries left when it returns are committed.
    /// - Returns: The operation's result, or a 500 reply if the commit failed.
    func perform(_ operation: @Sendable (inout SandboxState) -> SandboxReply) async -> SandboxReply {
        let reply = operation(&state)
        let changes = state.takeJournal()
        guard !changes.isEmpty else { return reply }
        if let failure = await commit(changes) {
            logger.error("sandbox store write failed", metadata: ["gotom.error": "\(failure)"])
            return .internalError
        }
        return reply
    }

    /// Replaces the whole state with `fresh` and the stored data with its journal, in one transaction.
    ///
    /// Requests are answered one at a time on the actor, so none sees a half-reset tenant; writes answered
    /// before the reset are committed before it (the store applies batches in order).
    ///
    /// - Parameter fresh: The start-up state, with its seeding still in the journal.
    /// - Returns: Whether the store took the reset.
    func reset(to fresh: SandboxState) async -> Bool {
        var fresh = fresh
        let seeded = fresh.takeJournal()
        state = fresh
        if let failure = await commit([.clearAll] + seeded) {
            logger.error("sandbox store reset failed", metadata: ["gotom.error": "\(failure)"])
            return false
        }
        return true
    }

    /// Reads the state without changing it.
    func read<Value: Sendable>(_ body: @Sendable (SandboxState) -> Value) -> Value {
        body(state)
    }

    /// Waits until every pending change is committed (used at shutdown).
    func flush() async {
        while let running = inFlight { await running.value }
        if !pending.isEmpty { _ = await commit([]) }
    }

    /// Queues changes and returns once the flush that contains them is done; `nil` on success.
    private func commit(_ changes: [StoreChange]) async -> String? {
        pending.append(contentsOf: changes)
        let myFlush = startedFlushes + 1
        while finishedFlushes < myFlush {
            if let running = inFlight {
                await running.value
                continue
            }
            startedFlushes += 1
            let number = startedFlushes
            let batch = pending
            pending = []
            let store = self.store
            // The task runs on this actor and records the outcome before it completes, so every waiter that
            // resumes from `value` already sees the flush as finished.
            inFlight = Task<Void, Never> {
                do {
                    try await store.apply(batch)
                } catch {
                    self.failedFlushes[number] = "\(error)"
                }
                self.finishedFlushes = number
                self.inFlight = nil
            }
        }
        return failedFlushes[myFlush]
    }
}
