/// The decoded `name=value` pairs of a raw query string.
struct QueryParameters: Sendable {
    private var pairs: [(name: String, value: String)] = []

    init(rawQuery: String?) {
        guard let rawQuery, !rawQuery.isEmpty else { return }
        for part in rawQuery.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentDecoding.decode(pieces[0], plusAsSpace: true) ?? String(pieces[0])
            let value =
                pieces.count > 1 ? (PercentDecoding.decode(pieces[1], plusAsSpace: true) ?? String(pieces[1])) : ""
            pairs.append((name, value))
        }
    }

    /// The last value given for `name` (PHP semantics), if any.
    subscript(_ name: String) -> String? {
        pairs.last { $0.name == name }?.value
    }
}
