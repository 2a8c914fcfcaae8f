import NIOConcurrencyHelpers

/// The recent-request journal: a bounded ring in memory, shared by the request path and the control plane.
///
/// Recording takes a lock and stores a value in a preallocated slot; nothing is encoded or formatted until the
/// journal is read, so keeping it on costs the request path little.
public final class RequestJournal: Sendable {
    private struct Ring {
        var slots: [JournalEntry?]
        var next = 0
        var lastId = 0
    }

    /// How many entries are kept; older ones are overwritten. 0 turns the journal off.
    public let capacity: Int
    /// The largest body kept per entry, in bytes, or 0 when bodies are not kept.
    public let bodyLimit: Int
    private let ring: NIOLockedValueBox<Ring>

    /// Creates an empty journal.
    ///
    /// - Parameters:
    ///   - capacity: How many entries are kept; 0 records nothing.
    ///   - bodyLimit: The largest body kept per entry in bytes; 0 keeps none.
    public init(capacity: Int, bodyLimit: Int = 0) {
        self.capacity = max(0, capacity)
        self.bodyLimit = capacity > 0 ? max(0, bodyLimit) : 0
        ring = NIOLockedValueBox(Ring(slots: Array(repeating: nil, count: max(0, capacity))))
    }

    /// Records an entry and gives it the next id.
    func record(_ entry: JournalEntry) {
        guard capacity > 0 else { return }
        ring.withLockedValue { ring in
            ring.lastId += 1
            var entry = entry
            entry.id = ring.lastId
            ring.slots[ring.next] = entry
            ring.next = (ring.next + 1) % ring.slots.count
        }
    }

    /// The kept entries with an id above `since`, oldest first.
    ///
    /// - Parameter since: The last id the caller has seen; 0 for everything kept.
    /// - Returns: The entries and the id of the last one recorded so far.
    public func entries(since: Int = 0) -> (entries: [JournalEntry], lastId: Int) {
        ring.withLockedValue { ring in
            var result: [JournalEntry] = []
            let count = ring.slots.count
            for offset in 0..<count {
                if let entry = ring.slots[(ring.next + offset) % count], entry.id > since { result.append(entry) }
            }
            return (result, ring.lastId)
        }
    }

    /// Forgets every entry; ids keep increasing, so a follower never sees an id twice.
    public func clear() {
        ring.withLockedValue { ring in
            ring.slots = Array(repeating: nil, count: ring.slots.count)
            ring.next = 0
        }
    }
}
