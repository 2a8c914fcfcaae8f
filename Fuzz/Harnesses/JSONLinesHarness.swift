import GoTomSync

/// Properties of the customer sync's JSON Lines reading (see ``FuzzHarness/jsonl``).
enum JSONLinesHarness {
    static func check(_ bytes: [UInt8]) throws(PropertyViolation) {
        let path = ScratchFile.write(bytes, name: "input.jsonl")
        guard let reader = try? CustomerFileReader(path: path, format: .jsonl) else { return }
        var count = 0
        while count < CSVHarness.recordLimit, let record = try? reader.next() {
            count += 1
            guard record.problem == nil else { continue }
            try readsBack(record)
        }
    }

    /// The canonical JSON of an accepted record, as a file of its own, reads back as the same record.
    private static func readsBack(_ record: SyncRecord) throws(PropertyViolation) {
        let path = ScratchFile.write(Array((record.body + "\n").utf8), name: "reread.jsonl")
        guard let reader = try? CustomerFileReader(path: path, format: .jsonl),
            let reread = try? reader.next()
        else {
            throw PropertyViolation(
                "the canonical JSON of line \(record.position) cannot be read: \(quoted(record.body))")
        }
        guard reread.problem == nil, reread.body == record.body, reread.crmId == record.crmId else {
            throw PropertyViolation(
                "line \(record.position) as \(quoted(record.body)) reads back as "
                    + "\(quoted(reread.body)) (\(reread.problem ?? "no problem"))")
        }
    }
}
