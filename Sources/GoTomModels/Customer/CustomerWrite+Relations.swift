extension CustomerWrite {
    /// The CRM pipeline stage to give a customer.
    public struct PipelineStatus: Codable, Hashable, Sendable {
        /// CRM id of the pipeline status, as set up in goTom's admin center.
        public var externalCrmId: String

        /// Creates the value from its fields.
        ///
        /// - Parameter externalCrmId: CRM id of the pipeline status, as set up in goTom's admin center.
        public init(externalCrmId: String) {
            self.externalCrmId = externalCrmId
        }
    }
}

extension CustomerWrite {
    /// The industry to link a customer to.
    public struct Industry: Codable, Hashable, Sendable {
        /// CRM id of the industry.
        public var externalCrmId: String

        /// A new name for the industry, applied for every customer.
        public var name: String?

        /// Creates the value from its fields; defaults leave optional fields out.
        ///
        /// - Parameters:
        ///   - externalCrmId: CRM id of the industry.
        ///   - name: A new name for the industry, applied for every customer.
        public init(externalCrmId: String, name: String? = nil) {
            self.externalCrmId = externalCrmId
            self.name = name
        }
    }
}

extension CustomerWrite {
    /// A tag to put on a customer.
    public struct Tag: Codable, Hashable, Sendable {
        /// CRM id of the tag.
        public var externalCrmId: String

        /// A new name for the tag, applied for every customer.
        public var name: String?

        /// Creates the value from its fields; defaults leave optional fields out.
        ///
        /// - Parameters:
        ///   - externalCrmId: CRM id of the tag.
        ///   - name: A new name for the tag, applied for every customer.
        public init(externalCrmId: String, name: String? = nil) {
            self.externalCrmId = externalCrmId
            self.name = name
        }
    }
}

extension CustomerWrite {
    /// A reference from a customer to another system.
    public struct Reference: Codable, Hashable, Sendable {
        /// CRM id of the reference.
        public var externalCrmId: String

        /// Kind of reference.
        public var referenceType: String?

        /// The referenced value.
        public var referenceValue: String?

        /// Creates the value from its fields; defaults leave optional fields out.
        ///
        /// - Parameters:
        ///   - externalCrmId: CRM id of the reference.
        ///   - referenceType: Kind of reference.
        ///   - referenceValue: The referenced value.
        public init(externalCrmId: String, referenceType: String? = nil, referenceValue: String? = nil) {
            self.externalCrmId = externalCrmId
            self.referenceType = referenceType
            self.referenceValue = referenceValue
        }
    }
}
