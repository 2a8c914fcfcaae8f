import Foundation
import GoTomAPI
import GoTomAuth

extension GoTomError {
    /// One line in the user's words: the thing the request was about and what happened, e.g.
    /// `campaign 12345 not found (HTTP 404)` or `cannot connect to 127.0.0.1:1 (connection refused) after 4 attempts`.
    var userMessage: String {
        let target = RequestTarget(summary: request)
        let http = status.map { " (HTTP \($0))" } ?? ""
        let said = serverMessage.map { ": " + Self.clip($0) } ?? ""
        if self == .notFound {
            // goTom's "Not Found" or "Customer not found with …" says what the line says; other messages (e.g. a
            // CRM job's NO_JOB_FOUND) add something.
            let specific = serverMessage.map { $0.lowercased().contains("not found") ? "" : ": " + Self.clip($0) } ?? ""
            return "\(target?.thing ?? "nothing") not found\(specific)\(http)"
        }
        if self == .unauthorized {
            return "goTom rejected the \(authenticationPart)\(said)\(http)"
        }
        if self == .constraintViolations {
            let count = violations.count
            return "goTom rejected \(target?.action(operation) ?? "the request"): "
                + "\(count) violation\(count == 1 ? "" : "s")\(http)"
        }
        if self == .externalIdAlreadyInUse {
            return "\(target?.thing ?? "the entity") probably exists already: an earlier attempt of this create "
                + "reached goTom and its externalId is now taken\(http)"
        }
        if self == .crmJobPending {
            return "goTom queued the customer update\(jobId.map { " as CRM job \($0)" } ?? ""); it is not applied yet"
                + http
        }
        if self == .crmDataError {
            return "goTom's CRM sync rejected the customer data\(said)\(http)"
        }
        if self == .rejected {
            if status == 403 {
                return "goTom does not allow this user \(target?.action(operation) ?? "this request")\(said)\(http)"
            }
            if status == 429 { return "goTom is limiting the request rate\(said)\(http)\(afterAttempts)" }
            return "goTom refused \(target?.action(operation) ?? "the request")\(said)\(http)"
        }
        if self == .serverError {
            return "goTom failed while \(target?.gerund(operation) ?? "answering")\(said)\(http)\(afterAttempts)"
        }
        if self == .transport, let transportError {
            return Self.describe(transportError) + afterAttempts
        }
        if self == .unexpectedResponse {
            return "goTom's answer to \(target?.action(operation) ?? "the request") cannot be read: "
                + "\(detail ?? serverMessage ?? "unexpected response")\(http)"
        }
        if self == .invalidRequest { return "cannot build the request: \(detail ?? "invalid input")" }
        if self == .invalidConfiguration { return detail ?? "invalid configuration" }
        if self == .fileSystem { return "cannot write the download: \(detail ?? "file system error")" }
        if self == .cancelled { return "cancelled\(target.map { " while " + $0.gerund(operation) } ?? "")" }
        return shortDescription
    }

    /// The second line of `-v`: operation, request, request id and attempts.
    var verboseDetails: String {
        var parts: [String] = []
        if let operation { parts.append("operation \(operation)") }
        if let request { parts.append("request \(request)") }
        if let requestId { parts.append("request id \(requestId)") }
        if attempts > 0 { parts.append("\(attempts) attempt\(attempts == 1 ? "" : "s")") }
        if let dateHeader { parts.append("server date \(dateHeader)") }
        if serverMessage == nil, violations.isEmpty, let bodyExcerpt {
            parts.append("body \(Self.clip(bodyExcerpt.replacingOccurrences(of: "\n", with: " ")))")
        }
        return parts.joined(separator: " · ")
    }

    /// What a 401 says was wrong: the signature, the credentials or the request date.
    private var authenticationPart: String {
        switch verificationError {
        case .some(.signatureMismatch), .some(.invalidSignatureFormat): "signature"
        case .some(.requestTooOld), .some(.requestInFuture), .some(.timestampNotValid), .some(.dateHeaderRequired):
            "request date"
        case .some(.unknownUser), .some(.missingUserId), .some(.unparsableCredentials), .some(.invalidProvider):
            "credentials"
        default: "authentication"
        }
    }

    private var afterAttempts: String { attempts > 1 ? " after \(attempts) attempts" : "" }

    /// A transport failure in plain words, without the category prefix of its `description`.
    static func describe(_ failure: GoTomTransportError) -> String {
        let detail = failure.detail
        return switch failure.kind {
        case .invalidURL: "invalid URL: \(detail)"
        case .connectionFailed:
            detail.hasPrefix("cannot connect") ? plainConnectDetail(detail) : "cannot connect: \(detail)"
        case .tlsFailed: "TLS handshake failed: \(plainTLSDetail(detail))"
        case .timedOut: "timed out: \(detail)"
        case .connectionLost: "the connection broke: \(detail)"
        case .localInput: detail
        }
    }

    /// `cannot connect to HOST:PORT (reason)`: the transport words some failures `cannot connect to HOST:PORT: reason`.
    static func plainConnectDetail(_ detail: String) -> String {
        guard detail.hasPrefix("cannot connect to "), let separator = detail.range(of: ": ", options: .backwards)
        else { return detail }
        return detail[..<separator.lowerBound] + " (" + detail[separator.upperBound...] + ")"
    }

    /// BoringSSL's reason without its source location, e.g. `the server's certificate is not trusted
    /// (CERTIFICATE_VERIFY_FAILED)`.
    static func plainTLSDetail(_ detail: String) -> String {
        guard let marker = detail.range(of: "OPENSSL_internal:") else { return detail }
        let reason = String(detail[marker.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        switch reason {
        case "CERTIFICATE_VERIFY_FAILED": return "the server's certificate is not trusted (\(reason))"
        case "WRONG_VERSION_NUMBER": return "the server does not speak TLS on this port (\(reason))"
        default: return reason.isEmpty ? detail : reason
        }
    }

    /// A transport failure's `description` in the words of ``describe(_:)``, for the SDK's retry warnings.
    static func plainTransportText(_ text: String) -> String {
        if text.hasPrefix("connection failed: ") {
            return plainConnectDetail(String(text.dropFirst("connection failed: ".count)))
        }
        if text.hasPrefix("TLS failed: ") { return "TLS handshake failed: " + plainTLSDetail(text) }
        return text
    }

    static func clip(_ text: String, to limit: Int = 160) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}

/// The entity a request path names, e.g. `flight F-1 of campaign P-1` for `/app-api/campaign/P-1/flight/F-1`.
struct RequestTarget {
    /// The named entities from the outermost to the innermost, e.g. `[("campaign", "P-1"), ("flight", "F-1")]`.
    var entities: [(noun: String, id: String)]
    /// A trailing collection without an id, e.g. `flight` for `POST /app-api/campaign/P-1/flight`.
    var collection: String?

    /// Path words and the noun they name; two-word paths first.
    private static let nouns: [([String], String)] = [
        (["graph-export", "download"], "graph report"),
        (["custom-report-export", "download"], "custom report"),
        (["crm-sync-import-external-crm-id", "error-logs"], "CRM job"),
        (["export", "price", "tarif"], "tarif"),
        (["campaign"], "campaign"), (["flight"], "flight"), (["flight-lineitemid"], "flight with line item id"),
        (["campaign-discount"], "discount"), (["flight-discount"], "flight discount"), (["customer"], "customer"),
        (["primary-keys"], "primary keys of"), (["sublines"], "sublines"), (["commission"], "commission"),
        (["document"], "document"), (["archive-status"], "archive status"),
        (["commission-status"], "commission status"),
        (["crm-sync-import-external-crm-id", "update-customer"], "customer"),
    ]

    /// Reads `METHOD /app-api/…` as ``GoTomError/request`` holds it; nil for other paths.
    init?(summary: String?) {
        guard let summary else { return nil }
        let target = summary.split(separator: " ", maxSplits: 1).last.map(String.init) ?? summary
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        var segments = path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        guard segments.first == "app-api" else { return nil }
        segments.removeFirst()
        entities = []
        while !segments.isEmpty {
            guard let match = Self.nouns.first(where: { segments.starts(with: $0.0) }) else { return nil }
            segments.removeFirst(match.0.count)
            if let id = segments.first {
                entities.append((match.1, id))
                segments.removeFirst()
            } else {
                collection = match.1
            }
        }
        guard !entities.isEmpty || collection != nil else { return nil }
    }

    /// `flight F-1 of campaign P-1`; `a flight in campaign P-1` when the path ends at a collection.
    var thing: String {
        let named = entities.reversed().map { "\($0.noun) \($0.id)" }
        if let collection {
            let inner = collection.hasSuffix("s") ? collection : "a \(collection)"
            return named.isEmpty ? inner : "\(inner) of \(named.joined(separator: " of "))"
        }
        return named.joined(separator: " of ")
    }

    /// What the operation did to ``thing``, e.g. `the update of campaign P-1`.
    func action(_ operation: String?) -> String {
        guard let verb = operation?.split(separator: ".").last.map(String.init) else {
            return "the request for \(thing)"
        }
        switch verb {
        case "create", "createFlight": return "creating \(thing)"
        case "update", "setSublines": return "the update of \(thing)"
        case "delete": return "deleting \(thing)"
        case "upsert": return "the update of \(thing)"
        default: return "the request for \(thing)"
        }
    }

    /// `updating campaign P-1`.
    func gerund(_ operation: String?) -> String {
        let verb = operation?.split(separator: ".").last.map(String.init) ?? ""
        switch verb {
        case "create": return "creating \(thing)"
        case "update", "upsert": return "updating \(thing)"
        case "delete": return "deleting \(thing)"
        case "list": return "listing \(thing)"
        default: return "answering the request for \(thing)"
        }
    }
}
