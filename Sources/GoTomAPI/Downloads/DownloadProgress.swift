/// How far a download has got.
public struct DownloadProgress: Sendable, Hashable {
    /// The bytes received so far.
    public var bytesReceived: Int64
    /// The total size from `Content-Length`, when goTom sent one.
    public var totalBytes: Int64?

    /// Creates a progress value.
    ///
    /// - Parameters:
    ///   - bytesReceived: The bytes received so far.
    ///   - totalBytes: The total, if known.
    public init(bytesReceived: Int64, totalBytes: Int64?) {
        self.bytesReceived = bytesReceived
        self.totalBytes = totalBytes
    }

    /// The share received, from 0 to 1, when the total is known.
    public var fractionCompleted: Double? {
        guard let totalBytes, totalBytes > 0 else { return nil }
        return Double(bytesReceived) / Double(totalBytes)
    }
}
