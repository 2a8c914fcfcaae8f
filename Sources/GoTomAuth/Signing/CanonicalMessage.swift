/// The six lines that goTom signs, in the order the server rebuilds them.
///
/// goTom's server (gotom-io/IbrowsHmacBundle, `RequestSigner::getMessage`) joins the parts with `"\n"` and
/// signs the result with HMAC-SHA1. The signer, the verifier, the `explain` printer and the tests all build
/// this one value, so they cannot disagree about what was signed.
public struct CanonicalMessage: Sendable, Hashable {
    /// The HTTP method, upper-cased (`GET`, `POST`, …).
    public var method: String
    /// The lowercase hexadecimal MD5 of the raw body bytes (the MD5 of no bytes when there is no body).
    public var bodyDigest: BodyDigest
    /// The `Content-Type` header value, lower-cased, including any parameters such as `; charset=utf-8`.
    public var contentType: String
    /// The `Date` header value exactly as sent.
    public var date: String
    /// The opted-in custom headers as `lowercased-name: value` lines, sorted and joined by `"\n"`; usually empty.
    public var customHeaders: String
    /// The request URI exactly as it goes on the wire: the percent-encoded path plus `?query` when present.
    public var requestURI: String

    /// Creates the message from already-canonical parts, upper-casing the method and lower-casing the content type.
    ///
    /// - Parameters:
    ///   - method: The HTTP method in any case.
    ///   - bodyDigest: The MD5 of the body bytes.
    ///   - contentType: The `Content-Type` value as sent.
    ///   - date: The `Date` value as sent.
    ///   - customHeaders: The opted-in headers to include, as name/value pairs, in any order.
    ///   - requestURI: The request target as sent.
    public init(
        method: String,
        bodyDigest: BodyDigest,
        contentType: String,
        date: String,
        customHeaders: [(name: String, value: String)] = [],
        requestURI: String
    ) {
        self.method =
            method.utf8.contains(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
            ? method.uppercased() : method
        self.bodyDigest = bodyDigest
        self.contentType =
            contentType.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
            ? contentType.lowercased() : contentType
        self.date = date
        self.customHeaders = Self.customHeaderBlock(customHeaders)
        self.requestURI = requestURI
    }

    /// The exact string that is signed: the six parts joined by `"\n"`.
    public var stringToSign: String {
        "\(method)\n\(bodyDigest.hex)\n\(contentType)\n\(date)\n\(customHeaders)\n\(requestURI)"
    }

    /// The six parts with human-readable labels, one per line, for debugging signature mismatches.
    ///
    /// The secret is not part of the message, so this text never contains it. Empty parts are shown as
    /// `(empty)` so that a missing value is visible.
    public var explanation: String {
        let rows: [(String, String)] = [
            ("1 method", method),
            ("2 body MD5", bodyDigest.hex),
            ("3 content type", contentType),
            ("4 date", date),
            ("5 custom headers", customHeaders),
            ("6 request URI", requestURI),
        ]
        return rows.map { label, value in
            let shown = value.isEmpty ? "(empty)" : value.replacingNewlines()
            return label.padding(to: 18) + shown
        }.joined(separator: "\n")
    }

    /// Builds the custom-header block the way the server does: `lowercased-name: value`, sorted, joined by `"\n"`.
    static func customHeaderBlock(_ headers: [(name: String, value: String)]) -> String {
        if headers.isEmpty { return "" }
        return headers.map { "\($0.name.lowercased()): \($0.value)" }.sorted().joined(separator: "\n")
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    fileprivate func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
    }
}
