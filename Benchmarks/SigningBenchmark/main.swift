// Signatures per second with GoTomAuth: the whole signing step of a request (Date header from the clock,
// canonical message, MD5 of the body, HMAC-SHA1, base64, Authorization header). Run through
// Benchmarks/signing.sh, which prints these figures next to the same computation in C with OpenSSL.
import GoTomAuth

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let iterations = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1_000_000 : 1_000_000
let signer = RequestSigner(credentials: Credentials(user: "benchmark_user", secret: "benchmark-secret-not-real"))
let body = Array(repeating: UInt8(ascii: "x"), count: 1024)

func measure(_ label: String, _ work: () -> Int) {
    // Warm up, then time.
    var sink = 0
    for _ in 0..<10_000 { sink &+= work() }
    let start = ContinuousClock.now
    for _ in 0..<iterations { sink &+= work() }
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let perSecond = Double(iterations) / seconds
    let nanoseconds = Int(seconds * 1e9 / Double(iterations))
    print(
        "swift \(label) \(Int(perSecond)) signatures/s \(nanoseconds / 1000).\(String(nanoseconds % 1000 + 1000).dropFirst()) us (\(sink & 1))"
    )
}

measure("GET") {
    signer.sign(method: "GET", requestURI: "/app-api/campaign/12345").authorization.signature.utf8.count
}
measure("POST-1KiB") {
    signer.sign(
        method: "POST", requestURI: "/app-api/campaign/12345?update_commissions=0",
        bodyDigest: BodyDigest(bytes: body)
    ).authorization.signature.utf8.count
}
