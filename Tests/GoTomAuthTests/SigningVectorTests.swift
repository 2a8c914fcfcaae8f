import Foundation
import GoTomAuth
import Testing

struct SigningVector: Decodable, CustomTestStringConvertible, Sendable {
    var name: String
    var method: String
    var body: String
    var contentType: String
    var date: String
    var customHeaders: [[String]]
    var requestURI: String
    var secret: String
    var user: String
    var stringToSign: String
    var signature: String

    var testDescription: String { name }
    var headerPairs: [(name: String, value: String)] { customHeaders.map { ($0[0], $0[1]) } }

    static let all: [SigningVector] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/signing-vectors.json")
        // The fixture is part of the repository; a decoding failure is a broken checkout.
        return try! JSONDecoder().decode([SigningVector].self, from: Data(contentsOf: url))
    }()
}

@Suite("Signing vectors")
struct SigningVectorTests {
    @Test("message and signature match the golden vector", arguments: SigningVector.all)
    func goldenVector(_ vector: SigningVector) {
        let signer = RequestSigner(credentials: Credentials(user: vector.user, secret: vector.secret))
        let signed = signer.sign(
            method: vector.method,
            requestURI: vector.requestURI,
            contentType: vector.contentType,
            bodyDigest: BodyDigest(utf8: vector.body),
            date: vector.date,
            customHeaders: vector.headerPairs
        )
        #expect(signed.message.stringToSign == vector.stringToSign)
        #expect(signed.authorization.signature == vector.signature)
        #expect(signed.date == vector.date)
        #expect(signed.contentType == vector.contentType)
    }

    @Test("goTom's bundle vector: provider Test, custom header, empty URI")
    func bundleVector() {
        let signer = RequestSigner(credentials: Credentials(user: "someone", secret: "secret-key", provider: "Test"))
        let signed = signer.sign(
            method: "GET", requestURI: "", contentType: "text/plain", bodyDigest: .empty,
            date: "Fri, 19 Mar 1982 00:00:04 GMT", customHeaders: [("Custom1", "Value1")]
        )
        #expect(signed.message.customHeaders == "custom1: Value1")
        #expect(signed.authorization.value == "Test someone:nv8dzi42F+Rh470oNSSbCpWYUds=")
    }

    @Test("the default Date is ISO 8601 UTC without fractional seconds, from the injected clock")
    func defaultDate() {
        let clock = FixedWallClock(UnixTime(seconds: 1_730_974_875))
        let signer = RequestSigner(credentials: Credentials(user: "u", secret: "s"), clock: clock)
        let signed = signer.sign(method: "get", requestURI: "/app-api/campaign/1")
        #expect(signed.date == "2024-11-07T10:21:15Z")
        #expect(signed.message.method == "GET")
        #expect(signed.contentType == "application/json")
    }

    @Test("a colon in the user is escaped in the header")
    func escapedUser() {
        let signer = RequestSigner(credentials: Credentials(user: "team:crm", secret: "s"))
        let signed = signer.sign(method: "GET", requestURI: "/", date: "2024-11-07T10:21:15Z")
        #expect(signed.authorization.value.hasPrefix("gotom_app_api team\\:crm:"))
        #expect(!signed.authorization.redactedValue.contains(signed.authorization.signature))
    }

    @Test("streaming digest equals the one-shot digest, across chunk boundaries")
    func streamingDigest() async throws {
        let body = Array((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let chunks = stride(from: 0, to: body.count, by: 4093).map { Array(body[$0..<min($0 + 4093, body.count)]) }
        let stream = AsyncStream<[UInt8]> { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
        let streamed = try await BodyDigest.of(streaming: stream)
        #expect(streamed == BodyDigest(bytes: body))
        #expect(BodyDigest.empty.hex == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(BodyDigest(utf8: "{\"name\":\"x\"}").hex == "5cf8efb68580b541236e85114899af81")
    }

    @Test("explain labels all six parts and never contains the secret")
    func explain() {
        let secret = "very-secret-value-123"
        let signer = RequestSigner(credentials: Credentials(user: "u", secret: secret))
        let signed = signer.sign(
            method: "POST", requestURI: "/app-api/campaign/1", bodyDigest: BodyDigest(utf8: "{}"),
            date: "2024-11-07T10:21:15Z")
        let text = signed.message.explanation
        for label in ["1 method", "2 body MD5", "3 content type", "4 date", "5 custom headers", "6 request URI"] {
            #expect(text.contains(label))
        }
        #expect(text.contains("(empty)"))
        #expect(!text.contains(secret))
        #expect(!"\(signer.credentials)".contains(secret))
        #expect(!String(reflecting: signer.credentials).contains(secret))
    }
}
