/// Text printed on invoices, per language.
public struct BillingPhrases: Codable, Hashable, Sendable {
    /// German text.
    public var de: String?

    /// English text.
    public var en: String?

    /// French text.
    public var fr: String?

    /// Italian text.
    public var it: String?

    /// Creates the value from its fields; defaults leave optional fields out.
    ///
    /// - Parameters:
    ///   - de: German text.
    ///   - en: English text.
    ///   - fr: French text.
    ///   - it: Italian text.
    public init(de: String? = nil, en: String? = nil, fr: String? = nil, it: String? = nil) {
        self.de = de
        self.en = en
        self.fr = fr
        self.it = it
    }
}
