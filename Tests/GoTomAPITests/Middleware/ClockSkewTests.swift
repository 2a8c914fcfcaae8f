import GoTomAPI
import GoTomAuth
import GoTomModels
import Logging
import Testing

@Suite("Clock-skew correction against a sandbox with a skewed clock")
struct ClockSkewTests {
    /// Requests the sandbox answered with `status`, from its one-line-per-request log.
    static func answered(_ status: Int, in harness: SandboxHarness) -> Int {
        harness.sandboxLog.records.filter { $0.metadata["gotom.status"] == "\(status)" }.count
    }

    @Test(
        "goTom an hour ahead or behind: the first call succeeds after one re-signed retry, the next needs none",
        arguments: [Int64(3600), -3600])
    func skew(offset: Int64) async throws {
        // Both clocks stand still, an exact hour apart, so the measured offset is exact however slowly the
        // requests go (a sanitizer build on a busy machine took 8 s for the first round trip).
        let start = UnixTime.now()
        try await withSandbox(
            clock: FixedWallClock(UnixTime(seconds: start.seconds + offset)),
            configure: { $0.clock = FixedWallClock(start) }
        ) { harness in
            let client = harness.client
            #expect(await client.clockOffsetSeconds() == 0)
            _ = try await client.primaryKeys(.platform)
            #expect(Self.answered(401, in: harness) == 1)
            #expect(Self.answered(200, in: harness) == 1)
            let warnings = harness.clientLog.records(
                .warning, "goTom rejected the request date; re-signing with the measured clock offset")
            #expect(warnings.count == 1)
            let measured = try #require(warnings.first?.metadata["gotom.clock_offset_s"].flatMap { Int64($0) })
            #expect(measured == offset)
            #expect(await client.clockOffsetSeconds() == offset)

            // The create is safe to re-send after a 401: goTom rejected it before doing anything.
            try await client.campaigns.create(Models.campaign("skewed"))
            #expect(try await client.campaigns.get("skewed").name == "Frühling 2025")
            #expect(Self.answered(401, in: harness) == 1)
            #expect(harness.clientLog.records(.warning, "retrying request").isEmpty)
            let sends = harness.clientLog.records(.debug, "sending request")
            #expect(sends.count == 4)
        }
    }

    @Test("a 401 for another reason is not retried")
    func otherUnauthorized() async throws {
        try await withSandbox(configure: {
            $0.credentials = Credentials(user: sandboxCredentials.user, secret: "wrong-secret")
        }) { harness in
            let error = try await expectGoTomError { () async throws in
                try await harness.client.campaigns.get("x")
            }
            #expect(error == .unauthorized)
            #expect(error.verificationError == .signatureMismatch)
            #expect(error.attempts == 1)
            #expect(!error.description.contains("wrong-secret"))
        }
    }
}
