extension KeyedDecodingContainer {
    /// Decodes a partial-update field, telling a missing key (`.absent`) apart from an explicit `null`.
    ///
    /// - Parameters:
    ///   - type: The patch type to decode.
    ///   - key: The key of the field.
    /// - Returns: `.absent` when the key is missing, `.null` for JSON `null`, otherwise `.value`.
    /// - Throws: `DecodingError` when a present, non-null value has the wrong type.
    public func decode<Wrapped: Decodable>(
        _ type: Patch<Wrapped>.Type,
        forKey key: Key
    ) throws -> Patch<Wrapped> {
        guard contains(key) else { return .absent }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(Wrapped.self, forKey: key))
    }

    /// Decodes a field whose key is required but whose value may be `null`.
    ///
    /// - Parameters:
    ///   - type: The type of a non-null value.
    ///   - key: The key of the field.
    /// - Returns: The value, or `nil` for JSON `null`.
    /// - Throws: `DecodingError.keyNotFound` when the key is missing; `DecodingError` for a wrong type.
    public func decodeNullable<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        guard contains(key) else {
            let context = DecodingError.Context(
                codingPath: codingPath + [key],
                debugDescription:
                    "The key '\(key.stringValue)' is required; its value may be null but it must be present."
            )
            throw DecodingError.keyNotFound(key, context)
        }
        if try decodeNil(forKey: key) { return nil }
        return try decode(Value.self, forKey: key)
    }
}

extension KeyedEncodingContainer {
    /// Encodes a partial-update field: nothing for `.absent`, `null` for `.null`, the value otherwise.
    ///
    /// - Parameters:
    ///   - patch: The field to encode.
    ///   - key: The key of the field.
    /// - Throws: `EncodingError` from the wrapped value.
    public mutating func encode<Wrapped: Encodable>(_ patch: Patch<Wrapped>, forKey key: Key) throws {
        switch patch {
        case .absent:
            return
        case .null:
            try encodeNil(forKey: key)
        case .value(let wrapped):
            try encode(wrapped, forKey: key)
        }
    }

    /// Encodes a required field that may be `null`: the key is always written, with `null` for `nil`.
    ///
    /// - Parameters:
    ///   - value: The value, or `nil` to write `null`.
    ///   - key: The key of the field.
    /// - Throws: `EncodingError` from the value.
    public mutating func encodeNullable<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
        if let value {
            try encode(value, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}
