/// A loadable error struct with two stored properties, one of them non-trivial: the shape that crashes.
public struct LibraryError: Error {
    /// An HTTP-like status.
    public var status: Int?
    /// A second stored property, non-trivial (the crash needs it).
    public var message: String?

    /// An error with a status and no message.
    public init(status: Int?) { self.status = status }
}

/// Throws the error through typed throws.
public func failingCall() throws(LibraryError) {
    throw LibraryError(status: 400)
}
