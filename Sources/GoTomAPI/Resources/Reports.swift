/// Saved graph and custom reports as CSV: `client.reports`.
///
/// These operations are signed with the credentials for ``APIGroup/report``. Each comes in two forms: a
/// ``ReportDownload`` to iterate chunk by chunk, and a direct download to a file.
public struct Reports: Sendable {
    let client: GoTomClient

    /// Streams a saved graph report.
    ///
    /// `GET /app-api/graph-export/download/{savedReportId}`; nothing is sent until iteration starts.
    ///
    /// - Parameters:
    ///   - savedReportId: The id from the report's URL in goTom (`/statistic/graph-report/saved/<id>`).
    ///   - progress: Called after every chunk with the bytes so far and the total, if known.
    /// - Returns: The download; iterate it for the CSV bytes. It throws ``GoTomError/notFound`` for an unknown
    ///   id and ``GoTomError/serverError`` (500) when the id belongs to a custom report.
    public func downloadGraph(
        _ savedReportId: Int, progress: (@Sendable (DownloadProgress) -> Void)? = nil
    ) -> ReportDownload {
        ReportDownload(
            client: client,
            request: request("reports.downloadGraph", "/app-api/graph-export/download/\(savedReportId)"),
            progress: progress
        )
    }

    /// Downloads a saved graph report to a file, atomically (see ``ReportDownload/write(toFile:)``).
    ///
    /// - Parameters:
    ///   - savedReportId: The graph report's id.
    ///   - path: The destination file.
    ///   - progress: Called after every chunk.
    /// - Returns: The path and size.
    /// - Throws: ``GoTomError/notFound``, ``GoTomError/serverError``, ``GoTomError/fileSystem``,
    ///   ``GoTomError/cancelled``; the destination is never left truncated.
    @discardableResult
    public func downloadGraph(
        _ savedReportId: Int, toFile path: String, progress: (@Sendable (DownloadProgress) -> Void)? = nil
    ) async throws -> DownloadResult {
        try await downloadGraph(savedReportId, progress: progress).write(toFile: path)
    }

    /// Streams a saved custom report.
    ///
    /// `GET /app-api/custom-report-export/download/{savedReportId}`; nothing is sent until iteration starts.
    ///
    /// - Parameters:
    ///   - savedReportId: The id from `/statistic/customreport?saved_report_id=<id>`.
    ///   - progress: Called after every chunk with the bytes so far and the total, if known.
    /// - Returns: The download; it throws ``GoTomError/notFound`` for an unknown id or a graph report's id.
    public func downloadCustom(
        _ savedReportId: Int, progress: (@Sendable (DownloadProgress) -> Void)? = nil
    ) -> ReportDownload {
        ReportDownload(
            client: client,
            request: request("reports.downloadCustom", "/app-api/custom-report-export/download/\(savedReportId)"),
            progress: progress
        )
    }

    /// Downloads a saved custom report to a file, atomically (see ``ReportDownload/write(toFile:)``).
    ///
    /// - Parameters:
    ///   - savedReportId: The custom report's id.
    ///   - path: The destination file.
    ///   - progress: Called after every chunk.
    /// - Returns: The path and size.
    /// - Throws: ``GoTomError/notFound``, ``GoTomError/fileSystem``, ``GoTomError/cancelled``; the destination
    ///   is never left truncated.
    @discardableResult
    public func downloadCustom(
        _ savedReportId: Int, toFile path: String, progress: (@Sendable (DownloadProgress) -> Void)? = nil
    ) async throws -> DownloadResult {
        try await downloadCustom(savedReportId, progress: progress).write(toFile: path)
    }

    private func request(_ operation: String, _ requestURI: String) -> APIRequest {
        APIRequest(
            operation: operation, group: .report, method: "GET", requestURI: requestURI, repeatability: .idempotent
        )
    }
}
