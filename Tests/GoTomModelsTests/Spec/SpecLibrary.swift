import Foundation
import GoTomModels

/// One of goTom's OpenAPI files, as its facts-only extract.
struct SpecDocument: Sendable {
    /// The file name, such as `campaign-api-doc.yaml`.
    let fileName: String
    /// The document tree, without goTom's prose.
    let root: JSONValue
    /// The constraint-violation codes (UUIDs) the file names, lower case.
    let violationCodes: [String]
    /// The whole extract: `document`, `operations`, `schemas` (allOf resolved), `violationCodes`.
    let facts: JSONValue

    /// The value at a JSON pointer such as `/components/schemas/Flight` (a leading `#` is allowed).
    func value(at pointer: String) -> JSONValue? {
        var current: JSONValue? = root
        let trimmed = pointer.hasPrefix("#") ? String(pointer.dropFirst()) : pointer
        for token in trimmed.split(separator: "/", omittingEmptySubsequences: true) {
            let key = JSONPointer.unescape(String(token))
            switch current {
            case .object(let members)?: current = members[key]
            case .array(let items)?: current = Int(key).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: return nil
            }
        }
        return current
    }

    /// The names of the schemas under `components/schemas`.
    var componentSchemaNames: [String] {
        (value(at: "/components/schemas")?.objectValue ?? [:]).keys.sorted()
    }
}

/// JSON pointer helpers (RFC 6901).
enum JSONPointer {
    static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func unescape(_ token: String) -> String {
        token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    static func appending(_ pointer: String, _ tokens: String...) -> String {
        tokens.reduce(pointer) { $0 + "/" + escape($1) }
    }
}

/// Loads the facts-only extract of goTom's specs from `Fixtures/openapi-facts/` of this test target.
///
/// `Scripts/extract-spec-facts.py` makes the extract from goTom's YAML files: the document tree without
/// goTom's prose (`description`, `summary`, `title`), plus the violation codes the prose names. The tests read
/// the committed extract, so every clone runs them without goTom's files.
enum SpecLibrary {
    static let fileNames = ["campaign-api-doc.yaml", "crm-sync-api-doc.yaml", "graph-report-api-doc.yaml"]

    /// `Fixtures/openapi-facts/` beside this target's source folders.
    static let factsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/openapi-facts", isDirectory: true)

    static let loaded: Result<[SpecDocument], SpecUnavailable> = {
        var documents: [SpecDocument] = []
        for name in fileNames {
            let url = factsFolder.appendingPathComponent(name.replacingOccurrences(of: ".yaml", with: ".json"))
            do {
                let facts = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
                guard facts["source"]?.stringValue == name, let root = facts["document"],
                    let codes = facts["violationCodes"]?.arrayValue
                else {
                    return .failure(SpecUnavailable(reason: "\(url.path) is not an extract of \(name)"))
                }
                documents.append(
                    SpecDocument(
                        fileName: name, root: root, violationCodes: codes.compactMap(\.stringValue), facts: facts))
            } catch {
                return .failure(SpecUnavailable(reason: "\(url.path): \(error)"))
            }
        }
        return .success(documents)
    }()

    /// The extracts of all three specs.
    ///
    /// - Throws: When an extract is missing or unreadable: they are part of the repository, so that is a failure.
    static func documents() throws -> [SpecDocument] {
        try loaded.get()
    }
}

struct SpecUnavailable: Error, CustomStringConvertible {
    let reason: String
    var description: String { "goTom's spec extract cannot be read: \(reason)" }
}
