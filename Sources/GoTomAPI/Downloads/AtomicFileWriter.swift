#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import NIOCore

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Musl)
    private let systemWrite = Musl.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif

/// Writes a download to a temporary file next to its destination and renames it into place only when it is
/// complete and flushed, so no truncated file ever exists under the destination's name.
///
/// The temporary file is `.<name>.<random>.part` in the destination's directory (same file system, so the
/// rename is atomic). ``discard()`` removes it after a failure or cancellation.
public struct AtomicFileWriter {
    /// The final path.
    public let destination: String
    /// The temporary path written to.
    public let temporaryPath: String
    private var descriptor: Int32
    /// The bytes written so far.
    public private(set) var byteCount: Int64 = 0

    /// Creates the temporary file.
    ///
    /// - Parameter destination: The final path.
    /// - Throws: ``GoTomError/fileSystem`` when the file cannot be created.
    public init(destination: String) throws(GoTomError) {
        let url = URL(fileURLWithPath: destination)
        let directory = url.deletingLastPathComponent().path
        let suffix = UUID().uuidString.prefix(8).lowercased()
        self.destination = destination
        self.temporaryPath = "\(directory)/.\(url.lastPathComponent).\(suffix).part"
        self.descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Self.failure("cannot create a temporary file in \(directory)")
        }
    }

    /// Appends a chunk.
    ///
    /// - Parameter chunk: The bytes.
    /// - Throws: ``GoTomError/fileSystem`` when the write fails (e.g. the disk is full).
    public mutating func write(_ chunk: ByteBuffer) throws(GoTomError) {
        let descriptor = self.descriptor
        let failed = chunk.withUnsafeReadableBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                offset += written
            }
            return false
        }
        if failed { throw Self.failure("cannot write \(temporaryPath)") }
        byteCount += Int64(chunk.readableBytes)
    }

    /// Flushes the file to disk and renames it to the destination.
    ///
    /// - Throws: ``GoTomError/fileSystem`` when flushing or renaming fails; the temporary file is then removed.
    public mutating func commit() throws(GoTomError) {
        guard fsync(descriptor) == 0 else {
            let error = Self.failure("cannot flush \(temporaryPath)")
            discard()
            throw error
        }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, destination) == 0 else {
            let error = Self.failure("cannot rename the download to \(destination)")
            discard()
            throw error
        }
        // Persist the rename itself; failure here does not undo a complete file.
        let directory = open(URL(fileURLWithPath: destination).deletingLastPathComponent().path, O_RDONLY)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }

    /// Closes and removes the temporary file.
    public mutating func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(temporaryPath)
    }

    private static func failure(_ what: String) -> GoTomError {
        let reason = String(cString: strerror(errno))
        return GoTomError.make(.fileSystem, detail: "\(what): \(reason)")
    }
}
