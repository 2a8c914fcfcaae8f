import Foundation
import GoTomAuth
import GoTomModels

extension GoTomClient {
    /// Sends a request that answers 200 with JSON, and decodes the body.
    func fetch<Value: Decodable>(_ type: Value.Type, _ request: APIRequest) async throws(GoTomError) -> Value {
        let exchange = try await pipeline.send(request, accepting: [200])
        return try await decode(type, from: exchange, request: request)
    }

    /// Sends a request that answers with one of `statuses` and no body of interest (201, 204).
    func perform(_ request: APIRequest, expecting statuses: Set<Int>) async throws(GoTomError) {
        let exchange = try await pipeline.send(request, accepting: statuses)
        // The operation has succeeded; read (and drop) whatever body there is so the connection can be reused.
        _ = await RequestPipeline.readPrefix(of: exchange.response.body, limit: 64 * 1024)
    }

    /// Reads a JSON body and decodes it.
    func decode<Value: Decodable>(
        _ type: Value.Type, from exchange: RequestPipeline.Exchange, request: APIRequest
    ) async throws(GoTomError) -> Value {
        let bytes: [UInt8]
        do {
            bytes = try await exchange.response.body.collect(upTo: configuration.maxResponseBodySize)
        } catch {
            let transportError =
                error as? GoTomTransportError
                ?? GoTomTransportError(.connectionLost, stage: .readingResponse, detail: "\(error)")
            if transportError.kind == .localInput {
                throw unexpected(
                    request, exchange, detail: "response body larger than \(configuration.maxResponseBodySize) bytes")
            }
            var failure = GoTomError.transport(transportError, operation: request.operation)
            failure.request = request.summary
            failure.attempts = exchange.attempts
            failure.status = exchange.response.statusCode
            throw failure
        }
        do {
            // The bytes are only read while decoding, so `Data` borrows them instead of copying.
            return try bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, raw.count > 0 else {
                    return try Self.jsonDecoder.decode(type, from: Data())
                }
                let data = Data(
                    bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: raw.count, deallocator: .none)
                return try Self.jsonDecoder.decode(type, from: data)
            }
        } catch {
            throw unexpected(
                request, exchange, detail: "cannot decode \(Value.self): \(Self.describe(error))", body: bytes)
        }
    }

    /// One decoder for every response: its options never change, and `JSONDecoder` is safe to share.
    private static let jsonDecoder = JSONDecoder()

    /// Request bodies: compact, slashes as they are.
    package static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    /// An ``GoTomError/unexpectedResponse`` for an accepted status whose body cannot be used.
    func unexpected(
        _ request: APIRequest, _ exchange: RequestPipeline.Exchange, detail: String, body: [UInt8] = []
    ) -> GoTomError {
        var error = GoTomError.make(.unexpectedResponse, detail: detail, operation: request.operation)
        error.request = request.summary
        error.attempts = exchange.attempts
        error.status = exchange.response.statusCode
        error.dateHeader = exchange.response.header("Date")
        error.requestId = exchange.response.header("X-Request-Id")
        error.bodyExcerpt = body.isEmpty ? nil : GoTomError.excerpt(body)
        return error
    }

    /// Encodes a request body once; these bytes are hashed, signed and sent.
    func encode(_ value: some Encodable, operation: String) throws(GoTomError) -> [UInt8] {
        do {
            return Array(try Self.jsonEncoder.encode(value))
        } catch {
            throw GoTomError.make(.invalidRequest, detail: "cannot encode the body: \(error)", operation: operation)
        }
    }

    /// A short, single-line account of a decoding error: the coding path and what went wrong.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "top level" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): missing key '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// Builds request targets from literal segments and percent-encoded ids.
enum Path {
    /// Encodes an external id as one path segment (`/` becomes `%2F`, `ü` becomes `%C3%BC`).
    static func segment(_ id: String) -> String { RequestURI.encodePathSegment(id) }

    /// Appends `?page=N` for pages after the first; goTom's default page is 1.
    static func paged(_ path: String, page: Int) -> String {
        page == 1 ? path : path + "?page=" + RequestURI.encodeQueryComponent(String(page))
    }
}
