import Foundation
import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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
    public init(destination: String) throws {
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
    public mutating func write(_ chunk: ByteBuffer) throws {
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
    /// - Parameter replacingExisting: Whether a file at the destination is replaced. With `false` the file is
    ///   hard-linked into place, which fails if the destination exists at that moment, so a file that appeared
    ///   after the caller checked for it is not overwritten. (On a file system without hard links the destination
    ///   is checked just before an ordinary rename, which leaves a short window.)
    /// - Throws: ``GoTomError/fileSystem`` when flushing or renaming fails, or when the destination exists and
    ///   `replacingExisting` is `false`; the temporary file is then removed and the destination left as it was.
    public mutating func commit(replacingExisting: Bool = true) throws {
        guard fsync(descriptor) == 0 else {
            let error = Self.failure("cannot flush \(temporaryPath)")
            discard()
            throw error
        }
        close(descriptor)
        descriptor = -1
        guard moveIntoPlace(replacingExisting: replacingExisting) else {
            let error = Self.failure("cannot move the download to \(destination)")
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

    /// Renames (or, without replacing, hard-links and unlinks) the temporary file to the destination; `errno`
    /// tells why when it returns `false`.
    private func moveIntoPlace(replacingExisting: Bool) -> Bool {
        if replacingExisting { return rename(temporaryPath, destination) == 0 }
        if link(temporaryPath, destination) == 0 {
            unlink(temporaryPath)
            return true
        }
        // File systems without hard links: check, then rename (a file created in between would be replaced).
        guard errno == EPERM || errno == EOPNOTSUPP || errno == EXDEV || errno == EMLINK else { return false }
        if access(destination, F_OK) == 0 {
            errno = EEXIST
            return false
        }
        return rename(temporaryPath, destination) == 0
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
