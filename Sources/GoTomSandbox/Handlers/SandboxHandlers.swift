import Foundation
import GoTomModels
import HTTPTypes
import Logging

/// Dispatches an authenticated, routed request to the code of its operation.
struct SandboxHandlers: Sendable {
    let engine: SandboxEngine
    let master: MasterData
    let settings: SandboxSettings
    let logger: Logger

    func handle(_ request: SandboxRequest) async -> SandboxReply {
        do {
            switch request.operation {
            case .listPrimaryKeys: return try listPrimaryKeys(request)
            case .createCampaign: return try await createCampaign(request)
            case .getCampaign: return await getCampaign(request)
            case .updateCampaign: return try await updateCampaign(request)
            case .createFlight: return try await createFlight(request)
            case .getFlightLineItem: return await getFlightLineItem(request)
            case .getFlight: return await getFlight(request)
            case .updateFlight: return try await updateFlight(request)
            case .deleteFlight: return await deleteFlight(request)
            case .listCampaignDiscounts: return await listCampaignDiscounts(request)
            case .createCampaignDiscount: return try await createCampaignDiscount(request)
            case .updateCampaignDiscount: return try await updateCampaignDiscount(request)
            case .deleteCampaignDiscount: return await deleteCampaignDiscount(request)
            case .createFlightDiscount: return try await createFlightDiscount(request)
            case .getFlightDiscount: return await getFlightDiscount(request)
            case .updateFlightDiscount: return try await updateFlightDiscount(request)
            case .deleteFlightDiscount: return await deleteFlightDiscount(request)
            case .getSublines: return await getSublines(request)
            case .setSublines: return try await setSublines(request)
            case .createDocument: return try await createDocument(request)
            case .setArchiveStatus: return try await setArchiveStatus(request)
            case .setCommissionStatus: return try await setCommissionStatus(request)
            case .getFlightCommission: return await getFlightCommission(request)
            case .setFlightCommission: return try await setFlightCommission(request)
            case .exportTarifPrices: return try exportTarifPrices(request)
            case .listCustomers: return try await listCustomers(request)
            case .getCustomer: return await getCustomer(request)
            case .upsertCustomer: return await upsertCustomer(request)
            case .getCrmJobLog: return await getCrmJobLog(request)
            case .downloadGraphReport: return downloadReport(request, graph: true)
            case .downloadCustomReport: return downloadReport(request, graph: false)
            }
        } catch {
            return error.reply
        }
    }

    /// Runs a checked change on the engine: the operation changes the state in place while the state records
    /// what it overwrites, and a rejection rolls all of it back (journal included), so a rejected request changes
    /// nothing. A write costs what it changes, not what the sandbox holds.
    func change(_ operation: @escaping @Sendable (inout SandboxState) throws(Rejection) -> SandboxReply) async
        -> SandboxReply
    {
        await engine.perform { state in
            state.beginChange()
            do throws(Rejection) {
                let reply = try operation(&state)
                state.endChange()
                return reply
            } catch {
                state.rollBackChange()
                return error.reply
            }
        }
    }

    /// Whether the campaign, and the flight, discount or flight discount named in it, exist. Writes check this
    /// before reading the body, so an unknown id answers 404 before any validation, as goTom does.
    func exists(
        campaign: String, flight: String? = nil, discount: String? = nil, flightDiscount: String? = nil
    ) async -> Bool {
        await engine.read { state in
            guard let record = state.campaign(campaign) else { return false }
            if let flight, record.flightIndex(flight) == nil { return false }
            if let discount {
                guard let index = record.discountIndex(discount) else { return false }
                if let flightDiscount, record.discounts[index].flightDiscountIndex(flightDiscount) == nil {
                    return false
                }
            }
            return true
        }
    }

    /// Runs a read-only operation on the engine.
    func inspect(_ operation: @escaping @Sendable (SandboxState) throws(Rejection) -> SandboxReply) async
        -> SandboxReply
    {
        await engine.read { state in
            do throws(Rejection) {
                return try operation(state)
            } catch {
                return error.reply
            }
        }
    }
}

extension SandboxState {
    /// The campaign named in the path, or a 404.
    func requireCampaign(_ externalId: String) throws(Rejection) -> CampaignRecord {
        guard let campaign = campaign(externalId) else { throw Rejection(.notFound) }
        return campaign
    }
}

extension CampaignRecord {
    /// The index of the flight named in the path, or a 404.
    func requireFlight(_ externalId: String) throws(Rejection) -> Int {
        guard let index = flightIndex(externalId) else { throw Rejection(.notFound) }
        return index
    }

    /// The index of the campaign discount named in the path, or a 404.
    func requireDiscount(_ externalId: String) throws(Rejection) -> Int {
        guard let index = discountIndex(externalId) else { throw Rejection(.notFound) }
        return index
    }
}
