extension CustomerRead {
    /// An address of a customer as goTom returns it.
    public struct Address: Codable, Hashable, Sendable {
        /// The address's CRM id.
        public var externalCrmId: String

        /// Name or label of the address.
        public var title: String

        /// Company name.
        public var firm: String

        /// Department.
        public var department: String

        /// Street.
        public var street: String

        /// House number.
        public var number: String

        /// Additional address line.
        public var addresstext: String

        /// Postal code.
        public var zip: String

        /// Town or city.
        public var place: String

        /// Country as an ISO 3166-1 alpha-2 code, such as `CH`.
        public var country: String

        /// External id; an integer here, unlike the customer's string `externalId`.
        public var externalId: Int?

        /// How invoices are sent; nil means the instance default.
        public var sendingRule: InvoiceSendingRule?

        /// E-mail addresses for invoices sent by e-mail.
        public var sendingRuleAddresses: [String]?

        /// Whether the address counts as deleted.
        public var softDeleted: Bool

        /// Creates the value from its fields.
        ///
        /// - Parameters:
        ///   - externalCrmId: The address's CRM id.
        ///   - title: Name or label of the address.
        ///   - firm: Company name.
        ///   - department: Department.
        ///   - street: Street.
        ///   - number: House number.
        ///   - addresstext: Additional address line.
        ///   - zip: Postal code.
        ///   - place: Town or city.
        ///   - country: Country as an ISO 3166-1 alpha-2 code, such as `CH`.
        ///   - externalId: External id; an integer here, unlike the customer's string `externalId`.
        ///   - sendingRule: How invoices are sent; nil means the instance default.
        ///   - sendingRuleAddresses: E-mail addresses for invoices sent by e-mail.
        ///   - softDeleted: Whether the address counts as deleted.
        public init(
            externalCrmId: String,
            title: String,
            firm: String,
            department: String,
            street: String,
            number: String,
            addresstext: String,
            zip: String,
            place: String,
            country: String,
            externalId: Int?,
            sendingRule: InvoiceSendingRule?,
            sendingRuleAddresses: [String]?,
            softDeleted: Bool
        ) {
            self.externalCrmId = externalCrmId
            self.title = title
            self.firm = firm
            self.department = department
            self.street = street
            self.number = number
            self.addresstext = addresstext
            self.zip = zip
            self.place = place
            self.country = country
            self.externalId = externalId
            self.sendingRule = sendingRule
            self.sendingRuleAddresses = sendingRuleAddresses
            self.softDeleted = softDeleted
        }

        private enum CodingKeys: String, CodingKey {
            case externalCrmId
            case title
            case firm
            case department
            case street
            case number
            case addresstext
            case zip
            case place
            case country
            case externalId
            case sendingRule
            case sendingRuleAddresses
            case softDeleted
        }

        /// Decodes the value; keys the spec requires must be present, even when their value is `null`.
        ///
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: `DecodingError` when a required key is missing or a value has the wrong type.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            externalCrmId = try container.decode(String.self, forKey: .externalCrmId)
            title = try container.decode(String.self, forKey: .title)
            firm = try container.decode(String.self, forKey: .firm)
            department = try container.decode(String.self, forKey: .department)
            street = try container.decode(String.self, forKey: .street)
            number = try container.decode(String.self, forKey: .number)
            addresstext = try container.decode(String.self, forKey: .addresstext)
            zip = try container.decode(String.self, forKey: .zip)
            place = try container.decode(String.self, forKey: .place)
            country = try container.decode(String.self, forKey: .country)
            externalId = try container.decodeNullable(Int.self, forKey: .externalId)
            sendingRule = try container.decodeNullable(InvoiceSendingRule.self, forKey: .sendingRule)
            sendingRuleAddresses = try container.decodeNullable([String].self, forKey: .sendingRuleAddresses)
            softDeleted = try container.decode(Bool.self, forKey: .softDeleted)
        }

        /// Encodes the value, writing `null` for unset required keys and leaving unset optional keys out.
        ///
        /// - Parameter encoder: The encoder to write to.
        /// - Throws: `EncodingError` from a field.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(externalCrmId, forKey: .externalCrmId)
            try container.encode(title, forKey: .title)
            try container.encode(firm, forKey: .firm)
            try container.encode(department, forKey: .department)
            try container.encode(street, forKey: .street)
            try container.encode(number, forKey: .number)
            try container.encode(addresstext, forKey: .addresstext)
            try container.encode(zip, forKey: .zip)
            try container.encode(place, forKey: .place)
            try container.encode(country, forKey: .country)
            try container.encodeNullable(externalId, forKey: .externalId)
            try container.encodeNullable(sendingRule, forKey: .sendingRule)
            try container.encodeNullable(sendingRuleAddresses, forKey: .sendingRuleAddresses)
            try container.encode(softDeleted, forKey: .softDeleted)
        }
    }
}

extension CustomerRead {
    /// Points at the customer's main address.
    public struct MainAddress: Codable, Hashable, Sendable {
        /// CRM id of the main address.
        public var externalCrmId: String?

        /// Creates the value from its fields.
        ///
        /// - Parameter externalCrmId: CRM id of the main address.
        public init(externalCrmId: String?) {
            self.externalCrmId = externalCrmId
        }

        private enum CodingKeys: String, CodingKey {
            case externalCrmId
        }

        /// Decodes the value; keys the spec requires must be present, even when their value is `null`.
        ///
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: `DecodingError` when a required key is missing or a value has the wrong type.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            externalCrmId = try container.decodeNullable(String.self, forKey: .externalCrmId)
        }

        /// Encodes the value, writing `null` for unset required keys and leaving unset optional keys out.
        ///
        /// - Parameter encoder: The encoder to write to.
        /// - Throws: `EncodingError` from a field.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeNullable(externalCrmId, forKey: .externalCrmId)
        }
    }
}
