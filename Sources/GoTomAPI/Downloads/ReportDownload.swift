import NIOCore

/// A report download: an asynchronous sequence of byte chunks, or written straight to a file.
///
/// Nothing is sent until iteration (or ``write(toFile:)``) starts. The request is retried like every `GET`
/// until the response head arrives; once bytes flow, a failure ends the download with an error. Only one
/// chunk is held at a time, so memory stays flat for reports of any size. Iteration throws ``GoTomError``:
/// ``GoTomError/cancelled`` when the task is cancelled, ``GoTomError/transport`` when the connection breaks,
/// and ``GoTomError/unexpectedResponse`` when fewer bytes arrive than `Content-Length` announced.
public struct ReportDownload: AsyncSequence, Sendable {
    /// A chunk of the CSV bytes, as it arrived from the network.
    public typealias Element = ByteBuffer

    let client: GoTomClient
    let request: APIRequest
    let progress: (@Sendable (DownloadProgress) -> Void)?

    /// Starts the download.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(client: client, request: request, progress: progress)
    }

    /// Writes the report to a file: to a temporary file in the same directory first, flushed with `fsync`
    /// and renamed to `path` only when complete. On failure or cancellation the temporary file is removed,
    /// so `path` either holds the whole report or is untouched.
    ///
    /// - Parameters:
    ///   - path: The destination file; an existing file is replaced only on success.
    ///   - replacingExisting: With `false`, a file that exists at `path` when the download completes is left
    ///     alone and the call throws ``GoTomError/fileSystem`` (the downloaded copy is removed); see
    ///     ``AtomicFileWriter/commit(replacingExisting:)`` for file systems without hard links.
    /// - Returns: Where the report went and its size.
    /// - Throws: ``GoTomError``; ``GoTomError/fileSystem`` when the file cannot be written.
    @discardableResult
    public func write(toFile path: String, replacingExisting: Bool = true) async throws -> DownloadResult {
        var writer = try AtomicFileWriter(destination: path)
        var iterator = makeAsyncIterator()
        do {
            while let chunk = try await iterator.nextChunk() {
                try writer.write(chunk)
            }
            try writer.commit(replacingExisting: replacingExisting)
        } catch {
            writer.discard()
            throw error
        }
        return DownloadResult(path: path, byteCount: writer.byteCount, contentType: iterator.contentType)
    }

    /// Reads the response chunk by chunk, reporting progress.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private enum State {
            case idle
            case streaming(ResponseBody.AsyncIterator, attempts: Int)
            case finished
        }

        let client: GoTomClient
        let request: APIRequest
        let progress: (@Sendable (DownloadProgress) -> Void)?
        private var state = State.idle
        private var received: Int64 = 0
        private var total: Int64?
        /// The response's `Content-Type`, once the response has arrived.
        public private(set) var contentType: String?

        init(client: GoTomClient, request: APIRequest, progress: (@Sendable (DownloadProgress) -> Void)?) {
            self.client = client
            self.request = request
            self.progress = progress
        }

        /// The next chunk, or `nil` when the report is complete.
        ///
        /// - Returns: The chunk.
        /// - Throws: ``GoTomError``.
        public mutating func next() async throws -> ByteBuffer? {
            try await nextChunk()
        }

        /// The next chunk, with a typed error.
        mutating func nextChunk() async throws(GoTomError) -> ByteBuffer? {
            if case .idle = state {
                state = .finished
                let exchange = try await client.pipeline.send(request, accepting: [200])
                contentType = exchange.response.header("Content-Type")
                total = exchange.response.header("Content-Length").flatMap { Int64($0) }
                state = .streaming(exchange.response.body.makeAsyncIterator(), attempts: exchange.attempts)
                progress?(DownloadProgress(bytesReceived: 0, totalBytes: total))
            }
            guard case .streaming(var body, let attempts) = state else { return nil }
            while true {
                // The body sequence may end quietly on cancellation, so check before and after every read.
                guard !Task.isCancelled else { throw finish(.cancelled, attempts: attempts, "the task was cancelled") }
                let chunk: ByteBuffer?
                do {
                    chunk = try await body.next()
                } catch let failure as GoTomTransportError {
                    if Task.isCancelled { throw finish(.cancelled, attempts: attempts, "the task was cancelled") }
                    state = .finished
                    var error = GoTomError.transport(failure, operation: request.operation)
                    error.request = request.summary
                    error.attempts = attempts
                    error.status = 200
                    throw error
                } catch {
                    throw finish(.transport, attempts: attempts, "\(error)")
                }
                guard let chunk else {
                    if Task.isCancelled { throw finish(.cancelled, attempts: attempts, "the task was cancelled") }
                    if let total, received != total {
                        throw finish(
                            .unexpectedResponse, attempts: attempts,
                            "the download ended after \(received) of \(total) bytes")
                    }
                    state = .finished
                    return nil
                }
                guard chunk.readableBytes > 0 else { continue }
                state = .streaming(body, attempts: attempts)
                received += Int64(chunk.readableBytes)
                progress?(DownloadProgress(bytesReceived: received, totalBytes: total))
                return chunk
            }
        }

        private mutating func finish(_ base: GoTomError, attempts: Int, _ detail: String) -> GoTomError {
            state = .finished
            var error = GoTomError.make(base, detail: detail, operation: request.operation)
            error.request = request.summary
            error.attempts = attempts
            error.status = 200
            return error
        }
    }
}
