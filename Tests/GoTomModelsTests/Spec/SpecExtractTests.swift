import Foundation
import GoTomModels
import Testing

/// The committed extract of goTom's specs holds facts only, and its summaries (`operations`, `schemas`) say the
/// same as its document tree, which the other spec tests read.
@Suite("Spec extract")
struct SpecExtractTests {
    /// `file schema` for every component schema of the three extracts.
    static let componentNames: [String] = {
        ((try? SpecLibrary.documents()) ?? []).flatMap { document in
            document.componentSchemaNames.map { "\(document.fileName) \($0)" }
        }
    }()

    @Test("The extract keeps no description, summary or title")
    func noProse() throws {
        for document in try SpecLibrary.documents() {
            var found: [String] = []
            Self.proseKeywords(in: document.root, pointer: "", isPropertyMap: false, into: &found)
            #expect(found.isEmpty, "\(document.fileName) keeps prose at \(found)")
            #expect(document.root["info"]?["version"] != nil, "\(document.fileName) lost its version")
        }
    }

    @Test("Each extract has paths, schemas and the operations index")
    func extractIsComplete() throws {
        let documents = try SpecLibrary.documents()
        let operationCounts = documents.map { $0.facts["operations"]?.arrayValue?.count ?? 0 }
        // 25 campaign, 4 customer and 2 report operations: the 31 of goTom's App API.
        #expect(operationCounts == [25, 4, 2])
        #expect(Self.componentNames.count > 40)
    }

    @Test("The resolved schema agrees with the document tree", arguments: componentNames)
    func resolvedSchemaAgrees(_ key: String) throws {
        let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
        let document = try #require(try SpecLibrary.documents().first { $0.fileName == parts[0] })
        let name = parts[1]
        let pointer = JSONPointer.appending("/components/schemas", name)
        let schema = try #require(document.value(at: pointer))
        let resolved = try #require(document.facts["schemas"]?[name], "\(key) has no resolved schema")
        let reader = SchemaReader(document: document)
        // The tests' reader also merges the chosen oneOf branch; the extract lists branches separately.
        let shape =
            reader.alternatives(of: reader.resolved(schema, at: pointer).schema) == nil
            ? reader.objectShape(schema, at: pointer, choice: 0) : nil
        guard let shape else {
            #expect(resolved["properties"] == nil || reader.alternatives(of: schema) != nil)
            return
        }
        let properties = resolved["properties"]?.objectValue ?? [:]
        #expect(Set(properties.keys) == Set(shape.properties.keys), "\(key): properties differ")
        #expect(
            Set((resolved["required"]?.arrayValue ?? []).compactMap(\.stringValue)) == shape.required,
            "\(key): required keys differ")
        for (property, entry) in shape.properties {
            let nullable = properties[property]?["nullable"]?.boolValue == true
            #expect(
                nullable == reader.isNullable(entry.schema, at: entry.pointer),
                "\(key).\(property): nullability differs")
        }
    }

    @Test("The operations index lists every status and media type of the tree")
    func operationsIndexAgrees() throws {
        for document in try SpecLibrary.documents() {
            var indexed: Set<String> = []
            for operation in document.facts["operations"]?.arrayValue ?? [] {
                let method = operation["method"]?.stringValue ?? ""
                let path = operation["path"]?.stringValue ?? ""
                let prefix = "\(document.fileName) \(method) \(path)"
                for mediaType in operation["requestMediaTypes"]?.arrayValue ?? [] {
                    indexed.insert("\(prefix) request \(mediaType.stringValue ?? "")")
                }
                for (status, mediaTypes) in operation["responses"]?.objectValue ?? [:] {
                    for mediaType in mediaTypes.arrayValue ?? [] {
                        indexed.insert("\(prefix) \(status) \(mediaType.stringValue ?? "")")
                    }
                }
            }
            let tree = Set(SpecConformance.operationBodies(of: document).map { "\($0.key) \($0.mediaType)" })
            let onlyIndexed = indexed.subtracting(tree)
            let onlyInTree = tree.subtracting(indexed)
            #expect(
                indexed == tree, "\(document.fileName): only indexed \(onlyIndexed), only in the tree \(onlyInTree)")
        }
    }

    private static func proseKeywords(
        in value: JSONValue, pointer: String, isPropertyMap: Bool, into found: inout [String]
    ) {
        switch value {
        case .object(let members):
            for (key, member) in members {
                let child = JSONPointer.appending(pointer, key)
                if !isPropertyMap && ["description", "summary", "title"].contains(key) { found.append(child) }
                if !isPropertyMap && ["example", "examples", "enum", "default"].contains(key) { continue }
                proseKeywords(
                    in: member, pointer: child, isPropertyMap: !isPropertyMap && key == "properties", into: &found)
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                proseKeywords(in: item, pointer: pointer + "/\(index)", isPropertyMap: false, into: &found)
            }
        default:
            break
        }
    }
}
