/// Percent-encoding for the request URI that is signed and sent.
///
/// The signature covers the request target byte for byte, so the URI must be encoded once, before signing,
/// and sent unchanged. These helpers produce pure-ASCII targets that no HTTP layer needs to re-encode.
public enum RequestURI {
    /// Encodes one path segment, such as an external id, so it cannot change the path's structure.
    ///
    /// Everything except RFC 3986 unreserved characters and a few sub-delimiters that are safe inside a
    /// segment is percent-encoded as UTF-8: `/` becomes `%2F`, `%` becomes `%25`, a space `%20`, `ü` `%C3%BC`,
    /// and `+` stays `+` (it has no special meaning in a path).
    ///
    /// - Parameter segment: The raw segment text.
    /// - Returns: The encoded segment.
    public static func encodePathSegment(_ segment: String) -> String {
        encode(segment.utf8) { byte in isUnreserved(byte) || segmentSafe.contains(byte) }
    }

    /// Encodes a query component (a name or a value) for `application/x-www-form-urlencoded`-style queries.
    ///
    /// - Parameter component: The raw name or value.
    /// - Returns: The encoded component, with `&`, `=`, `+`, `#` and non-ASCII characters percent-encoded.
    public static func encodeQueryComponent(_ component: String) -> String {
        encode(component.utf8) { byte in isUnreserved(byte) }
    }

    /// Makes a request target typed by a person safe to send, the way a browser or Node's `URL` does.
    ///
    /// Existing `%XX` escapes, `/`, `?`, `&`, `=` and `+` are kept; spaces, non-ASCII characters, control
    /// characters and `"<>\`{}` are percent-encoded as UTF-8 (and `'` in the query), following the WHATWG URL
    /// standard's path and query encode sets. A fragment (`#…`) is not part of the request target and is dropped.
    ///
    /// - Parameter target: A path with optional query, e.g. `/app-api/campaign/a b?x=ü`.
    /// - Returns: The target as it goes on the wire, e.g. `/app-api/campaign/a%20b?x=%C3%BC`.
    public static func normalizeTarget(_ target: String) -> String {
        // Split at the bytes, not at Characters: a `?` or `#` followed by a combining mark is one Character.
        let bytes = Array(target.utf8)
        let end = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
        guard let questionMark = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) else {
            return encode(bytes[..<end]) { !pathEncodeSet($0) }
        }
        return encode(bytes[..<questionMark]) { !pathEncodeSet($0) } + "?"
            + encode(bytes[(questionMark + 1)..<end]) { !queryEncodeSet($0) }
    }

    private static let segmentSafe: Set<UInt8> = Set("!$&'()*+,;=:@".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func pathEncodeSet(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte >= 0x7F || pathExtras.contains(byte)
    }

    private static func queryEncodeSet(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte >= 0x7F || queryExtras.contains(byte)
    }

    private static let pathExtras: Set<UInt8> = Set("\"<>`{}".utf8)
    private static let queryExtras: Set<UInt8> = Set("\"<>'".utf8)

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func encode(_ bytes: some Collection<UInt8>, keep: (UInt8) -> Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for byte in bytes {
            if keep(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
