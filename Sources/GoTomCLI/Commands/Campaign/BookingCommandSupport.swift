import ArgumentParser
import Foundation
import GoTomAPI
import GoTomModels

/// What the campaign, flight and discount commands share: flag values as JSON, input checks and the
/// confirmation of writes.
///
/// Writes that goTom answers without a body (204, or 201 without a body) print nothing on stdout, so that
/// scripts see a clean stream; a one-line confirmation goes to stderr unless `-q`. With `--show` the command
/// reads the changed object back and prints it like `get` does.
enum BookingCommands {
    /// The help of `--show`.
    static let showHelp = ArgumentHelp("After the change, read the object back and print it like get does.")

    /// The help of `--dry-run`.
    static let dryRunHelp = ArgumentHelp(
        "Check the input and print the JSON body that would be sent, without sending anything.")

    /// Prints the confirmation of a write on stderr, unless `--quiet`.
    static func confirm(_ message: String, verbosity: VerbosityOptions) {
        guard !verbosity.quiet else { return }
        StandardStreams.writeError(message + "\n")
    }

    /// Sends a change, reads the object back with `--show`, confirms on stderr (unless `-q`) and prints what was
    /// read: the ending of every write command whose answer has no body.
    static func change<Read: Encodable>(
        using clientOptions: ClientOptions, show: Bool, output: OutputOptions, confirmation: String,
        _ send: (GoTomClient) async throws -> Void, readBack: (GoTomClient) async throws -> Read
    ) async throws -> ExitStatus {
        let read = try await clientOptions.withClient { client -> Read? in
            try await send(client)
            return show ? try await readBack(client) : nil
        }
        confirm(confirmation, verbosity: clientOptions.verbosity)
        if let read { try ObjectPrinter(options: output).print(read) }
        return .success
    }

    /// Merges flags over `--file`/stdin into one JSON object, without checking it against a model yet.
    static func tree(options: PayloadOptions, overrides: [(String, JSONValue?)]) throws -> JSONValue {
        try Payload.load(JSONValue.self, options: options, overrides: overrides)
    }

    /// Fails with a usage error when a partial update would change nothing.
    static func requireChanges(_ tree: JSONValue, what: String) throws {
        if case .object(let fields) = tree, fields.isEmpty {
            throw CLIError.usage(
                "nothing to change in \(what): give field flags (see --help), --file FILE, or JSON on stdin")
        }
    }

    /// Sets `value` at the top level of an object unless the key is already there.
    static func setDefault(_ key: String, to value: JSONValue, in tree: inout JSONValue) {
        guard case .object(var fields) = tree, fields[key] == nil else { return }
        fields[key] = value
        tree = .object(fields)
    }

    /// A decimal flag value such as `45` or `12.5`, parsed exactly (no binary floating point on the way).
    static func decimal(_ text: String?, flag: String) throws -> JSONValue? {
        guard let text else { return nil }
        guard let value = exactDecimal(text) else {
            throw CLIError.usage("\(flag): expected a number such as 45 or 12.5, found '\(text)'")
        }
        return .number(value)
    }

    /// A price per unit: a number, or `loadFromRate` to take the price from the rate card.
    static func price(_ text: String?, flag: String) throws -> JSONValue? {
        guard let text else { return nil }
        if text == "loadFromRate" { return .string(text) }
        guard let value = exactDecimal(text) else {
            throw CLIError.usage("\(flag): expected a number such as 45 or 12.5, or loadFromRate; found '\(text)'")
        }
        return .number(value)
    }

    /// Integers as a JSON array, or nil when there are none.
    static func integers(_ values: [Int]) -> JSONValue? {
        values.isEmpty ? nil : .array(values.map { .number(Decimal($0)) })
    }

    private static func exactDecimal(_ text: String) -> Decimal? {
        var digits = text.hasPrefix("-") ? Substring(text.dropFirst()) : Substring(text)
        if let dot = digits.firstIndex(of: ".") {
            let fraction = digits[digits.index(after: dot)...]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            digits = digits[..<dot]
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
