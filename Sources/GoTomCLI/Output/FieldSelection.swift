import Foundation
import GoTomModels

/// `--fields a,b.c`: the fields of each result to print, as dotted paths into its JSON.
///
/// JSON and JSON Lines keep the selected fields in their places (a pruned copy of each object, so the same paths
/// work in `jq`); tables and CSV get one column per field. A path that crosses an array selects the field of every
/// element; in a cell those values are joined with `;`, as the customer-sync CSV writes `tags`.
struct FieldSelection: Equatable {
    /// The paths as given, e.g. `mainAddress.externalCrmId`.
    var paths: [String]

    /// Parses the option's value; nil without the option.
    ///
    /// - Throws: A usage error for an empty field name.
    static func parse(_ text: String?) throws -> FieldSelection? {
        guard let text else { return nil }
        let paths = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !paths.isEmpty,
            paths.allSatisfy({ !$0.isEmpty && !$0.split(separator: ".", omittingEmptySubsequences: false).contains("") }
            )
        else { throw CLIError.usage("--fields takes field names separated by commas, e.g. --fields externalId,status") }
        return FieldSelection(paths: paths)
    }

    /// The columns of a table or CSV: one per field, headed by its path.
    var columns: [ListColumn] { paths.map { ListColumn($0, $0) } }

    /// Checks every path against sample results.
    ///
    /// A path is unknown when, at some level, the samples hold objects and none of them has the next key. A level
    /// where every sample is null or missing cannot be checked and is accepted.
    ///
    /// - Parameters:
    ///   - samples: Results as JSON trees.
    ///   - declared: The top-level field names of the result type, including those that are null in every sample.
    /// - Throws: A usage error naming the unknown field and the known ones.
    func validate(_ samples: [JSONValue], declared: Set<String>) throws {
        for path in paths {
            var nodes = samples
            for (depth, key) in path.split(separator: ".").map(String.init).enumerated() {
                let objects = nodes.flatMap(Self.objects)
                var keys = Set(objects.flatMap(\.keys))
                if depth == 0 { keys.formUnion(declared) }
                if objects.isEmpty && depth > 0 { break }
                guard keys.contains(key) else {
                    let prefix = path.split(separator: ".").prefix(depth).joined(separator: ".")
                    let names = keys.sorted().map { prefix.isEmpty ? $0 : "\(prefix).\($0)" }
                    throw CLIError.usage(
                        "unknown field '\(path)' for --fields; known fields"
                            + (prefix.isEmpty ? "" : " of \(prefix)") + ": \(names.joined(separator: ", "))")
                }
                nodes = objects.compactMap { $0[key] }
            }
        }
    }

    /// The objects in a node: itself, or the objects of an array (nested arrays included).
    private static func objects(_ node: JSONValue) -> [[String: JSONValue]] {
        switch node {
        case .object(let fields): [fields]
        case .array(let elements): elements.flatMap(objects)
        default: []
        }
    }

    /// A copy of `tree` with only the selected fields.
    func project(_ tree: JSONValue) -> JSONValue {
        Self.pick(tree, paths.map { $0.split(separator: ".").map(String.init) })
    }

    private static func pick(_ tree: JSONValue, _ paths: [[String]]) -> JSONValue {
        switch tree {
        case .object(let fields):
            var result: [String: JSONValue] = [:]
            var grouped: [String: [[String]]] = [:]
            for path in paths where !path.isEmpty { grouped[path[0], default: []].append(Array(path.dropFirst())) }
            for (key, rests) in grouped {
                guard let value = fields[key] else { continue }
                result[key] = rests.contains(where: \.isEmpty) ? value : pick(value, rests)
            }
            return .object(result)
        case .array(let elements):
            return .array(elements.map { pick($0, paths) })
        default:
            return .null
        }
    }

    /// The cell text of `path` in `tree`: a scalar as text, values across arrays joined with `;`.
    static func cell(_ tree: JSONValue, path: String) -> String {
        var values = [tree]
        for key in path.split(separator: ".").map(String.init) {
            values = values.flatMap(flattened).compactMap { node -> JSONValue? in
                guard case .object(let fields) = node else { return nil }
                return fields[key]
            }
        }
        let leaves = values.flatMap { value -> [JSONValue] in
            if case .array(let elements) = value, elements.allSatisfy(isScalar) { return elements }
            return [value]
        }
        return leaves.map(JSONOutput.scalarText).joined(separator: ";")
    }

    private static func flattened(_ node: JSONValue) -> [JSONValue] {
        if case .array(let elements) = node { return elements.flatMap(flattened) }
        return [node]
    }

    private static func isScalar(_ node: JSONValue) -> Bool {
        switch node {
        case .array, .object: false
        default: true
        }
    }

    /// The top-level property names of a value, including optionals that are nil (which JSON leaves out).
    ///
    /// The models' property names are their JSON keys; the few renamed keys are found in the samples.
    static func declaredNames(of value: Any) -> Set<String> {
        Set(
            Mirror(reflecting: value).children.compactMap {
                $0.label.map { $0.hasPrefix("_") ? String($0.dropFirst()) : $0 }
            })
    }
}
