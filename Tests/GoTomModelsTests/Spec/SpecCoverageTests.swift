import Foundation
import GoTomModels
import Testing

/// Every schema and every JSON body in goTom's specs has a Swift model, and the mapping has no stale entries.
@Suite("Spec coverage")
struct SpecCoverageTests {
    @Test("Every component schema has a Swift model")
    func everyComponentSchemaHasAModel() throws {
        let documents = try SpecLibrary.documents()
        var total = 0
        for document in documents {
            for name in document.componentSchemaNames {
                total += 1
                #expect(
                    ModelBindings.components[name] != nil,
                    "\(document.fileName): schema \(name) has no Swift model in ModelBindings.components"
                )
            }
        }
        #expect(total > 40, "expected the specs to define dozens of schemas, found \(total)")
    }

    @Test("Every mapped schema name exists in some spec")
    func noStaleSchemaBindings() throws {
        let documents = try SpecLibrary.documents()
        let specNames = Set(documents.flatMap(\.componentSchemaNames))
        for name in ModelBindings.components.keys.sorted() {
            #expect(specNames.contains(name), "ModelBindings.components lists \(name), which no spec defines")
        }
    }

    @Test("Every JSON request and response body has a Swift model")
    func everyJSONBodyHasAModel() throws {
        let documents = try SpecLibrary.documents()
        var inlineKeys: Set<String> = []
        for document in documents {
            for body in SpecConformance.operationBodies(of: document) where body.isJSON {
                guard body.media["schema"] != nil else {
                    Issue.record("\(body.key) \(body.mediaType) declares no schema")
                    continue
                }
                if let component = body.referencedComponent {
                    #expect(ModelBindings.components[component] != nil, "\(body.key) uses unmapped \(component)")
                } else {
                    inlineKeys.insert(body.key)
                    #expect(
                        ModelBindings.inlineBodies[body.key] != nil,
                        "\(body.key) has an inline schema with no entry in ModelBindings.inlineBodies"
                    )
                }
            }
        }
        for key in ModelBindings.inlineBodies.keys.sorted() {
            #expect(inlineKeys.contains(key), "ModelBindings.inlineBodies lists \(key), which no spec declares")
        }
    }

    @Test("Non-JSON bodies are only the report CSV and HTML pages")
    func nonJSONBodiesAreReportsOnly() throws {
        let documents = try SpecLibrary.documents()
        for document in documents {
            for body in SpecConformance.operationBodies(of: document) where !body.isJSON {
                #expect(document.fileName == "graph-report-api-doc.yaml", "\(body.key) sends \(body.mediaType)")
                #expect(body.mediaType.hasPrefix("text/csv") || body.mediaType.hasPrefix("text/html"))
            }
        }
    }
}
