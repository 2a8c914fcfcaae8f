// SDK throughput and download figures for BENCHMARKS.md, run by Benchmarks/sdk.sh against a running sandbox.
//
//   gotom-sdk-benchmark get CAMPAIGN_ID CONCURRENCY SECONDS   -> requests/s of client.campaigns.get
//   gotom-sdk-benchmark download REPORT_ID FILE              -> bytes and MB/s of client.reports.downloadGraph
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
let client = try GoTomClient(configuration: .init(
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
    print("sdk campaigns.get concurrency \(concurrency): \(Int(Double(total) / elapsed)) requests/s (\(total) in \(elapsed) s)")
case "download":
    let report = Int(arguments[2]) ?? 9000
    let path = arguments[3]
    let start = ContinuousClock.now
    let result = try await client.reports.downloadGraph(report, toFile: path)
    let elapsed = seconds(ContinuousClock.now - start)
    print("sdk download: \(result.byteCount) bytes in \(elapsed) s = \(Int(Double(result.byteCount) / elapsed / 1_048_576)) MiB/s")
default:
    FileHandle.standardError.write(Data("usage: gotom-sdk-benchmark get ID CONCURRENCY SECONDS | download ID FILE\n".utf8))
    exit(64)
}
try await client.shutdown()
