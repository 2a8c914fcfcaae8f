import Foundation

/// A file to attach to a campaign.
public struct Document: Codable, Hashable, Sendable {
    /// The file name, for example `Order.pdf`.
    public var name: String?

    /// The file's bytes; base64 on the wire (`format: byte`).
    public var content: Data?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - name: The file name, for example `Order.pdf`.
    ///   - content: The file's bytes; base64 on the wire (`format: byte`).
    public init(name: String? = nil, content: Data? = nil) {
        self.name = name
        self.content = content
    }

    private enum CodingKeys: String, CodingKey {
        case name
        case content
    }

    /// Decodes the value, reading `content` as standard base64 whatever the decoder's data strategy.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError.dataCorrupted` (with `GoTomModelsError.invalidBase64` underneath) when
    ///   `content` is not base64; `DecodingError` for wrong types.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        if let text = try container.decodeIfPresent(String.self, forKey: .content) {
            guard let bytes = Data(base64Encoded: text) else {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: container.codingPath + [CodingKeys.content],
                        debugDescription: "The document content is not valid base64.",
                        underlyingError: GoTomModelsError.invalidBase64("\(text.count) characters of content")
                    )
                )
            }
            content = bytes
        } else {
            content = nil
        }
    }

    /// Encodes the value, writing `content` as standard base64 whatever the encoder's data strategy.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` from the encoder.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(content?.base64EncodedString(), forKey: .content)
    }
}
