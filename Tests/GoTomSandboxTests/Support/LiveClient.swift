import Foundation
import GoTomAuth

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Signs and sends requests to a live sandbox over loopback with URLSession.
struct LiveClient: Sendable {
    let baseURL: String
    let credentials: Credentials
    var clock: any WallClock = SystemWallClock()

    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    func send(_ method: String, _ uri: String, json: String? = nil) async throws -> Reply {
        let signer = RequestSigner(credentials: credentials, clock: clock)
        let signed = signer.sign(method: method, requestURI: uri, bodyDigest: BodyDigest(utf8: json ?? ""))
        var request = URLRequest(url: URL(string: baseURL + uri)!)
        request.httpMethod = method
        for (name, value) in signed.fields { request.setValue(value, forHTTPHeaderField: name) }
        if let json { request.httpBody = Data(json.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        return Reply(status: http.statusCode, headers: headers, body: data)
    }
}
