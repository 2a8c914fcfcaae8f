import Foundation
import GoTomAuth
import HTTPTypes

/// The sandbox's own endpoints under `/_sandbox/`: health, reset, the request journal, the state, fault rules
/// and the web console. They are not goTom's and are not signed.
///
/// On a loopback listener they need no token; with a control token every JSON endpoint needs
/// `Authorization: Bearer TOKEN` (the console's static files do not: they hold no data).
struct ControlPlane: Sendable {
    static let prefix = "/_sandbox"

    let journal: RequestJournal
    let faults: FaultTable
    let startupFaults: [FaultRule]
    let engine: SandboxEngine
    /// Builds the start-up state (demo data and fixtures) again, for a reset.
    let startState: @Sendable () throws -> SandboxState
    let token: String?
    let startedAt: ContinuousClock.Instant
    /// The largest control-plane body accepted (fault rules are small).
    static let maxBodySize = 64 * 1024

    /// Whether a raw path belongs to the control plane.
    static func owns(_ path: String) -> Bool {
        path == prefix || path.hasPrefix(prefix + "/")
    }

    func handle(method: HTTPRequest.Method, path: String, query: String?, authorization: String?, body: Data) async
        -> SandboxReply
    {
        let route = String(path.dropFirst(Self.prefix.count))
        switch (method, route) {
        case (.get, ""), (.get, "/"), (.get, "/index.html"): return ConsoleAssets.reply(.html)
        case (.get, "/console.js"): return ConsoleAssets.reply(.script)
        case (.get, "/console.css"): return ConsoleAssets.reply(.style)
        default: break
        }
        if let token {
            let presented = authorization.flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil } ?? ""
            guard ConstantTime.equals(presented, token) else {
                var reply = SandboxReply.json(.unauthorized, ["error": "this sandbox's control plane needs its token"])
                reply.extraHeaders.append((.wwwAuthenticate, "Bearer"))
                return reply
            }
        }
        switch (method, route) {
        case (.get, "/health"): return health()
        case (.post, "/reset"): return await reset()
        case (.get, "/requests"): return requests(query: query)
        case (.get, "/state"): return await .json(.ok, engine.read { StateSummary($0) })
        case (.get, "/faults"): return .json(.ok, ["faults": faults.rules])
        case (.post, "/faults"): return addFault(body)
        case (.delete, "/faults"):
            faults.replace(with: [])
            return .json(.ok, ["faults": faults.rules])
        default:
            if method == .delete, route.hasPrefix("/faults/"), let id = Int(route.dropFirst("/faults/".count)) {
                return faults.remove(id: id) ? .json(.ok, ["faults": faults.rules]) : .problem(.notFound)
            }
            let known = ["", "/", "/health", "/reset", "/requests", "/state", "/faults"]
            return known.contains(route) ? .problem(.methodNotAllowed) : .problem(.notFound)
        }
    }

    private struct Health: Encodable {
        var ready = true
        var version = GoTomKitVersion.version
        var uptimeSeconds: Double
    }

    private func health() -> SandboxReply {
        let elapsed = ContinuousClock.now - startedAt
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return .json(.ok, Health(uptimeSeconds: (seconds * 1000).rounded() / 1000))
    }

    private struct ResetDone: Encodable {
        var reset = true
        var campaigns: Int
        var customers: Int
    }

    private func reset() async -> SandboxReply {
        let fresh: SandboxState
        do {
            fresh = try startState()
        } catch {
            return .json(.internalServerError, ["error": "cannot rebuild the start-up data: \(error)"])
        }
        guard await engine.reset(to: fresh) else { return .internalError }
        journal.clear()
        faults.replace(with: startupFaults)
        return .json(.ok, ResetDone(campaigns: fresh.campaigns.count, customers: fresh.customers.count))
    }

    private struct JournalPage: Encodable {
        var entries: [JournalEntry]
        var lastId: Int
        var capacity: Int
    }

    private func requests(query: String?) -> SandboxReply {
        let since = QueryParameters(rawQuery: query)["since"].flatMap { Int($0) } ?? 0
        let (entries, lastId) = journal.entries(since: since)
        return .json(.ok, JournalPage(entries: entries, lastId: lastId, capacity: journal.capacity))
    }

    private func addFault(_ body: Data) -> SandboxReply {
        do {
            var rule = try JSONDecoder().decode(FaultRule.self, from: body)
            rule.id = nil
            try rule.validate()
            return .json(.created, faults.add(rule))
        } catch let error as SandboxError {
            return .json(.badRequest, ["error": error.detail])
        } catch {
            return .json(
                .badRequest,
                [
                    "error":
                        "expected a JSON fault rule such as {\"method\":\"GET\",\"path\":\"/app-api/*\",\"status\":503}"
                ]
            )
        }
    }
}
