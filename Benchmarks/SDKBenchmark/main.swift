// SDK throughput and download figures for BENCHMARKS.md, run by Benchmarks/sdk.sh against a running sandbox.
//
//   gotom-sdk-benchmark get CAMPAIGN_ID CONCURRENCY SECONDS   -> requests/s of client.campaigns.get
//   gotom-sdk-benchmark download REPORT_ID FILE              -> bytes and MB/s of client.reports.downloadGraph
//   gotom-sdk-benchmark instrumentation ITERATIONS          -> CPU ns per operation of spans, metrics and events
//                                                              with nothing bootstrapped (no server needed)
//
// Connection settings come from GOTOM_BASE_URL, GOTOM_USER, GOTOM_SECRET and GOTOM_CACERT.
import Foundation
import GoTomAPI
import GoTomAuth

let environment = ProcessInfo.processInfo.environment
guard let baseURL = environment["GOTOM_BASE_URL"], let user = environment["GOTOM_USER"],
    let secret = environment["GOTOM_SECRET"]
else {
    FileHandle.standardError.write(Data("set GOTOM_BASE_URL, GOTOM_USER and GOTOM_SECRET\n".utf8))
    exit(64)
}
let arguments = CommandLine.arguments
let client = try GoTomClient(
    configuration: .init(
        baseURL: baseURL, credentials: Credentials(user: user, secret: secret),
        additionalCACertificatePath: environment["GOTOM_CACERT"]))

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

switch arguments.dropFirst().first {
case "get":
    let campaign = arguments[2]
    let concurrency = Int(arguments[3]) ?? 1
    let duration = Double(arguments[4]) ?? 10
    _ = try await client.campaigns.get(campaign)  // warm the connection pool
    let start = ContinuousClock.now
    let deadline = start + .milliseconds(Int64(duration * 1000))
    let total = try await withThrowingTaskGroup(of: Int.self) { group in
        for _ in 0..<concurrency {
            group.addTask {
                var count = 0
                while ContinuousClock.now < deadline {
                    _ = try await client.campaigns.get(campaign)
                    count += 1
                }
                return count
            }
        }
        var sum = 0
        for try await count in group { sum += count }
        return sum
    }
    let elapsed = seconds(ContinuousClock.now - start)
    print(
        "sdk campaigns.get concurrency \(concurrency): \(Int(Double(total) / elapsed)) requests/s (\(total) in \(elapsed) s)"
    )
    print("sdk campaigns.get concurrency \(concurrency): \(Int(cpuSeconds() * 1e6 / Double(total))) µs CPU per request")
case "download":
    let report = Int(arguments[2]) ?? 9000
    let path = arguments[3]
    let start = ContinuousClock.now
    let result = try await client.reports.downloadGraph(report, toFile: path)
    let elapsed = seconds(ContinuousClock.now - start)
    print(
        "sdk download: \(result.byteCount) bytes in \(elapsed) s = \(Int(Double(result.byteCount) / elapsed / 1_048_576)) MiB/s"
    )
case "instrumentation":
    // What every operation adds for tracing, metrics and events when the process bootstrapped neither and no
    // observer is set: the span and metrics checks, two latency clock reads, the observer checks.
    let iterations = Int(arguments[2]) ?? 1_000_000
    let cpuBefore = cpuSeconds()
    var active = 0
    for _ in 0..<iterations {
        let telemetry = OperationTelemetry(
            operation: "campaigns.get", method: "GET", tracer: client.configuration.tracer,
            metricsFactory: client.configuration.metricsFactory)
        let started = ContinuousClock.now
        if client.configuration.observer != nil { active += 1 }
        if client.configuration.observer != nil { active += 1 }
        telemetry.attemptFinished(status: 200, duration: ContinuousClock.now - started)
        if client.configuration.observer != nil { active += 1 }
        telemetry.finish(attempts: 1, status: 200, requestId: nil, error: nil)
        if telemetry.isActive { active += 1 }
    }
    let perOperation = (cpuSeconds() - cpuBefore) * 1e9 / Double(iterations)
    print("instrumentation with nothing bootstrapped: \(Int(perOperation)) ns CPU per operation (active: \(active))")
default:
    FileHandle.standardError.write(
        Data("usage: gotom-sdk-benchmark get ID CONCURRENCY SECONDS | download ID FILE\n".utf8))
    exit(64)
}
try await client.shutdown()

/// User plus system CPU time of this process so far, in seconds.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
