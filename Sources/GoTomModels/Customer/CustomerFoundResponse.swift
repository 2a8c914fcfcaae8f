/// The body returned when a customer looked up by CRM id exists.
public struct CustomerFoundResponse: Codable, Hashable, Sendable {
    /// Always `true` for this body.
    public var ok: Bool

    /// The customer.
    public var customer: CustomerRead

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - ok: Always `true` for this body.
    ///   - customer: The customer.
    public init(ok: Bool = true, customer: CustomerRead) {
        self.ok = ok
        self.customer = customer
    }
}
