import Crypto

/// The MD5 digest of a request body, the second line of the signed message.
///
/// goTom hashes the raw body bytes with MD5 and signs the lowercase hex form. Bodies can be large (file
/// uploads), so the digest can be computed incrementally with ``BodyDigester`` while the body streams past.
public struct BodyDigest: Sendable, Hashable, CustomStringConvertible {
    /// The lowercase hexadecimal digest, 32 characters.
    public let hex: String

    /// The digest of an empty body (`d41d8cd98f00b204e9800998ecf8427e`), used for GET requests.
    public static let empty = BodyDigest(bytes: [UInt8]())

    /// Computes the digest of a complete body held in memory.
    ///
    /// - Parameter bytes: The body bytes exactly as they are sent.
    public init(bytes: some Sequence<UInt8>) {
        var digester = BodyDigester()
        digester.update(Array(bytes))
        self = digester.finalize()
    }

    /// Computes the digest of a body given as a string, hashed as its UTF-8 bytes.
    ///
    /// - Parameter text: The body text.
    public init(utf8 text: String) {
        var digester = BodyDigester()
        digester.update(Array(text.utf8))
        self = digester.finalize()
    }

    /// Wraps a digest that was computed elsewhere, after checking it is 32 lowercase hex digits.
    ///
    /// - Parameter hex: The lowercase hexadecimal digest.
    /// - Returns: `nil` when `hex` is not a 32-digit lowercase hexadecimal string.
    public init?(hex: String) {
        guard hex.utf8.count == 32, hex.utf8.allSatisfy({ Hex.isLowercaseDigit($0) }) else { return nil }
        self.hex = hex
    }

    init(uncheckedHex: String) {
        self.hex = uncheckedHex
    }

    /// The hexadecimal digest.
    public var description: String { hex }

    /// Computes the digest of a body that arrives as a stream of chunks, never holding more than one chunk.
    ///
    /// - Parameter chunks: The body as an asynchronous sequence of byte chunks.
    /// - Returns: The digest of all chunks concatenated.
    /// - Throws: Whatever the sequence throws.
    public static func of<Chunks: AsyncSequence>(
        streaming chunks: Chunks
    ) async throws -> BodyDigest where Chunks.Element: Collection<UInt8> {
        var digester = BodyDigester()
        for try await chunk in chunks {
            digester.update(chunk)
        }
        return digester.finalize()
    }
}

/// Computes a ``BodyDigest`` incrementally, one chunk at a time.
///
/// Feed it the body as it is read from a file or socket, so a multi-gigabyte upload is hashed in constant memory.
public struct BodyDigester: Sendable {
    private var md5 = Insecure.MD5()
    /// The number of bytes hashed so far.
    public private(set) var byteCount: Int64 = 0

    /// Creates a digester that has seen no bytes.
    public init() {}

    /// Adds the next chunk of the body.
    ///
    /// - Parameter chunk: Body bytes that follow those already added.
    public mutating func update(_ chunk: some Collection<UInt8>) {
        byteCount += Int64(chunk.count)
        if let done = chunk.withContiguousStorageIfAvailable({ md5.update(bufferPointer: UnsafeRawBufferPointer($0)) })
        {
            return done
        }
        md5.update(data: Array(chunk))
    }

    /// Finishes hashing and returns the digest of everything added.
    ///
    /// - Returns: The digest.
    public func finalize() -> BodyDigest {
        let digest = md5.finalize()
        return digest.withUnsafeBytes { BodyDigest(uncheckedHex: Hex.lowercase($0)) }
    }
}
