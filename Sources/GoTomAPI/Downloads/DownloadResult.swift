/// A report written to disk.
public struct DownloadResult: Sendable, Hashable {
    /// The file's path.
    public var path: String
    /// The number of bytes written.
    public var byteCount: Int64
    /// The `Content-Type` goTom sent, e.g. `text/csv;charset=utf-8`.
    public var contentType: String?

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - path: The file's path.
    ///   - byteCount: The bytes written.
    ///   - contentType: The response's content type.
    public init(path: String, byteCount: Int64, contentType: String?) {
        self.path = path
        self.byteCount = byteCount
        self.contentType = contentType
    }
}
