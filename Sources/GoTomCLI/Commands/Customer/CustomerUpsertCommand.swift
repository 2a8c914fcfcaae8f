import ArgumentParser
import Foundation
import GoTomAPI
import GoTomModels

/// `gotom customer upsert`: create or update one customer through the CRM sync.
struct CustomerUpsertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upsert",
        abstract: "Create or update a customer by its CRM id (CRM sync).",
        discussion: """
            The body is the `customer` object of goTom's CRM-sync upsert, from --file FILE, from stdin when it is \
            piped, or from flags alone. Flags set single fields over the file's and win. Required: externalCrmId, \
            firm, status, statusEc, language, mainAddress.externalCrmId. The input is checked against the model \
            before anything is sent; a problem names the field and exits 64.

            On success goTom's job result is printed (jobId, warningLogs). goTom may queue the upsert instead \
            (HTTP 202): the command then prints {"jobId": N, "jobAlreadyFinished": false, "reason": ...} and exits \
            75; follow the job with `gotom customer logs N`. A data error of the CRM sync (HTTP 400) exits 4.

            Exit codes: 0 done, 75 queued (follow with customer logs), 64 invalid input, 4 rejected by goTom, \
            5 server error, 6 network.

            Examples:
              gotom customer upsert --external-crm-id CRM-7 --firm "Muster AG" --status active \\
                --status-ec customer --language de --main-address CRM-7-A1
              gotom customer upsert --file customer.json --note "VIP since 2025"
              jq '.customer' export.json | gotom customer upsert --firm "Renamed AG"
            """
    )

    @OptionGroup var payload: PayloadOptions

    @Option(
        help: ArgumentHelp(
            "The CRM id; it decides whether the customer is created or updated (externalCrmId).",
            valueName: "id"))
    var externalCrmId: String?

    @Option(help: ArgumentHelp("The customer's name (firm).", valueName: "name"))
    var firm: String?

    @Option(help: ArgumentHelp("active or inactive, or 1 or 0 (status).", valueName: "status"))
    var status: String?

    @Option(
        help: ArgumentHelp(
            "customer, intermediator, agency or publisher, or 1, 2, 3, 5 (statusEc).",
            valueName: "type"))
    var statusEc: String?

    @Option(help: ArgumentHelp("de, en, fr or it (language).", valueName: "language"))
    var language: String?

    @Option(help: ArgumentHelp("The CRM id of the main address (mainAddress.externalCrmId).", valueName: "id"))
    var mainAddress: String?

    @Option(help: ArgumentHelp("Another external id, unrelated to the CRM sync (externalId).", valueName: "id"))
    var externalId: String?

    @Option(help: ArgumentHelp("Notes on the customer (note).", valueName: "text"))
    var note: String?

    @Option(help: ArgumentHelp("The VAT number (mwst).", valueName: "number"))
    var mwst: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let customer = try loadCustomer()
            do {
                let result = try await clientOptions.withClient { client in try await client.customers.upsert(customer)
                }
                if !clientOptions.verbosity.quiet {
                    for warning in result.warningLogs ?? [] { StandardStreams.diagnostic("warning: \(warning)") }
                }
                try ObjectPrinter(options: output).print(result)
                return .success
            } catch let error as GoTomError where error == .crmJobPending {
                let accepted = UpdateCustomerAcceptedResponse(
                    jobId: error.jobId, jobAlreadyFinished: false, reason: error.crmReason)
                try ObjectPrinter(options: output).print(accepted)
                if !clientOptions.verbosity.quiet {
                    let job = error.jobId.map(String.init) ?? "?"
                    StandardStreams.diagnostic(
                        "goTom queued the upsert as CRM job \(job); follow it with: gotom customer logs \(job)")
                }
                return .pending
            }
        }
    }

    /// The body from file or stdin with the flags merged over it, checked against the model.
    func loadCustomer() throws -> CustomerWrite {
        let overrides: [(String, JSONValue?)] = [
            ("externalCrmId", .text(externalCrmId)),
            ("firm", .text(firm)),
            ("status", try status.map { try Self.code($0, flag: "--status", field: "status", CustomerNames.statuses) }),
            (
                "statusEc",
                try statusEc.map { try Self.code($0, flag: "--status-ec", field: "statusEc", CustomerNames.types) }
            ),
            ("language", .text(language)),
            ("mainAddress.externalCrmId", .text(mainAddress)),
            ("externalId", .text(externalId)),
            ("note", .text(note)),
            ("mwst", .text(mwst)),
        ]
        let customer = try Payload.load(
            CustomerWrite.self, options: payload, overrides: overrides,
            flagHints: Self.flags)
        try Self.check(customer)
        return customer
    }

    /// The flag for each required field.
    static let flags = [
        "externalCrmId": "--external-crm-id", "firm": "--firm", "status": "--status", "statusEc": "--status-ec",
        "language": "--language", "mainAddress": "--main-address", "mainAddress.externalCrmId": "--main-address",
    ]

    /// A flag's value as goTom's numeric code: a name (`active`) or the number itself.
    static func code<Value: ExtensibleEnum>(
        _ text: String, flag: String, field: String, _ names: [(String, Value)]
    ) throws -> JSONValue where Value.RawValue == Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let named = names.first(where: { $0.0 == trimmed }) { return .number(Decimal(named.1.rawValue)) }
        if let number = Int(trimmed), names.contains(where: { $0.1.rawValue == number }) {
            return .number(Decimal(number))
        }
        throw CLIError.usage(
            "invalid input: \(flag) '\(text)' (field '\(field)'): expected one of \(CustomerNames.describe(names))")
    }

    /// What decoding cannot catch: empty ids and names, values the spec does not document.
    static func check(_ customer: CustomerWrite) throws {
        func invalid(_ field: String, _ problem: String) -> CLIError {
            CLIError.usage("invalid input: field '\(field)' \(problem)")
        }
        func blank(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if blank(customer.externalCrmId) { throw invalid("externalCrmId", "must not be empty") }
        if blank(customer.firm) { throw invalid("firm", "must not be empty") }
        if !customer.status.isKnown {
            throw invalid(
                "status",
                "is \(customer.status.rawValue); expected one of "
                    + CustomerNames.describe(CustomerNames.statuses))
        }
        if !customer.statusEc.isKnown {
            throw invalid(
                "statusEc",
                "is \(customer.statusEc.rawValue); expected one of "
                    + CustomerNames.describe(CustomerNames.types))
        }
        if !customer.language.isKnown {
            throw invalid(
                "language",
                "is '\(customer.language.rawValue)'; expected one of "
                    + CustomerLanguage.knownValues.map(\.rawValue).joined(separator: ", "))
        }
        if blank(customer.mainAddress.externalCrmId) { throw invalid("mainAddress.externalCrmId", "must not be empty") }
    }
}
