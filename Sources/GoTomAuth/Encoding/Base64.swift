/// Standard base64 (RFC 4648, with padding) for the 20-byte HMAC-SHA1 signature.
///
/// Kept local so the signing path needs no Foundation and no intermediate `Data`.
enum Base64 {
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
        let outputLength = ((bytes.count + 2) / 3) * 4
        return String(unsafeUninitializedCapacity: outputLength) { out in
            var input = 0
            var output = 0
            while input + 3 <= bytes.count {
                let value = UInt32(bytes[input]) << 16 | UInt32(bytes[input + 1]) << 8 | UInt32(bytes[input + 2])
                out[output] = alphabet[Int(value >> 18 & 0x3F)]
                out[output + 1] = alphabet[Int(value >> 12 & 0x3F)]
                out[output + 2] = alphabet[Int(value >> 6 & 0x3F)]
                out[output + 3] = alphabet[Int(value & 0x3F)]
                input += 3
                output += 4
            }
            let remaining = bytes.count - input
            if remaining > 0 {
                var value = UInt32(bytes[input]) << 16
                if remaining == 2 { value |= UInt32(bytes[input + 1]) << 8 }
                out[output] = alphabet[Int(value >> 18 & 0x3F)]
                out[output + 1] = alphabet[Int(value >> 12 & 0x3F)]
                out[output + 2] = remaining == 2 ? alphabet[Int(value >> 6 & 0x3F)] : UInt8(ascii: "=")
                out[output + 3] = UInt8(ascii: "=")
                output += 4
            }
            return output
        }
    }

    /// Whether `text` has the shape the server accepts for a signature: `^[a-zA-Z0-9+/]+={0,2}$`.
    static func hasSignatureShape(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        var end = bytes.count
        var padding = 0
        while end > 0, bytes[end - 1] == UInt8(ascii: "="), padding < 2 {
            end -= 1
            padding += 1
        }
        guard end > 0 else { return false }
        return bytes[0..<end].allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                return true
            default:
                return false
            }
        }
    }
}
