import Foundation
import GoTomAPI
import GoTomSandbox
import NIOCore
import Testing

@Suite("Report downloads")
struct ReportDownloadTests {
    /// A fresh, empty directory for one test.
    static func makeDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gotom-sdk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func contents(of directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test("graph and custom reports to a file: exact bytes, no temporary file left; errors leave files alone")
    func toFile() async throws {
        let directory = try Self.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withSandbox { harness in
            let client = harness.client
            let graphPath = directory + "/graph.csv"
            let graph = try await client.reports.downloadGraph(46, toFile: graphPath)
            let graphText = try String(contentsOfFile: graphPath, encoding: .utf8)
            #expect(graphText.hasPrefix("\"Datum\",\"Plattform\",\"Impressionen\",\"Klicks\"\n"))
            #expect(graph.byteCount == Int64(graphText.utf8.count))
            #expect(graph.contentType?.hasPrefix("text/csv") == true)

            let customPath = directory + "/custom.csv"
            try await client.reports.downloadCustom(47, toFile: customPath)
            #expect(try String(contentsOfFile: customPath, encoding: .utf8).contains("\"Bäckerei Huber\""))
            #expect(try Self.contents(of: directory) == ["custom.csv", "graph.csv"])

            try Data("keep me".utf8).write(to: URL(fileURLWithPath: customPath))
            let wrongKind = try await expectGoTomError { () async throws in
                try await client.reports.downloadCustom(46, toFile: customPath)
            }
            #expect(wrongKind == .notFound)
            #expect(wrongKind.bodyExcerpt?.contains("<html") == true)
            let customOnGraph = try await expectGoTomError { () async throws in
                try await client.reports.downloadGraph(47, toFile: directory + "/x.csv")
            }
            #expect(customOnGraph == .serverError)
            #expect(customOnGraph.status == 500)
            let unknown = try await expectGoTomError { () async throws in
                try await client.reports.downloadGraph(12_345, toFile: directory + "/y.csv")
            }
            #expect(unknown == .notFound)
            #expect(try String(contentsOfFile: customPath, encoding: .utf8) == "keep me")
            #expect(try Self.contents(of: directory) == ["custom.csv", "graph.csv"])

            let noDirectory = try await expectGoTomError { () async throws in
                try await client.reports.downloadGraph(46, toFile: directory + "/missing/z.csv")
            }
            #expect(noDirectory == .fileSystem)
        }
    }

    @Test("a commit that must not replace keeps a file that appeared during the download, and leaves no temporary file")
    func commitWithoutReplacing() async throws {
        let directory = try Self.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/report.csv"

        var first = try AtomicFileWriter(destination: path)
        try first.write(ByteBuffer(string: "new report\n"))
        try Data("written by someone else".utf8).write(to: URL(fileURLWithPath: path))
        let refused = try await expectGoTomError { () async throws in
            try first.commit(replacingExisting: false)
        }
        #expect(refused == .fileSystem)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "written by someone else")
        #expect(try Self.contents(of: directory) == ["report.csv"])

        var replacing = try AtomicFileWriter(destination: path)
        try replacing.write(ByteBuffer(string: "replaced\n"))
        try replacing.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "replaced\n")

        let fresh = directory + "/fresh.csv"
        var second = try AtomicFileWriter(destination: fresh)
        try second.write(ByteBuffer(string: "fresh\n"))
        try second.commit(replacingExisting: false)
        #expect(try String(contentsOfFile: fresh, encoding: .utf8) == "fresh\n")
        #expect(try Self.contents(of: directory) == ["fresh.csv", "report.csv"])
    }

    @Test("a large report as chunks with progress; memory stays one chunk at a time")
    func chunks() async throws {
        let size = 3 * 1024 * 1024 + 17
        try await withSandbox(largeReportSize: size) { harness in
            let progress = ProgressLog()
            let download = harness.client.reports.downloadGraph(9000) { progress.append($0) }
            var total = 0
            var largestChunk = 0
            var first: ByteBuffer?
            for try await chunk in download {
                if first == nil { first = chunk }
                total += chunk.readableBytes
                largestChunk = max(largestChunk, chunk.readableBytes)
            }
            #expect(total == size)
            #expect(largestChunk < 1024 * 1024)
            let head = first.map { String(buffer: $0) } ?? ""
            #expect(head.hasPrefix(LargeReport.headerLine))
            let reports = progress.values
            #expect(reports.first == DownloadProgress(bytesReceived: 0, totalBytes: Int64(size)))
            #expect(reports.last == DownloadProgress(bytesReceived: Int64(size), totalBytes: Int64(size)))
            #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.bytesReceived < $1.bytesReceived })
            #expect(reports.last?.fractionCompleted == 1)
        }
    }

    @Test("cancelling mid-download leaves nothing under the final name and no temporary file")
    func cancellation() async throws {
        let directory = try Self.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let size = 32 * 1024 * 1024
        try await withSandbox(largeReportSize: size) { harness in
            let client = harness.client
            let path = directory + "/large.csv"
            let (started, continuation) = AsyncStream<Int64>.makeStream()
            let task = Task { () async throws -> DownloadResult in
                try await client.reports.downloadGraph(9000, toFile: path) { progress in
                    if progress.bytesReceived > 0 { continuation.yield(progress.bytesReceived) }
                }
            }
            for await _ in started { break }
            task.cancel()
            let result = await task.result
            guard case .failure(let failure) = result else {
                Issue.record("the download finished before it could be cancelled")
                return
            }
            #expect(failure as? GoTomError == .cancelled)
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(try Self.contents(of: directory) == [])

            let stream = Task { () async throws -> Int in
                var received = 0
                for try await chunk in client.reports.downloadGraph(9000) {
                    received += chunk.readableBytes
                    if received > 1024 * 1024 { withUnsafeCurrentTask { $0?.cancel() } }
                }
                return received
            }
            do {
                let bytes = try await stream.value
                Issue.record("the chunk stream ended normally after \(bytes) bytes")
            } catch let error as GoTomError {
                #expect(error == .cancelled)
            }
        }
    }
}

/// Collects progress reports from the download's callback.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [DownloadProgress] = []

    var values: [DownloadProgress] { lock.withLock { stored } }

    func append(_ progress: DownloadProgress) { lock.withLock { stored.append(progress) } }
}
