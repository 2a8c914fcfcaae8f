import GoTomAuth
import Testing

@Suite("Verifier")
struct VerifierTests {
    static let now = UnixTime(seconds: 1_730_974_875)  // 2024-11-07T10:21:15Z
    static let secret = "test-secret-verifier"
    static let verifier = RequestVerifier(clock: FixedWallClock(now))
    static let signer = RequestSigner(
        credentials: Credentials(user: "crm_sync_import", secret: secret),
        clock: FixedWallClock(now))

    struct Base: Sendable {
        var method = "POST"
        var uri = "/app-api/campaign/12345?update_commissions=0"
        var contentType = "application/json; charset=utf-8"
        var body = "{\"name\":\"new campaign name\"}"
        var date = "2024-11-07T10:21:15Z"
        var custom: [(name: String, value: String)] = [("X-Request-Id", "abc")]
    }

    static func incoming(signed base: Base, received: Base, authorization: String? = nil) -> IncomingRequest {
        let headers = signer.sign(
            method: base.method, requestURI: base.uri, contentType: base.contentType,
            bodyDigest: BodyDigest(utf8: base.body), date: base.date, customHeaders: base.custom
        )
        return IncomingRequest(
            method: received.method, requestURI: received.uri,
            authorization: authorization ?? headers.authorization.value,
            date: received.date, contentType: received.contentType, customHeaders: received.custom,
            bodyDigest: BodyDigest(utf8: received.body)
        )
    }

    static func lookup(_ user: String) -> String? { user == "crm_sync_import" ? secret : nil }

    @Test("sign then verify accepts, and reports the user")
    func roundTrip() throws {
        let request = Self.incoming(signed: Base(), received: Base())
        let verified = try Self.verifier.verify(request, secretForUser: Self.lookup)
        #expect(verified.user == "crm_sync_import")
        #expect(verified.date == Self.now)
    }

    /// Flips one byte of a string at every position, yielding each variant.
    static func variants(of text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.indices.map { index in
            var copy = bytes
            copy[index] = copy[index] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            return String(decoding: copy, as: UTF8.self)
        }
    }

    /// Changes one digit at a time (to the next digit), so that most variants are still valid dates.
    static func digitVariants(of text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.indices.compactMap { index in
            guard bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else { return nil }
            var copy = bytes
            copy[index] = UInt8(ascii: "0") + (copy[index] - UInt8(ascii: "0") + 1) % 10
            return String(decoding: copy, as: UTF8.self)
        }
    }

    @Test("changing any one byte of method, body, URI, content type, date or custom header fails")
    func anyByteChangeFails() {
        var tampered: [Base] = []
        let base = Base()
        for value in Self.variants(of: base.method) {
            var copy = base
            copy.method = value
            tampered.append(copy)
        }
        for value in Self.variants(of: base.body) {
            var copy = base
            copy.body = value
            tampered.append(copy)
        }
        for value in Self.variants(of: base.uri) {
            var copy = base
            copy.uri = value
            tampered.append(copy)
        }
        for value in Self.variants(of: base.custom[0].value) {
            var copy = base
            copy.custom = [("X-Request-Id", value)]
            tampered.append(copy)
        }
        // Content type: the server lower-cases it, so changing only the case of a letter is not a change.
        for value in Self.variants(of: base.contentType) where value.lowercased() != base.contentType {
            var copy = base
            copy.contentType = value
            tampered.append(copy)
        }
        var dateChanges = 0
        for value in Self.digitVariants(of: base.date) where DateHeaderParser.parse(value) != nil {
            var copy = base
            copy.date = value
            tampered.append(copy)
            dateChanges += 1
        }
        #expect(dateChanges > 0)
        #expect(tampered.count > 100)
        for received in tampered {
            let request = Self.incoming(signed: base, received: received)
            #expect(throws: VerificationError.self, "\(received)") {
                try Self.verifier.verify(request, secretForUser: Self.lookup)
            }
        }
        // A body byte change must be caught by the signature itself, not by another rule.
        var body = base
        body.body += " "
        #expect(throws: VerificationError.signatureMismatch) {
            try Self.verifier.verify(Self.incoming(signed: base, received: body), secretForUser: Self.lookup)
        }
        // A method that only differs in case is the same method on the server (it upper-cases).
        var lower = base
        lower.method = "post"
        #expect(throws: Never.self) {
            try Self.verifier.verify(Self.incoming(signed: base, received: lower), secretForUser: Self.lookup)
        }
    }

    @Test("window: 30 minutes either side is accepted, one second more is rejected")
    func window() throws {
        func check(_ offset: Int64) throws {
            var base = Base()
            base.date = DateHeaderFormat.iso8601UTC.format(Self.now.adding(seconds: offset))
            _ = try Self.verifier.verify(Self.incoming(signed: base, received: base), secretForUser: Self.lookup)
        }
        try check(-1800)
        try check(1800)
        #expect(throws: VerificationError.requestTooOld) { try check(-1801) }
        #expect(throws: VerificationError.requestInFuture) { try check(1801) }
        let narrow = RequestVerifier(allowedSkewSeconds: 60, clock: FixedWallClock(Self.now))
        var base = Base()
        base.date = DateHeaderFormat.iso8601UTC.format(Self.now.adding(seconds: -61))
        #expect(throws: VerificationError.requestTooOld) {
            try narrow.verify(Self.incoming(signed: base, received: base), secretForUser: Self.lookup)
        }
    }

    @Test("missing headers give the server's messages")
    func missingHeaders() {
        var request = Self.incoming(signed: Base(), received: Base())
        request.date = nil
        #expect(throws: VerificationError.dateHeaderRequired) {
            try Self.verifier.verify(request, secretForUser: Self.lookup)
        }
        request = Self.incoming(signed: Base(), received: Base())
        request.date = "not a date"
        #expect(throws: VerificationError.timestampNotValid) {
            try Self.verifier.verify(request, secretForUser: Self.lookup)
        }
        request = Self.incoming(signed: Base(), received: Base())
        request.contentType = nil
        #expect(throws: VerificationError.contentTypeRequired) {
            try Self.verifier.verify(request, secretForUser: Self.lookup)
        }
        request = Self.incoming(signed: Base(), received: Base())
        request.authorization = nil
        #expect(throws: VerificationError.authorizationHeaderRequired) {
            try Self.verifier.verify(request, secretForUser: Self.lookup)
        }
        #expect(VerificationError.signatureMismatch.message == "Signature not valid")
        #expect(VerificationError(serverMessage: "Request is too old") == .requestTooOld)
        #expect(VerificationError.requestTooOld.isClockSkew)
    }

    @Test(
        "malformed Authorization headers",
        arguments: [
            ("gotom_app_apicrm_sync_import:abc=", VerificationError.invalidProvider),  // no space
            ("Test crm_sync_import:abc=", .invalidProvider),  // wrong provider
            ("gotom_app_api crm_sync_import", .unparsableCredentials),  // no colon
            ("gotom_app_api crm_sync_import\\:abc", .unparsableCredentials),  // only an escaped colon
            ("gotom_app_api ::", .invalidSignatureFormat),  // empty user and signature
            ("gotom_app_api crm_sync_import:not*base64", .invalidSignatureFormat),
            ("gotom_app_api crm_sync_import:abc===", .invalidSignatureFormat),
            ("gotom_app_api crm_sync_import:", .invalidSignatureFormat),
            ("gotom_app_api :abcd", .missingUserId),
            ("gotom_app_api someone_else:abcd", .unknownUser),
            ("gotom_app_api crm_sync_import:abcd", .signatureMismatch),
        ]
    )
    func malformed(header: String, expected: VerificationError) {
        let request = Self.incoming(signed: Base(), received: Base(), authorization: header)
        #expect(throws: expected) { try Self.verifier.verify(request, secretForUser: Self.lookup) }
    }

    @Test("escaped colons: the user is split at the first unescaped colon and unescaped")
    func escapedColons() throws {
        let parsed = try AuthorizationHeader.parse("gotom_app_api a\\:b\\:c:c2lnbmF0dXJl", provider: "gotom_app_api")
        #expect(parsed.user == "a:b:c")
        #expect(parsed.signature == "c2lnbmF0dXJl")
        let extra = try AuthorizationHeader.parse("gotom_app_api u:sig=:ignored", provider: "gotom_app_api")
        #expect(extra.signature == "sig=")

        let signer = RequestSigner(
            credentials: Credentials(user: "team:crm", secret: "s"), clock: FixedWallClock(Self.now))
        let headers = signer.sign(method: "GET", requestURI: "/app-api/customer")
        let request = IncomingRequest(
            method: "GET", requestURI: "/app-api/customer",
            authorization: headers.authorization.value, date: headers.date, contentType: headers.contentType,
            bodyDigest: .empty)
        let verified = try Self.verifier.verify(request) { $0 == "team:crm" ? "s" : nil }
        #expect(verified.user == "team:crm")
    }
}
