extension CustomerWrite {
    /// An address to add to or update on a customer.
    public struct Address: Codable, Hashable, Sendable {
        /// The address's CRM id; it decides whether the address is added or updated.
        public var externalCrmId: String

        /// Name or label of the address.
        public var title: String

        /// Company name.
        public var firm: String

        /// Postal code.
        public var zip: String

        /// Town or city.
        public var place: String

        /// Country as an ISO 3166-1 alpha-2 code, such as `CH`.
        public var country: String

        /// Department.
        public var department: String?

        /// Street.
        public var street: String?

        /// House number.
        public var number: String?

        /// Additional address line.
        public var addresstext: String?

        /// External id (an integer).
        public var externalId: Int?

        /// How invoices are sent; the instance default when left out.
        public var sendingRule: InvoiceSendingRule?

        /// E-mail addresses for invoices sent by e-mail.
        public var sendingRuleAddresses: [String]?

        /// Whether the address counts as deleted; goTom assumes false.
        public var softDeleted: Bool?

        /// Creates the value from its fields; defaults leave optional fields out.
        ///
        /// - Parameters:
        ///   - externalCrmId: The address's CRM id; it decides whether the address is added or updated.
        ///   - title: Name or label of the address.
        ///   - firm: Company name.
        ///   - zip: Postal code.
        ///   - place: Town or city.
        ///   - country: Country as an ISO 3166-1 alpha-2 code, such as `CH`.
        ///   - department: Department.
        ///   - street: Street.
        ///   - number: House number.
        ///   - addresstext: Additional address line.
        ///   - externalId: External id (an integer).
        ///   - sendingRule: How invoices are sent; the instance default when left out.
        ///   - sendingRuleAddresses: E-mail addresses for invoices sent by e-mail.
        ///   - softDeleted: Whether the address counts as deleted; goTom assumes false.
        public init(
            externalCrmId: String,
            title: String,
            firm: String,
            zip: String,
            place: String,
            country: String,
            department: String? = nil,
            street: String? = nil,
            number: String? = nil,
            addresstext: String? = nil,
            externalId: Int? = nil,
            sendingRule: InvoiceSendingRule? = nil,
            sendingRuleAddresses: [String]? = nil,
            softDeleted: Bool? = nil
        ) {
            self.externalCrmId = externalCrmId
            self.title = title
            self.firm = firm
            self.zip = zip
            self.place = place
            self.country = country
            self.department = department
            self.street = street
            self.number = number
            self.addresstext = addresstext
            self.externalId = externalId
            self.sendingRule = sendingRule
            self.sendingRuleAddresses = sendingRuleAddresses
            self.softDeleted = softDeleted
        }
    }
}

extension CustomerWrite {
    /// Points at the customer's main address.
    public struct MainAddress: Codable, Hashable, Sendable {
        /// CRM id of the main address; an unknown id creates an empty address.
        public var externalCrmId: String

        /// Creates the value from its fields.
        ///
        /// - Parameter externalCrmId: CRM id of the main address; an unknown id creates an empty address.
        public init(externalCrmId: String) {
            self.externalCrmId = externalCrmId
        }
    }
}
