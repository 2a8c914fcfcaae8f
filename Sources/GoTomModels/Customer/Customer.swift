/// The body of the CRM-sync upsert: a customer record wrapped in `customer`.
public struct Customer: Codable, Hashable, Sendable {
    /// The record to create or update.
    public var customer: CustomerWrite?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameter customer: The record to create or update.
    public init(customer: CustomerWrite? = nil) {
        self.customer = customer
    }
}
