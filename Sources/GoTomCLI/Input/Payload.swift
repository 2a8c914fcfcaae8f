import ArgumentParser
import Foundation
import GoTomModels

/// `--file FILE` (or `-` for stdin): the JSON body of a create or update.
struct PayloadOptions: ParsableArguments {
    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "JSON body from FILE ('-' for stdin; stdin is also read when it is piped and no FILE is given). "
                + "Flags for single fields are merged over it and win.", valueName: "file"))
    var file: String?
}

/// Builds a request body from a JSON file or stdin merged with field flags, and decodes it into a model type,
/// naming the offending field when it does not fit.
enum Payload {
    /// The largest JSON body read from a file or stdin.
    static let sizeLimit = 16 * 1024 * 1024

    /// Reads the base object, applies `overrides` (dotted paths, e.g. `runtime.start.date`; flags win) and decodes.
    ///
    /// - Parameters:
    ///   - type: The model to decode.
    ///   - options: Where the base object comes from.
    ///   - overrides: Field values from flags; `nil` values are skipped.
    ///   - readsPipedStdin: Whether a piped stdin is read when no `--file` is given.
    ///   - flagHints: The flag that sets a required field, by dotted path, named when the field is missing.
    static func load<T: Decodable>(
        _ type: T.Type, options: PayloadOptions, overrides: [(String, JSONValue?)], readsPipedStdin: Bool = true,
        flagHints: [String: String] = [:]
    ) throws -> T {
        var object = try baseObject(options: options, readsPipedStdin: readsPipedStdin)
        for (path, value) in overrides {
            guard let value else { continue }
            set(value, at: path.split(separator: ".").map(String.init), in: &object)
        }
        return try decode(type, from: object, flagHints: flagHints)
    }

    /// Decodes a JSON tree into a model, with a field-naming error (and the flag for a missing field, if known).
    static func decode<T: Decodable>(
        _ type: T.Type, from object: JSONValue, flagHints: [String: String] = [:]
    ) throws -> T {
        let data: Data
        do {
            data = try JSONEncoder().encode(object)
        } catch {
            throw CLIError("cannot encode the request body: \(error)", exitCode: .usage)
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            var message = "invalid input: \(describe(error))"
            if case .keyNotFound(let key, let context) = error,
                let flag = flagHints[DecodingError.fieldPath(context, appending: key)]
            {
                message += " (set it in the file or with \(flag))"
            }
            throw CLIError(message, exitCode: .usage)
        } catch {
            throw CLIError("invalid input: \(error)", exitCode: .usage)
        }
    }

    /// A one-line description of a decoding failure that names the field by its dotted path.
    static func describe(_ error: DecodingError) -> String { error.fieldDescription }

    private static func baseObject(options: PayloadOptions, readsPipedStdin: Bool) throws -> JSONValue {
        let bytes: [UInt8]
        let source: String
        if let file = options.file, file != "-" {
            bytes = try InputFile.read(file, limit: sizeLimit)
            source = file
        } else if options.file == "-" || (readsPipedStdin && !StandardStreams.stdinIsTerminal) {
            bytes = try StandardStreams.readStdin(limit: sizeLimit, hint: "pass it with --file FILE")
            source = "stdin"
        } else {
            return .object([:])
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .object([:]) }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw CLIError("\(source) is not valid JSON: \(describe(error))", exitCode: .usage)
        }
        guard case .object = value else { throw CLIError("\(source) must hold one JSON object", exitCode: .usage) }
        return value
    }

    private static func set(_ value: JSONValue, at path: [String], in object: inout JSONValue) {
        guard let first = path.first else {
            object = value
            return
        }
        var fields: [String: JSONValue]
        if case .object(let existing) = object { fields = existing } else { fields = [:] }
        var child = fields[first] ?? .object([:])
        set(value, at: Array(path.dropFirst()), in: &child)
        fields[first] = child
        object = .object(fields)
    }
}

extension JSONValue {
    /// A flag's string value.
    static func text(_ value: String?) -> JSONValue? { value.map(JSONValue.string) }
    /// A flag's integer value.
    static func integer(_ value: Int?) -> JSONValue? { value.map { .number(Decimal($0)) } }
    /// A flag's decimal value, e.g. a price.
    static func decimal(_ value: Double?) -> JSONValue? { value.map { .number(Decimal($0)) } }
    /// A flag's boolean value.
    static func flag(_ value: Bool?) -> JSONValue? { value.map(JSONValue.bool) }
}
