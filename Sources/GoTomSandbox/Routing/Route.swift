import HTTPTypes

/// The 31 operations of goTom's App API that the sandbox serves.
enum Operation: String, Sendable, CaseIterable {
    case listPrimaryKeys
    case createCampaign
    case getCampaign
    case updateCampaign
    case createFlight
    case getFlightLineItem
    case getFlight
    case updateFlight
    case deleteFlight
    case listCampaignDiscounts
    case createCampaignDiscount
    case updateCampaignDiscount
    case deleteCampaignDiscount
    case createFlightDiscount
    case getFlightDiscount
    case updateFlightDiscount
    case deleteFlightDiscount
    case getSublines
    case setSublines
    case createDocument
    case setArchiveStatus
    case setCommissionStatus
    case getFlightCommission
    case setFlightCommission
    case exportTarifPrices
    case listCustomers
    case getCustomer
    case upsertCustomer
    case getCrmJobLog
    case downloadGraphReport
    case downloadCustomReport
}

/// A path template such as `/app-api/campaign/{}/flight/{}` and the operation behind each method.
struct Route: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter
    }

    var segments: [Segment]
    var operations: [(method: HTTPRequest.Method, operation: Operation)]

    init(_ template: String, _ operations: [(HTTPRequest.Method, Operation)]) {
        segments = template.split(separator: "/").map { $0 == "{}" ? .parameter : .literal(String($0)) }
        self.operations = operations.map { (method: $0.0, operation: $0.1) }
    }

    /// The raw parameter segments if `rawSegments` fits the template.
    func match(_ rawSegments: [Substring]) -> [Substring]? {
        guard rawSegments.count == segments.count else { return nil }
        var parameters: [Substring] = []
        for (segment, raw) in zip(segments, rawSegments) {
            switch segment {
            case .literal(let text): if raw != text { return nil }
            case .parameter:
                if raw.isEmpty { return nil }
                parameters.append(raw)
            }
        }
        return parameters
    }
}
