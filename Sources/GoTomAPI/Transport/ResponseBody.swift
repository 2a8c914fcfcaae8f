import AsyncHTTPClient
import NIOCore

/// The streaming body of a ``RawResponse``: chunks of bytes, read once.
///
/// A failure while reading is a ``GoTomTransportError`` at stage ``DeliveryStage/readingResponse``.
public struct ResponseBody: AsyncSequence, Sendable {
    /// Chunks of the body as they arrive.
    public typealias Element = ByteBuffer

    private enum Storage: Sendable {
        case buffer(ByteBuffer)
        case response(HTTPClientResponse.Body)
        case sequence(@Sendable () -> ChunkReader)
    }

    private let storage: Storage

    /// An empty body.
    public init() {
        storage = .buffer(ByteBuffer())
    }

    /// A body held in memory, delivered as one chunk.
    ///
    /// - Parameter bytes: The body.
    public init(bytes: some Sequence<UInt8>) {
        storage = .buffer(ByteBuffer(bytes: bytes))
    }

    /// A body held in memory, delivered as one chunk.
    ///
    /// - Parameter text: The body as UTF-8 text.
    public init(_ text: String) {
        storage = .buffer(ByteBuffer(string: text))
    }

    /// A body read from any sequence of chunks, e.g. a transport of your own.
    ///
    /// - Parameter chunks: The chunks; an error it throws surfaces as a ``GoTomTransportError`` of stage
    ///   ``DeliveryStage/readingResponse`` unless it is one already.
    public init<Chunks: AsyncSequence & Sendable>(_ chunks: Chunks) where Chunks.Element == ByteBuffer {
        storage = .sequence {
            let iterator = IteratorBox(chunks.makeAsyncIterator())
            return ChunkReader { try await iterator.next() }
        }
    }

    init(response: HTTPClientResponse.Body) {
        storage = .response(response)
    }

    /// Iterates the chunks.
    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate enum State {
            case buffer(ByteBuffer?)
            case response(HTTPClientResponse.Body.AsyncIterator)
            case reader(ChunkReader)
        }

        fileprivate var state: State

        /// The next chunk, or `nil` at the end.
        ///
        /// - Returns: The chunk.
        /// - Throws: ``GoTomTransportError`` when the body breaks off.
        public mutating func next() async throws -> ByteBuffer? {
            do {
                switch state {
                case .buffer(let buffer):
                    state = .buffer(nil)
                    return buffer.flatMap { $0.readableBytes > 0 ? $0 : nil }
                case .response(var iterator):
                    defer { state = .response(iterator) }
                    return try await iterator.next()
                case .reader(let reader):
                    return try await reader.next()
                }
            } catch let error as GoTomTransportError {
                throw error
            } catch {
                throw HTTPTransport.classify(error, reached: .readingResponse, server: nil)
            }
        }
    }

    /// Starts reading the body.
    ///
    /// - Returns: The iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        switch storage {
        case .buffer(let buffer): AsyncIterator(state: .buffer(buffer))
        case .response(let body): AsyncIterator(state: .response(body.makeAsyncIterator()))
        case .sequence(let make): AsyncIterator(state: .reader(make()))
        }
    }

    /// Reads the whole body, failing when it is longer than `limit` bytes.
    ///
    /// - Parameter limit: The maximum number of bytes to accept.
    /// - Returns: The body bytes.
    /// - Throws: ``GoTomTransportError`` on connection failures or when the body exceeds `limit`.
    public func collect(upTo limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in self {
            guard bytes.count + chunk.readableBytes <= limit else {
                throw GoTomTransportError.localInput("response body larger than \(limit) bytes")
            }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return bytes
    }
}

/// Reads the next chunk of a type-erased sequence.
struct ChunkReader {
    let next: () async throws -> ByteBuffer?
}

/// Holds a sequence's iterator so that a closure can advance it.
private final class IteratorBox<Base: AsyncIteratorProtocol> where Base.Element == ByteBuffer {
    var base: Base
    init(_ base: Base) { self.base = base }
    func next() async throws -> ByteBuffer? { try await base.next() }
}
