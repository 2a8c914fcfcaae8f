import Foundation

/// The payment term of a customer.
///
/// Read and write differ only in that reading allows `null` for the last three fields.
public struct CustomerPaymentTerm: Codable, Hashable, Sendable {
    /// CRM id of the payment term; terms are shared between customers.
    public var externalCrmId: String

    /// Days until an invoice is due.
    public var days: Int?

    /// The name of the term.
    public var name: String?

    /// Days within which the cash discount applies.
    public var cashDiscountDays: Int?

    /// The cash discount in percent.
    public var cashDiscountPercent: Decimal?

    /// Invoice text per language.
    public var billingPhrases: BillingPhrases?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - externalCrmId: CRM id of the payment term; terms are shared between customers.
    ///   - days: Days until an invoice is due.
    ///   - name: The name of the term.
    ///   - cashDiscountDays: Days within which the cash discount applies.
    ///   - cashDiscountPercent: The cash discount in percent.
    ///   - billingPhrases: Invoice text per language.
    public init(
        externalCrmId: String,
        days: Int? = nil,
        name: String? = nil,
        cashDiscountDays: Int? = nil,
        cashDiscountPercent: Decimal? = nil,
        billingPhrases: BillingPhrases? = nil
    ) {
        self.externalCrmId = externalCrmId
        self.days = days
        self.name = name
        self.cashDiscountDays = cashDiscountDays
        self.cashDiscountPercent = cashDiscountPercent
        self.billingPhrases = billingPhrases
    }
}
