extension CustomerRead {
    /// A contact person of a customer as goTom returns it.
    public struct Contact: Codable, Hashable, Sendable {
        /// The contact's CRM id.
        public var externalCrmId: String

        /// Gender.
        public var peopleGender: ContactGender

        /// Family name.
        public var peopleLastname: String

        /// Given name (the spec labels it "Surname").
        public var peopleName: String

        /// Phone number.
        public var peoplePhone: String

        /// Mobile number.
        public var peopleNatel: String

        /// E-mail address.
        public var peopleEmail: String

        /// Whether the contact is active.
        public var peopleStatus: ContactStatus

        /// Whether the contact is marked as a lead.
        public var lead: Bool

        /// Job functions; goTom keeps one German entry.
        public var jobFunctions: [JobFunction]

        /// The contact's CRM pipeline stage.
        public var pipelineStatus: CustomerRead.ContactPipelineStatus?

        /// Creates the value from its fields.
        ///
        /// - Parameters:
        ///   - externalCrmId: The contact's CRM id.
        ///   - peopleGender: Gender.
        ///   - peopleLastname: Family name.
        ///   - peopleName: Given name (the spec labels it "Surname").
        ///   - peoplePhone: Phone number.
        ///   - peopleNatel: Mobile number.
        ///   - peopleEmail: E-mail address.
        ///   - peopleStatus: Whether the contact is active.
        ///   - lead: Whether the contact is marked as a lead.
        ///   - jobFunctions: Job functions; goTom keeps one German entry.
        ///   - pipelineStatus: The contact's CRM pipeline stage.
        public init(
            externalCrmId: String,
            peopleGender: ContactGender,
            peopleLastname: String,
            peopleName: String,
            peoplePhone: String,
            peopleNatel: String,
            peopleEmail: String,
            peopleStatus: ContactStatus,
            lead: Bool,
            jobFunctions: [JobFunction],
            pipelineStatus: CustomerRead.ContactPipelineStatus?
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

        /// Decodes the value; keys the spec requires must be present, even when their value is `null`.
        ///
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: `DecodingError` when a required key is missing or a value has the wrong type.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            externalCrmId = try container.decode(String.self, forKey: .externalCrmId)
            peopleGender = try container.decode(ContactGender.self, forKey: .peopleGender)
            peopleLastname = try container.decode(String.self, forKey: .peopleLastname)
            peopleName = try container.decode(String.self, forKey: .peopleName)
            peoplePhone = try container.decode(String.self, forKey: .peoplePhone)
            peopleNatel = try container.decode(String.self, forKey: .peopleNatel)
            peopleEmail = try container.decode(String.self, forKey: .peopleEmail)
            peopleStatus = try container.decode(ContactStatus.self, forKey: .peopleStatus)
            lead = try container.decode(Bool.self, forKey: .lead)
            jobFunctions = try container.decode([JobFunction].self, forKey: .jobFunctions)
            pipelineStatus = try container.decodeNullable(
                CustomerRead.ContactPipelineStatus.self, forKey: .pipelineStatus)
        }

        /// Encodes the value, writing `null` for unset required keys and leaving unset optional keys out.
        ///
        /// - Parameter encoder: The encoder to write to.
        /// - Throws: `EncodingError` from a field.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(externalCrmId, forKey: .externalCrmId)
            try container.encode(peopleGender, forKey: .peopleGender)
            try container.encode(peopleLastname, forKey: .peopleLastname)
            try container.encode(peopleName, forKey: .peopleName)
            try container.encode(peoplePhone, forKey: .peoplePhone)
            try container.encode(peopleNatel, forKey: .peopleNatel)
            try container.encode(peopleEmail, forKey: .peopleEmail)
            try container.encode(peopleStatus, forKey: .peopleStatus)
            try container.encode(lead, forKey: .lead)
            try container.encode(jobFunctions, forKey: .jobFunctions)
            try container.encodeNullable(pipelineStatus, forKey: .pipelineStatus)
        }
    }
}

extension CustomerRead {
    /// The CRM pipeline stage of a contact person.
    public struct ContactPipelineStatus: Codable, Hashable, Sendable {
        /// CRM id of the pipeline status, as set up in goTom's admin center.
        public var externalCrmId: String?

        /// Creates the value from its fields.
        ///
        /// - Parameter externalCrmId: CRM id of the pipeline status, as set up in goTom's admin center.
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
