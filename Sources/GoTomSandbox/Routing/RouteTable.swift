import HTTPTypes

/// Maps a method and raw path to an operation, telling "no such path" (404) from "wrong method" (405).
enum RouteTable {
    enum Resolution: Sendable {
        case operation(Operation, parameters: [String])
        case methodNotAllowed(allowed: [HTTPRequest.Method])
        case notFound
    }

    static let routes: [Route] = [
        Route("app-api/primary-keys/{}", [(.get, .listPrimaryKeys)]),
        Route("app-api/campaign", [(.post, .createCampaign)]),
        Route("app-api/campaign/{}", [(.get, .getCampaign), (.post, .updateCampaign)]),
        Route("app-api/campaign/{}/flight", [(.post, .createFlight)]),
        Route("app-api/campaign/{}/flight-lineitemid/{}", [(.get, .getFlightLineItem)]),
        Route("app-api/campaign/{}/flight/{}", [(.get, .getFlight), (.post, .updateFlight), (.delete, .deleteFlight)]),
        Route(
            "app-api/campaign/{}/campaign-discount",
            [(.get, .listCampaignDiscounts), (.post, .createCampaignDiscount)]
        ),
        Route(
            "app-api/campaign/{}/campaign-discount/{}",
            [(.patch, .updateCampaignDiscount), (.delete, .deleteCampaignDiscount)]
        ),
        Route("app-api/campaign/{}/campaign-discount/{}/flight-discount", [(.post, .createFlightDiscount)]),
        Route(
            "app-api/campaign/{}/campaign-discount/{}/flight-discount/{}",
            [(.get, .getFlightDiscount), (.patch, .updateFlightDiscount), (.delete, .deleteFlightDiscount)]
        ),
        Route("app-api/campaign/{}/flight/{}/sublines", [(.get, .getSublines), (.post, .setSublines)]),
        Route("app-api/campaign/{}/document", [(.post, .createDocument)]),
        Route("app-api/campaign/{}/archive-status", [(.post, .setArchiveStatus)]),
        Route("app-api/campaign/{}/commission-status", [(.post, .setCommissionStatus)]),
        Route(
            "app-api/campaign/{}/flight/{}/commission",
            [(.get, .getFlightCommission), (.post, .setFlightCommission)]
        ),
        Route("app-api/export/price/tarif/{}", [(.get, .exportTarifPrices)]),
        Route("app-api/customer", [(.get, .listCustomers)]),
        Route("app-api/customer/{}", [(.get, .getCustomer)]),
        Route("app-api/crm-sync-import-external-crm-id/update-customer", [(.post, .upsertCustomer)]),
        Route("app-api/crm-sync-import-external-crm-id/error-logs/{}", [(.get, .getCrmJobLog)]),
        Route("app-api/graph-export/download/{}", [(.get, .downloadGraphReport)]),
        Route("app-api/custom-report-export/download/{}", [(.get, .downloadCustomReport)]),
    ]

    /// Finds the operation for a request.
    ///
    /// - Parameters:
    ///   - method: The request method.
    ///   - rawPath: The path as received, still percent-encoded.
    /// - Returns: The operation with its percent-decoded path parameters, or why there is none.
    static func resolve(method: HTTPRequest.Method, rawPath: String) -> Resolution {
        var segments = rawPath.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.first == "" else { return .notFound }
        segments.removeFirst()
        for route in routes {
            guard let rawParameters = route.match(segments) else { continue }
            guard let operation = route.operations.first(where: { $0.method == method })?.operation else {
                return .methodNotAllowed(allowed: route.operations.map(\.method))
            }
            var parameters: [String] = []
            for raw in rawParameters {
                guard let decoded = PercentDecoding.decode(raw) else { return .notFound }
                parameters.append(decoded)
            }
            return .operation(operation, parameters: parameters)
        }
        return .notFound
    }
}
