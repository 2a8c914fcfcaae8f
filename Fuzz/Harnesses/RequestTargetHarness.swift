import GoTomAuth

/// Properties of `RequestURI.normalizeTarget` (see ``FuzzHarness/requestTarget``).
enum RequestTargetHarness {
    /// Bytes the WHATWG path percent-encode set leaves alone, plus `%` (kept as the start of an escape).
    private static let pathBytes = Set((0x21...0x7E).map { UInt8($0) }).subtracting("\"#<>`{}?".utf8)
    /// The same for the query (where `?` may appear again).
    private static let queryBytes = Set((0x21...0x7E).map { UInt8($0) }).subtracting("\"#<>'".utf8)

    static func check(_ bytes: [UInt8]) throws(PropertyViolation) {
        let target = String(decoding: bytes, as: UTF8.self)
        let normalized = RequestURI.normalizeTarget(target)
        let again = RequestURI.normalizeTarget(normalized)
        guard again == normalized else {
            throw PropertyViolation("not idempotent: \(quoted(target)) -> \(quoted(normalized)) -> \(quoted(again))")
        }
        let output = Array(normalized.utf8)
        let questionMark = output.firstIndex(of: UInt8(ascii: "?")) ?? output.endIndex
        if let bad = output[..<questionMark].first(where: { !pathBytes.contains($0) })
            ?? output[questionMark...].dropFirst().first(where: { !queryBytes.contains($0) })
        {
            throw PropertyViolation("\(quoted(target)) normalizes to \(quoted(normalized)), which holds byte \(bad)")
        }
        // Only the fragment is dropped: the output is at least as long as the input before `#`.
        let beforeFragment = target.utf8.firstIndex(of: UInt8(ascii: "#")).map { target.utf8[..<$0].count }
        guard normalized.utf8.count >= beforeFragment ?? target.utf8.count else {
            throw PropertyViolation("\(quoted(target)) normalizes to the shorter \(quoted(normalized))")
        }
    }
}
