/// A loadable error struct with two stored properties, one of them non-trivial: the shape that crashes.
public struct LibraryError: Error {
    public var status: Int?
    public var message: String?

    public init(status: Int?) { self.status = status }
}

/// Throws the error through typed throws.
public func failingCall() throws(LibraryError) {
    throw LibraryError(status: 400)
}
