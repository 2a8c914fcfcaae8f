/// Comparison whose running time does not depend on where two signatures first differ.
package enum ConstantTime {
    /// Compares two byte strings in time proportional to their length only.
    ///
    /// A length mismatch returns early; the length of a base64 HMAC-SHA1 signature is public anyway.
    package static func equals(_ lhs: some StringProtocol, _ rhs: some StringProtocol) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices {
            difference |= left[index] ^ right[index]
        }
        return difference == 0
    }
}
