import GoTomAuth
import Testing

@Suite("Request URI encoding")
struct RequestURITests {
    @Test("path segments keep structure-changing characters encoded")
    func segments() {
        #expect(RequestURI.encodePathSegment("a b+c%d/eü") == "a%20b+c%25d%2Fe%C3%BC")
        #expect(RequestURI.encodePathSegment("ABC-1_x.y~z") == "ABC-1_x.y~z")
        #expect(RequestURI.encodeQueryComponent("a b&c=d+ü") == "a%20b%26c%3Dd%2B%C3%BC")
    }

    @Test("typed targets are normalised like Node's URL")
    func normalise() {
        #expect(
            RequestURI.normalizeTarget("/app-api/campaign/a b/ü?q=x y&z='1'")
                == "/app-api/campaign/a%20b/%C3%BC?q=x%20y&z=%271%27")
        #expect(RequestURI.normalizeTarget("/app-api/campaign/a%20b+c?x=1#frag") == "/app-api/campaign/a%20b+c?x=1")
        #expect(RequestURI.normalizeTarget("/plain") == "/plain")
    }
}
