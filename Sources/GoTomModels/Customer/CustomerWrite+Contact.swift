extension CustomerWrite {
    /// A contact person to add to or update on a customer.
    public struct Contact: Codable, Hashable, Sendable {
        /// The contact's CRM id; it decides whether the contact is added or updated.
        public var externalCrmId: String

        /// Gender.
        public var peopleGender: ContactGender

        /// Family name.
        public var peopleLastname: String

        /// Given name (the spec labels it "Surname").
        public var peopleName: String

        /// Phone number.
        public var peoplePhone: String?

        /// Mobile number.
        public var peopleNatel: String?

        /// E-mail address.
        public var peopleEmail: String?

        /// Whether the contact is active; goTom assumes active.
        public var peopleStatus: ContactStatus?

        /// Whether the contact is a lead; goTom assumes false.
        public var lead: Bool?

        /// Job functions; send a single German entry.
        public var jobFunctions: [JobFunction]?

        /// The CRM pipeline stage; `null` removes it, an unknown id is ignored with a warning.
        public var pipelineStatus: Patch<CustomerWrite.ContactPipelineStatus>

        /// Creates the value from its fields; defaults leave optional fields out.
        ///
        /// - Parameters:
        ///   - externalCrmId: The contact's CRM id; it decides whether the contact is added or updated.
        ///   - peopleGender: Gender.
        ///   - peopleLastname: Family name.
        ///   - peopleName: Given name (the spec labels it "Surname").
        ///   - peoplePhone: Phone number.
        ///   - peopleNatel: Mobile number.
        ///   - peopleEmail: E-mail address.
        ///   - peopleStatus: Whether the contact is active; goTom assumes active.
        ///   - lead: Whether the contact is a lead; goTom assumes false.
        ///   - jobFunctions: Job functions; send a single German entry.
        ///   - pipelineStatus: The CRM pipeline stage; `null` removes it, an unknown id is ignored with a warning.
        public init(
            externalCrmId: String,
            peopleGender: ContactGender,
            peopleLastname: String,
            peopleName: String,
            peoplePhone: String? = nil,
            peopleNatel: String? = nil,
            peopleEmail: String? = nil,
            peopleStatus: ContactStatus? = nil,
            lead: Bool? = nil,
            jobFunctions: [JobFunction]? = nil,
            pipelineStatus: Patch<CustomerWrite.ContactPipelineStatus> = .absent
        ) {
            self.externalCrmId = externalCrmId
            self.peopleGender = peopleGender
            self.peopleLastname = peopleLastname
            self.peopleName = peopleName
            self.peoplePhone = peoplePhone
            self.peopleNatel = peopleNatel
            self.peopleEmail = peopleEmail
            self.peopleStatus = peopleStatus
            self.lead = lead
            self.jobFunctions = jobFunctions
            self.pipelineStatus = pipelineStatus
        }

        private enum CodingKeys: String, CodingKey {
            case externalCrmId
            case peopleGender
            case peopleLastname
            case peopleName
            case peoplePhone
            case peopleNatel
            case peopleEmail
            case peopleStatus
            case lead
            case jobFunctions
            case pipelineStatus
        }

        /// Decodes the value, keeping a missing key apart from an explicit `null`.
        ///
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: `DecodingError` when a required key is missing or a value has the wrong type.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            externalCrmId = try container.decode(String.self, forKey: .externalCrmId)
            peopleGender = try container.decode(ContactGender.self, forKey: .peopleGender)
            peopleLastname = try container.decode(String.self, forKey: .peopleLastname)
            peopleName = try container.decode(String.self, forKey: .peopleName)
            peoplePhone = try container.decodeIfPresent(String.self, forKey: .peoplePhone)
            peopleNatel = try container.decodeIfPresent(String.self, forKey: .peopleNatel)
            peopleEmail = try container.decodeIfPresent(String.self, forKey: .peopleEmail)
            peopleStatus = try container.decodeIfPresent(ContactStatus.self, forKey: .peopleStatus)
            lead = try container.decodeIfPresent(Bool.self, forKey: .lead)
            jobFunctions = try container.decodeIfPresent([JobFunction].self, forKey: .jobFunctions)
            pipelineStatus = try container.decode(
                Patch<CustomerWrite.ContactPipelineStatus>.self, forKey: .pipelineStatus)
        }

        /// Encodes the value, leaving absent fields out and writing `null` only where it was asked for.
        ///
        /// - Parameter encoder: The encoder to write to.
        /// - Throws: `EncodingError` from a field.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(externalCrmId, forKey: .externalCrmId)
            try container.encode(peopleGender, forKey: .peopleGender)
            try container.encode(peopleLastname, forKey: .peopleLastname)
            try container.encode(peopleName, forKey: .peopleName)
            try container.encodeIfPresent(peoplePhone, forKey: .peoplePhone)
            try container.encodeIfPresent(peopleNatel, forKey: .peopleNatel)
            try container.encodeIfPresent(peopleEmail, forKey: .peopleEmail)
            try container.encodeIfPresent(peopleStatus, forKey: .peopleStatus)
            try container.encodeIfPresent(lead, forKey: .lead)
            try container.encodeIfPresent(jobFunctions, forKey: .jobFunctions)
            try container.encode(pipelineStatus, forKey: .pipelineStatus)
        }
    }
}

extension CustomerWrite {
    /// The CRM pipeline stage to give a contact person.
    public struct ContactPipelineStatus: Codable, Hashable, Sendable {
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
