extension RequestInvocation {
    /// Reads `gotom request`'s arguments in their plain forms without ArgumentParser, or returns `nil`.
    ///
    /// Scripts start `gotom request` once per API call, and ArgumentParser finds a command's options by reflection:
    /// every property of every option group is cast to its protocols, and each cast that is not cached yet scans
    /// all of the executable's protocol conformances. That costs about as much as the TLS handshake. This scanner
    /// accepts only what it can read exactly as ArgumentParser would: two to four positional values, the long and
    /// short names below as `--name value` or `--name=value`, each at most once, and values that do not start
    /// with `-`. Anything else (help, `--`, bundled short flags, repeats, unknown names, a malformed number)
    /// returns `nil`, and the caller hands the arguments to ArgumentParser, which prints its usual messages.
    init?(scanning arguments: [String]) {
        var positionals: [String] = []
        var invocation = RequestInvocation(method: "", url: "")
        var seen: Set<ScannedOption> = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-") else {
                if argument == "help" { return nil }
                positionals.append(argument)
                continue
            }
            var name = Substring(argument)
            var inlineValue: Substring?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = argument[..<equals]
                inlineValue = argument[argument.index(after: equals)...]
            }
            guard let option = ScannedOption.named[String(name)], seen.insert(option).inserted else { return nil }
            guard option.takesValue else {
                guard inlineValue == nil else { return nil }
                if option == .bodyOnly { invocation.bodyOnly = true } else { invocation.explain = true }
                continue
            }
            let value: String
            if let inlineValue {
                value = String(inlineValue)
            } else {
                guard index < arguments.endIndex else { return nil }
                value = arguments[index]
                index += 1
            }
            guard !value.isEmpty, !value.hasPrefix("-"), invocation.set(option, to: value) else { return nil }
        }
        guard (2...4).contains(positionals.count) else { return nil }
        invocation.method = positionals[0]
        invocation.url = positionals[1]
        invocation.user = positionals.count > 2 ? positionals[2] : nil
        invocation.secret = positionals.count > 3 ? positionals[3] : nil
        self = invocation
    }

    /// Stores an option's value; `false` when it is not a valid value for that option.
    private mutating func set(_ option: ScannedOption, to value: String) -> Bool {
        switch option {
        case .profile: connection.profile = value
        case .baseURL: connection.baseURL = value
        case .provider: connection.provider = value
        case .cacert: connection.cacert = value
        case .connectTimeout, .timeout:
            guard let seconds = Double(value) else { return false }
            if option == .timeout { connection.timeout = seconds } else { connection.connectTimeout = seconds }
        case .data: body.data = value
        case .contentType: body.contentType = value
        case .outputFile: outputFile = value
        case .bodyOnly, .explain: return false
        }
        return true
    }
}

/// The options of ``RequestCommand`` that ``RequestInvocation/init(scanning:)`` reads.
private enum ScannedOption: Hashable, CaseIterable {
    case profile, baseURL, provider, cacert, connectTimeout, timeout, data, contentType, outputFile, bodyOnly, explain

    var takesValue: Bool { self != .bodyOnly && self != .explain }

    /// The names ArgumentParser gives these options in ``ConnectionOptions``, ``BodyOptions`` and
    /// ``RequestCommand``.
    var names: [String] {
        switch self {
        case .profile: ["--profile"]
        case .baseURL: ["--base-url"]
        case .provider: ["--provider"]
        case .cacert: ["--cacert"]
        case .connectTimeout: ["--connect-timeout"]
        case .timeout: ["--timeout"]
        case .data: ["-d", "--data"]
        case .contentType: ["--content-type"]
        case .outputFile: ["-o", "--output-file"]
        case .bodyOnly: ["-b", "--body-only"]
        case .explain: ["--explain"]
        }
    }

    static let named: [String: ScannedOption] = Dictionary(
        uniqueKeysWithValues: allCases.flatMap { option in option.names.map { ($0, option) } })
}
