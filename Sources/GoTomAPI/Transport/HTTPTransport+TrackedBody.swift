import AsyncHTTPClient
import NIOConcurrencyHelpers
import NIOCore

extension HTTPTransport {
    /// How far a request with a body got, as its body reports it while AsyncHTTPClient pulls it.
    ///
    /// AsyncHTTPClient starts pulling a body right after it wrote the request head, and pulls the next chunk once
    /// the previous one is handed to the connection, so the body marks both "head written" and "completely
    /// written". A request without a body has no such marks (see ``HTTPTransport``).
    final class DeliveryProgress: Sendable {
        private let stage = NIOLockedValueBox(DeliveryStage.connecting)

        /// The stage reached so far.
        var reached: DeliveryStage { stage.withLockedValue { $0 } }

        /// Records that the request got to `next`.
        func reach(_ next: DeliveryStage) {
            stage.withLockedValue { $0 = next }
        }
    }

    /// A request body that records the ``DeliveryStage`` in a ``DeliveryProgress`` as AsyncHTTPClient reads it.
    ///
    /// Creating the iterator means the head was written; the end of the body means every byte was handed to the
    /// connection. The last chunk may still sit in the connection's buffer at that point, and a failure then counts
    /// as possibly delivered: the side on which a create is never sent twice.
    struct TrackedBody: AsyncSequence, Sendable {
        typealias Element = ByteBuffer

        enum Source: Sendable {
            case bytes(ByteBuffer)
            case file(FileChunks)
        }

        /// The size of the slices an in-memory body is handed over in; small enough that "handed over" stays close
        /// to "written".
        static let sliceSize = 64 * 1024

        let source: Source
        let progress: DeliveryProgress

        struct AsyncIterator: AsyncIteratorProtocol {
            fileprivate enum State {
                case bytes(ByteBuffer)
                case file(FileChunks.AsyncIterator)
                case finished
            }

            fileprivate var state: State
            let progress: DeliveryProgress

            mutating func next() async throws -> ByteBuffer? {
                let chunk: ByteBuffer?
                switch state {
                case .bytes(var remaining):
                    chunk = remaining.readSlice(length: Swift.min(remaining.readableBytes, TrackedBody.sliceSize))
                    state = remaining.readableBytes > 0 ? .bytes(remaining) : .finished
                case .file(var iterator):
                    chunk = try await iterator.next()
                    state = .file(iterator)
                case .finished:
                    chunk = nil
                }
                guard let chunk, chunk.readableBytes > 0 else {
                    state = .finished
                    progress.reach(.awaitingResponse)
                    return nil
                }
                return chunk
            }
        }

        func makeAsyncIterator() -> AsyncIterator {
            progress.reach(.writingRequest)
            switch source {
            case .bytes(let buffer): return AsyncIterator(state: .bytes(buffer), progress: progress)
            case .file(let chunks): return AsyncIterator(state: .file(chunks.makeAsyncIterator()), progress: progress)
            }
        }
    }
}
