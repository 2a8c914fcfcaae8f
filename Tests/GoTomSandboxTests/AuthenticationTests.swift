import Foundation
import GoTomAuth
import GoTomModels
import GoTomSandbox
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Authentication")
struct AuthenticationTests {
    @Test("a signed request passes and every answer carries Date and Cache-Control")
    func signedRequestPasses() async throws {
        try await withSandbox { client throws in
            let response = try await client.get("/app-api/primary-keys/platform")
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "no-cache, private")
            #expect(response.headers[.contentType] == "application/json")
            let date = try #require(response.headers[.date])
            #expect(date.hasSuffix(" GMT"))
        }
    }

    @Test(
        "401 with goTom's message as a JSON string",
        arguments: [
            (nil as String?, "Authorization header required"),
            ("Basic dGVzdDp0ZXN0", "Invalid provider in authorization header"),
            ("gotom_app_api tester", "Unable to parse ID and signature from authorization header"),
            ("gotom_app_api tester:not*base64", "Invalid signature in authorization header"),
            ("gotom_app_api :c2lnbmF0dXJl", "No user id"),
            ("gotom_app_api stranger:c2lnbmF0dXJl", "Invalid credentials."),
            ("gotom_app_api tester:c2lnbmF0dXJl", "Signature not valid"),
        ]
    )
    func authorizationFailures(authorization: String?, message: String) async throws {
        try await withSandbox { client throws in
            var headers = HTTPFields()
            if let authorization { headers[.authorization] = authorization }
            headers[.contentType] = "application/json"
            headers[.date] = DateHeaderFormat.iso8601UTC.format(UnixTime.now())
            let response = try await client.raw(.get, "/app-api/campaign/x", headers: headers)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.text == "\"\(message)\"")
            #expect(response.headers[.date] != nil)
        }
    }

    @Test("401 for a missing or unreadable Date and a missing Content-Type")
    func headerFailures() async throws {
        try await withSandbox { client throws in
            let signer = RequestSigner(credentials: testCredentials)
            let signed = signer.sign(method: "GET", requestURI: "/app-api/customer")
            var noDate = HTTPFields()
            noDate[.authorization] = signed.authorization.value
            noDate[.contentType] = "application/json"
            let missingDate = try await client.raw(.get, "/app-api/customer", headers: noDate)
            #expect(missingDate.text == "\"Date header required\"")
            var badDate = noDate
            badDate[.date] = "yesterday-ish"
            let unreadableDate = try await client.raw(.get, "/app-api/customer", headers: badDate)
            #expect(unreadableDate.text == "\"Timestamp not valid\"")
            var noType = HTTPFields()
            noType[.authorization] = signed.authorization.value
            noType[.date] = signed.date
            let missingType = try await client.raw(.get, "/app-api/customer", headers: noType)
            #expect(missingType.text == "\"Content type header required\"")
        }
    }

    @Test("a body that differs from the signed one, or another URI, fails the signature")
    func tamperedRequests() async throws {
        try await withSandbox { client throws in
            let signer = RequestSigner(credentials: testCredentials)
            let signed = signer.sign(
                method: "POST", requestURI: "/app-api/campaign", bodyDigest: BodyDigest(utf8: "{\"a\":1}")
            )
            var headers = HTTPFields()
            for (name, value) in signed.fields { headers.append(HTTPField(name: HTTPField.Name(name)!, value: value)) }
            let otherBody = try await client.raw(.post, "/app-api/campaign", headers: headers, body: "{\"a\":2}")
            #expect(otherBody.status == .unauthorized)
            #expect(otherBody.text == "\"Signature not valid\"")
            let otherURI = try await client.raw(.post, "/app-api/campaign?x=1", headers: headers, body: "{\"a\":1}")
            #expect(otherURI.text == "\"Signature not valid\"")
        }
    }

    @Test("the sandbox clock decides about skew, and the Date header reports that clock")
    func skewedServerClock() async throws {
        let skew: Int64 = 45 * 60
        try await withSandbox(clock: OffsetWallClock(offsetSeconds: skew)) { client throws in
            let tooOld = try await client.get("/app-api/customer")
            #expect(tooOld.status == .unauthorized)
            #expect(tooOld.text == "\"Request is too old\"")
            let served = try #require(tooOld.headers[.date])
            let servedTime = try #require(DateHeaderParser.parse(served))
            #expect(abs(servedTime.seconds - (UnixTime.now().seconds + skew)) < 10)
            var corrected = client
            corrected.clock = OffsetWallClock(offsetSeconds: skew)
            #expect(try await corrected.get("/app-api/customer").status == .ok)
        }
        try await withSandbox(clock: OffsetWallClock(offsetSeconds: -skew)) { client throws in
            let inFuture = try await client.get("/app-api/customer")
            #expect(inFuture.text == "\"Request is too far in the future\"")
        }
    }

    @Test("unknown paths need authentication too: 401 first, 404 only when signed")
    func authenticationBeforeRouting() async throws {
        try await withSandbox { client throws in
            let anonymous = try await client.raw(.get, "/nothing/here", headers: [:])
            #expect(anonymous.status == .unauthorized)
            let signed = try await client.get("/nothing/here")
            #expect(signed.status == .notFound)
        }
    }
}
