import Foundation
import GoTomModels
import HTTPTypes

extension SandboxHandlers {
    /// C1 `GET /app-api/primary-keys/{entity}`: a page of 1000 rows; 422 for an unknown entity.
    func listPrimaryKeys(_ request: SandboxRequest) throws(Rejection) -> SandboxReply {
        let entity = PrimaryKeyEntity(rawValue: request.parameter(0))
        guard entity.isKnown else {
            let valid = PrimaryKeyEntity.knownValues.map { "'\($0.rawValue)'" }.joined(separator: ",")
            let message = "'\(entity.rawValue)' is not a valid entity. Valid entities are: \(valid)"
            return .json(.unprocessableContent, InvalidEntityResponse(error: ErrorMessage(msg: message)))
        }
        let page = try request.page()
        let (pagination, items) = request.paginate(
            master.items(entity), page: page, perPage: settings.primaryKeyPageSize
        )
        return .json(.ok, PrimaryKeysRead(pagination: pagination, items: items))
    }

    /// C25 `GET /app-api/export/price/tarif/{tarifId}`: the tarif's price rows, paginated; 404 for an unknown tarif.
    func exportTarifPrices(_ request: SandboxRequest) throws(Rejection) -> SandboxReply {
        guard let tarifId = Int(request.parameter(0)), master.contains(.tarif, tarifId) else { return .notFound }
        let page = try request.page()
        let rows = master.prices.filter { $0.tarifId == tarifId }
        let (pagination, items) = request.paginate(rows, page: page, perPage: settings.pricePageSize)
        return .json(.ok, TarifPriceList(pagination: pagination, items: items))
    }

    /// G1 and G2: saved reports as CSV. A custom report id on the graph endpoint answers 500 and a graph report
    /// id on the custom endpoint 404, both as HTML, as goTom does.
    func downloadReport(_ request: SandboxRequest, graph: Bool) -> SandboxReply {
        let notFound = SandboxReply.html(
            .notFound, title: "404 Not Found", text: "The requested report could not be found."
        )
        guard let id = Int(request.parameter(0)), request.parameter(0).allSatisfy(\.isNumber) else { return notFound }
        let disposition = "attachment; filename=\"\(graph ? "graph" : "custom")-report-\(id).csv\""
        if graph, id == master.largeReport.id {
            let report = master.largeReport
            return SandboxReply(
                status: .ok,
                contentType: Self.csvContentType,
                body: .stream(length: report.size) { writer in try await report.write(to: &writer) },
                extraHeaders: [(.contentDisposition, disposition)]
            )
        }
        let reports = graph ? master.graphReports : master.customReports
        if let csv = reports[id] {
            return SandboxReply(
                status: .ok, contentType: Self.csvContentType, body: .bytes(Array(csv.utf8)),
                extraHeaders: [(.contentDisposition, disposition)]
            )
        }
        if graph, master.customReports[id] != nil {
            return .html(
                .internalServerError, contentType: "text/html; charset=UTF-8", title: "500 Internal Server Error",
                text: "The report could not be exported."
            )
        }
        return notFound
    }

    static let csvContentType = "text/csv;charset=utf-8"
}
