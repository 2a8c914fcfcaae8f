import Foundation
import GoTomAuth
import NIOCore

/// A request body that can be hashed for the signature and then sent, without changing in between.
///
/// File bodies are read twice in fixed-size chunks, once for the MD5 and once while uploading, so a
/// multi-gigabyte upload never sits in memory.
public enum RequestBody: Sendable, Hashable {
    /// No body: the digest is the MD5 of no bytes and nothing is sent.
    case empty
    /// A body held in memory.
    case bytes([UInt8])
    /// A body streamed from a file.
    case file(path: String)

    /// The chunk size used to read file bodies.
    static let chunkSize = 256 * 1024

    /// The MD5 digest of the body bytes.
    ///
    /// - Returns: The digest.
    /// - Throws: ``GoTomTransportError/localInput(_:)`` when a file cannot be read.
    public func digest() async throws -> BodyDigest { try await computedDigest() }

    /// ``digest()`` with its error type spelled out, for request preparation.
    package func computedDigest() async throws(GoTomTransportError) -> BodyDigest {
        switch self {
        case .empty:
            return .empty
        case .bytes(let bytes):
            return BodyDigest(bytes: bytes)
        case .file(let path):
            do {
                return try await BodyDigest.of(
                    streaming: FileChunks(path: path, chunkSize: Self.chunkSize).map(\.readableBytesView))
            } catch let error as GoTomTransportError {
                throw error
            } catch {
                throw GoTomTransportError.localInput("cannot read \(path): \(error)")
            }
        }
    }

    /// The number of bytes that will be sent.
    ///
    /// - Returns: The length.
    /// - Throws: ``GoTomTransportError/localInput(_:)`` when a file cannot be inspected.
    public func length() throws -> Int64 { try byteCount() }

    /// ``length()`` with its error type spelled out, for the transport.
    package func byteCount() throws(GoTomTransportError) -> Int64 {
        switch self {
        case .empty: return 0
        case .bytes(let bytes): return Int64(bytes.count)
        case .file(let path):
            do {
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                return (attributes[.size] as? NSNumber)?.int64Value ?? 0
            } catch {
                throw GoTomTransportError.localInput("cannot read \(path): no such file or not readable")
            }
        }
    }
}

/// Reads a file as an asynchronous sequence of byte buffers of at most `chunkSize` bytes.
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let path: String
    let chunkSize: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        let chunkSize: Int
        var handle: FileHandle?
        let path: String

        mutating func next() async throws -> ByteBuffer? {
            if handle == nil {
                guard let opened = FileHandle(forReadingAtPath: path) else {
                    throw GoTomTransportError.localInput("cannot read \(path): no such file or not readable")
                }
                handle = opened
            }
            guard let handle else { return nil }
            let data = try handle.read(upToCount: chunkSize) ?? Data()
            if data.isEmpty {
                try? handle.close()
                self.handle = nil
                return nil
            }
            return ByteBuffer(bytes: data)
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(chunkSize: chunkSize, handle: nil, path: path)
    }
}
