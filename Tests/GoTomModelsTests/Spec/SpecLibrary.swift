import Foundation
import GoTomModels
import Testing
import Yams

/// One of goTom's OpenAPI files, parsed into a JSON tree.
struct SpecDocument: Sendable {
    /// The file name, such as `campaign-api-doc.yaml`.
    let fileName: String
    /// The raw YAML text.
    let text: String
    /// The parsed document.
    let root: JSONValue

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

/// Finds and loads the specs from `../shared/reference/gotom-openapi/` next to the package root.
enum SpecLibrary {
    static let fileNames = ["campaign-api-doc.yaml", "crm-sync-api-doc.yaml", "graph-report-api-doc.yaml"]

    /// The package root: the nearest folder above this file that holds `Package.swift`.
    static let packageRoot: URL? = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    /// `../shared/reference` relative to the package root.
    static let referenceFolder: URL? = packageRoot?.deletingLastPathComponent()
        .appendingPathComponent("shared/reference", isDirectory: true)

    static let loaded: Result<[SpecDocument], SpecUnavailable> = {
        guard let folder = referenceFolder?.appendingPathComponent("gotom-openapi", isDirectory: true) else {
            return .failure(.missing("could not find Package.swift above \(#filePath)"))
        }
        var documents: [SpecDocument] = []
        for name in fileNames {
            let url = folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                return .failure(.missing("\(url.path) is not readable"))
            }
            do {
                guard let node = try Yams.compose(yaml: text) else {
                    return .failure(.unparsable("\(name) is empty"))
                }
                documents.append(SpecDocument(fileName: name, text: text, root: try YAMLConversion.json(from: node)))
            } catch {
                return .failure(.unparsable("\(name): \(error)"))
            }
        }
        return .success(documents)
    }()

    /// The parsed specs, or nil after printing why they are unavailable. A parse error is a test failure.
    static func documents(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [SpecDocument]? {
        switch loaded {
        case .success(let documents):
            return documents
        case .failure(.missing(let reason)):
            print("Skipping spec-driven checks: goTom's OpenAPI specs are not available (\(reason)).")
            return nil
        case .failure(.unparsable(let reason)):
            Issue.record("Could not parse a spec: \(reason)", sourceLocation: sourceLocation)
            return nil
        }
    }
}

enum SpecUnavailable: Error {
    case missing(String)
    case unparsable(String)
}

/// Turns a Yams node tree into JSON, resolving plain scalars by the YAML 1.2 core schema.
///
/// Yams' default resolver follows YAML 1.1, which reads the unquoted example `12:34` (a `HH:MM` time in
/// `DateTimeComponents`) as the sexagesimal integer 754. OpenAPI tooling reads YAML 1.2, where it is the
/// string "12:34", so that is what the tests check against the models.
enum YAMLConversion {
    struct Unsupported: Error, CustomStringConvertible {
        let description: String
    }

    static func json(from node: Node) throws -> JSONValue {
        switch node {
        case .scalar(let scalar):
            return value(of: scalar)
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw Unsupported(description: "non-scalar mapping key at line \(key.mark?.line ?? 0)")
                }
                members[keyScalar.string] = try json(from: value)
            }
            return .object(members)
        case .sequence(let sequence):
            return .array(try sequence.map(json(from:)))
        case .alias(let alias):
            throw Unsupported(description: "YAML alias at line \(alias.mark?.line ?? 0)")
        }
    }

    static func value(of scalar: Node.Scalar) -> JSONValue {
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        let text = scalar.string
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        let isInteger = text.wholeMatch(of: /[-+]?[0-9]+/) != nil
        let isFloat = text.wholeMatch(of: /[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/) != nil
        if isInteger || isFloat, let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) {
            return .number(number)
        }
        return .string(text)
    }
}
