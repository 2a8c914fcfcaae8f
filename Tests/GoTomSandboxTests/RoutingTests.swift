import Foundation
import GoTomModels
import GoTomSandbox
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Routing and framework errors")
struct RoutingTests {
    @Test("404 is goTom's problem JSON with vary: Accept")
    func notFoundProblem() async throws {
        try await withSandbox { client throws in
            let response = try await client.get("/app-api/campaign/does-not-exist")
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.headers[.vary] == "Accept")
            let problem = try response.decode(ProblemDetails.self)
            #expect(
                problem
                    == ProblemDetails(
                        type: "https://tools.ietf.org/html/rfc2616#section-10", title: "An error occurred", status: 404,
                        detail: "Not Found"
                    )
            )
            #expect(try await client.get("/app-api/unknown").status == .notFound)
            #expect(try await client.get("/app-api/campaign/").status == .notFound)
            #expect(try await client.get("/campaign/x").status == .notFound)
        }
    }

    @Test("405 for a known path with the wrong method, with Allow")
    func methodNotAllowed() async throws {
        try await withSandbox { client throws in
            let response = try await client.send(.put, "/app-api/campaign/x", json: "{}")
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET, POST")
            #expect(try response.decode(ProblemDetails.self).status == 405)
            #expect(try await client.delete("/app-api/customer").status == .methodNotAllowed)
            #expect(try await client.get("/app-api/campaign").status == .methodNotAllowed)
        }
    }

    @Test("413 for a body over the limit")
    func bodyTooLarge() async throws {
        try await withSandbox(maxBodySize: 1024) { client throws in
            let big = "{\"name\":\"" + String(repeating: "x", count: 2000) + "\"}"
            let response = try await client.post("/app-api/campaign", big)
            #expect(response.status == .contentTooLarge)
            #expect(try response.decode(ProblemDetails.self).status == 413)
            #expect(try await client.post("/app-api/campaign", "{}").status == .badRequest)
        }
    }

    @Test("malformed JSON, an empty body and JSON of the wrong shape answer 400 with a clear message")
    func malformedBodies() async throws {
        try await withSandbox { client throws in
            for body in ["{\"name\": ", "", "[1,2,3]", "\"text\"", "not json"] {
                let response = try await client.post("/app-api/campaign", body)
                #expect(response.status == .badRequest, "\(body)")
                let problem = try response.decode(ProblemDetails.self)
                #expect(problem.status == 400)
                #expect(problem.detail?.hasPrefix("Bad Request: ") == true)
            }
            let wrongTypes = try await client.post("/app-api/campaign", #"{"externalId":5,"name":[],"status":"x"}"#)
            #expect(wrongTypes.status == .badRequest)
            #expect(
                Set(wrongTypes.violations).isSuperset(of: [
                    Violation(.invalidType, "externalId"), Violation(.invalidType, "name"),
                    Violation(.invalidChoice, "status"), Violation(.nullValue, "bookingDate"),
                    Violation(.nullValue, "customer"),
                ])
            )
        }
    }

    @Test("percent-encoded external ids are decoded per segment, and signed as sent")
    func percentEncodedIds() async throws {
        try await withSandbox { client throws in
            #expect(try await client.post("/app-api/campaign", Bodies.campaign("a/b c%")).status == .created)
            let response = try await client.get("/app-api/campaign/a%2Fb%20c%25")
            #expect(response.status == .ok)
            #expect(response.json["externalId"] == "a/b c%")
            #expect(try await client.get("/app-api/campaign/a/b%20c%25").status == .notFound)
            #expect(try await client.get("/app-api/campaign/%ZZ").status == .notFound)
        }
    }
}
