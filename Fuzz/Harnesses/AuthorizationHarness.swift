import GoTomAuth

/// Properties of the `Authorization` header parser and the verifier as a whole (see ``FuzzHarness/authorization``).
enum AuthorizationHarness {
    private static let now = UnixTime(seconds: 1_730_974_875)
    private static let verifier = RequestVerifier(clock: FixedWallClock(now))
    private static let base64 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func check(_ bytes: [UInt8]) throws(PropertyViolation) {
        var fields = FuzzFields(bytes)
        switch fields.byte() % 2 {
        case 0: try checkArbitraryRequest(&fields)
        default: try checkSignedRequest(&fields)
        }
    }

    /// Any header values: a verdict, and a parsed header written back parses to the same parts.
    private static func checkArbitraryRequest(_ fields: inout FuzzFields) throws(PropertyViolation) {
        let authorization = fields.text()
        let date = fields.text()
        let request = IncomingRequest(
            method: fields.text(), requestURI: fields.text(), authorization: authorization, date: date,
            contentType: fields.text(), bodyDigest: BodyDigest(bytes: fields.remainder())
        )
        _ = try? verifier.verification(of: request) { user in user.isEmpty ? nil : "secret" }
        guard let header = try? AuthorizationHeader.parse(authorization, provider: verifier.provider) else { return }
        // A user id with a backslash cannot be written: goTom strips every backslash from the id (stripslashes).
        guard !header.user.contains("\\") else { return }
        let written = header.value
        guard let reread = try? AuthorizationHeader.parse(written, provider: verifier.provider), reread == header else {
            throw PropertyViolation(
                "\(quoted(authorization)) parses to user \(quoted(header.user)), written back as "
                    + "\(quoted(written)), which does not parse to the same parts")
        }
    }

    /// A request our signer signs is accepted; with one signature character changed it is refused.
    private static func checkSignedRequest(_ fields: inout FuzzFields) throws(PropertyViolation) {
        let dateFormat: DateHeaderFormat = fields.byte() % 2 == 0 ? .rfc1123 : .iso8601UTC
        let changedPosition = Int(fields.byte())
        let changedCharacter = fields.byte()
        // goTom strips every backslash from the user id (stripslashes), so no signed request can carry one.
        let user = fields.text().filter { $0 != "\\" }
        let secret = fields.text()
        let method = fields.text()
        let requestURI = fields.text()
        let contentType = fields.text()
        let body = fields.remainder()
        guard !user.isEmpty else { return }

        let signer = RequestSigner(
            credentials: Credentials(user: user, secret: secret), clock: FixedWallClock(now), dateFormat: dateFormat
        )
        let digest = BodyDigest(bytes: body)
        let headers = signer.sign(method: method, requestURI: requestURI, contentType: contentType, bodyDigest: digest)
        var request = IncomingRequest(
            method: method, requestURI: requestURI, authorization: headers.authorization.value, date: headers.date,
            contentType: contentType, bodyDigest: digest
        )
        // goTom's server reads the header as bytes: the signature follows the first colon not escaped by a backslash.
        let value = Array(headers.authorization.value.utf8)
        let separator = value.indices.first { index in
            index > 0 && value[index] == UInt8(ascii: ":") && value[index - 1] != UInt8(ascii: "\\")
        }
        guard let separator, value[(separator + 1)...].elementsEqual(headers.authorization.signature.utf8) else {
            throw PropertyViolation("the server would not find the signature in \(quoted(headers.authorization.value))")
        }
        let lookUp = { (candidate: String) -> String? in candidate == user ? secret : nil }
        let verified: VerifiedRequest
        do throws(VerificationError) {
            verified = try verifier.verification(of: request, secretForUser: lookUp)
        } catch {
            throw PropertyViolation(
                "signed request refused (\(error)): user \(quoted(user)), "
                    + "method \(quoted(method)), URI \(quoted(requestURI)), content type \(quoted(contentType)), "
                    + "Authorization \(quoted(headers.authorization.value))")
        }
        guard verified.user == user, verified.message == headers.message else {
            throw PropertyViolation("signed request for user \(quoted(user)) verified as \(quoted(verified.user))")
        }

        var signature = Array(headers.authorization.signature.utf8)
        let position = changedPosition % signature.count
        var replacement = base64[Int(changedCharacter) % base64.count]
        if replacement == signature[position] { replacement = base64[(Int(changedCharacter) + 1) % base64.count] }
        signature[position] = replacement
        var changed = headers.authorization
        changed.signature = String(decoding: signature, as: UTF8.self)
        request.authorization = changed.value
        if (try? verifier.verification(of: request, secretForUser: lookUp)) != nil {
            throw PropertyViolation("request with a changed signature accepted: \(quoted(changed.value))")
        }
    }
}
