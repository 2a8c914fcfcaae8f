/// The 400 (and 501) body that lists what was wrong with a request.
public struct ConstraintViolationResponse: Codable, Hashable, Sendable {
    /// The violations; there can be several.
    public var errors: [ConstraintViolationItem]?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameter errors: The violations; there can be several.
    public init(errors: [ConstraintViolationItem]? = nil) {
        self.errors = errors
    }
}
