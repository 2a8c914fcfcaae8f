import Foundation

extension CustomerRead {
    /// The CRM pipeline stage of a customer.
    public struct PipelineStatus: Codable, Hashable, Sendable {
        /// CRM id of the pipeline status, as set up in goTom's admin center.
        public var externalCrmId: String?

        /// Creates the value from its fields; defaults leave optional fields out.
        ///
        /// - Parameter externalCrmId: CRM id of the pipeline status, as set up in goTom's admin center.
        public init(externalCrmId: String? = nil) {
            self.externalCrmId = externalCrmId
        }
    }
}

extension CustomerRead {
    /// The industry of a customer; industries are shared between customers.
    public struct Industry: Codable, Hashable, Sendable {
        /// CRM id of the industry.
        public var externalCrmId: String?

        /// Name of the industry.
        public var name: String

        /// Creates the value from its fields.
        ///
        /// - Parameters:
        ///   - externalCrmId: CRM id of the industry.
        ///   - name: Name of the industry.
        public init(externalCrmId: String?, name: String) {
            self.externalCrmId = externalCrmId
            self.name = name
        }

        private enum CodingKeys: String, CodingKey {
            case externalCrmId
            case name
        }

        /// Decodes the value; keys the spec requires must be present, even when their value is `null`.
        ///
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: `DecodingError` when a required key is missing or a value has the wrong type.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            externalCrmId = try container.decodeNullable(String.self, forKey: .externalCrmId)
            name = try container.decode(String.self, forKey: .name)
        }

        /// Encodes the value, writing `null` for unset required keys and leaving unset optional keys out.
        ///
        /// - Parameter encoder: The encoder to write to.
        /// - Throws: `EncodingError` from a field.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeNullable(externalCrmId, forKey: .externalCrmId)
            try container.encode(name, forKey: .name)
        }
    }
}

extension CustomerRead {
    /// A tag on a customer; tags are shared between customers.
    public struct Tag: Codable, Hashable, Sendable {
        /// CRM id of the tag.
        public var externalCrmId: String?

        /// Name of the tag.
        public var name: String

        /// Creates the value from its fields.
        ///
        /// - Parameters:
        ///   - externalCrmId: CRM id of the tag.
        ///   - name: Name of the tag.
        public init(externalCrmId: String?, name: String) {
            self.externalCrmId = externalCrmId
            self.name = name
        }

        private enum CodingKeys: String, CodingKey {
            case externalCrmId
            case name
        }

        /// Decodes the value; keys the spec requires must be present, even when their value is `null`.
        ///
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: `DecodingError` when a required key is missing or a value has the wrong type.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            externalCrmId = try container.decodeNullable(String.self, forKey: .externalCrmId)
            name = try container.decode(String.self, forKey: .name)
        }

        /// Encodes the value, writing `null` for unset required keys and leaving unset optional keys out.
        ///
        /// - Parameter encoder: The encoder to write to.
        /// - Throws: `EncodingError` from a field.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeNullable(externalCrmId, forKey: .externalCrmId)
            try container.encode(name, forKey: .name)
        }
    }
}

extension CustomerRead {
    /// A reference from a customer to another system.
    public struct Reference: Codable, Hashable, Sendable {
        /// CRM id of the reference.
        public var externalCrmId: String

        /// Kind of reference.
        public var referenceType: String

        /// The referenced value.
        public var referenceValue: String

        /// Creates the value from its fields.
        ///
        /// - Parameters:
        ///   - externalCrmId: CRM id of the reference.
        ///   - referenceType: Kind of reference.
        ///   - referenceValue: The referenced value.
        public init(externalCrmId: String, referenceType: String, referenceValue: String) {
            self.externalCrmId = externalCrmId
            self.referenceType = referenceType
            self.referenceValue = referenceValue
        }
    }
}

extension CustomerRead {
    /// A discount goTom applies automatically to a customer's campaigns.
    public struct DefaultDiscount: Codable, Hashable, Sendable {
        /// Name of the discount.
        public var name: String

        /// The discount in percent.
        public var percent: Decimal

        /// Creates the value from its fields.
        ///
        /// - Parameters:
        ///   - name: Name of the discount.
        ///   - percent: The discount in percent.
        public init(name: String, percent: Decimal) {
            self.name = name
            self.percent = percent
        }
    }
}
