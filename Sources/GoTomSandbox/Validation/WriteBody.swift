import Foundation
import GoTomModels
import HTTPTypes

/// The JSON body of each write operation, checked the way its handler checks it before it touches the store.
///
/// Each case pairs an operation with the schema and the model type its handler uses, so the body checks can be
/// driven without a server (the fuzzers under `Fuzz/` do that). The checks that need stored state (does the
/// campaign exist, is the currency known) stay in the handlers.
package enum WriteBody: String, CaseIterable, Sendable {
    case campaignCreate
    case campaignUpdate
    case campaignDocument
    case campaignArchiveStatus
    case campaignCommissionStatus
    case flightCreate
    case flightUpdate
    case flightSublines
    case flightCommission
    case campaignDiscountCreate
    case campaignDiscountUpdate
    case flightDiscountCreate
    case flightDiscountUpdate
    case customerUpsert

    /// What the body checks answer.
    package enum Verdict: Equatable, Sendable {
        /// The body passed every check that does not need stored state.
        case accepted
        /// The body was refused with this HTTP status.
        case rejected(status: Int)
    }

    /// Checks a body as the operation's handler does: JSON object, schema, then the model where it decodes one.
    ///
    /// - Parameter body: The request body bytes.
    /// - Returns: Whether the body is accepted, or the status of the refusal.
    package func check(_ body: Data) -> Verdict {
        if self == .customerUpsert { return Self.checkCustomerUpsert(body) }
        do throws(Rejection) {
            let value = try JSONBody.object(body)
            try JSONBody.validate(value, schema)
            switch self {
            case .flightCreate: _ = try JSONBody.decode(FlightCreate.self, from: value)
            case .flightUpdate: _ = try JSONBody.decode(FlightUpdate.self, from: value)
            case .flightSublines: _ = try JSONBody.decode(FlightSublines.self, from: value)
            case .campaignDiscountCreate: _ = try JSONBody.decode(CampaignDiscountWrite.self, from: value)
            case .flightDiscountCreate: _ = try JSONBody.decode(FlightDiscountCreate.self, from: value)
            default: break
            }
            return .accepted
        } catch {
            return .rejected(status: Int(error.reply.status.code))
        }
    }

    private var schema: Schema {
        switch self {
        case .campaignCreate: BodySchemas.campaignCreate
        case .campaignUpdate: BodySchemas.campaignUpdate
        case .campaignDocument: BodySchemas.document
        case .campaignArchiveStatus: BodySchemas.archiveStatus
        case .campaignCommissionStatus: BodySchemas.commissionStatus
        case .flightCreate: BodySchemas.flightCreate
        case .flightUpdate: BodySchemas.flightUpdate
        case .flightSublines: BodySchemas.sublines
        case .flightCommission: BodySchemas.flightCommission
        case .campaignDiscountCreate: BodySchemas.campaignDiscountCreate
        case .campaignDiscountUpdate: BodySchemas.campaignDiscountUpdate
        case .flightDiscountCreate: BodySchemas.flightDiscountCreate
        case .flightDiscountUpdate: BodySchemas.flightDiscountUpdate
        case .customerUpsert: .any
        }
    }

    /// The CRM-sync upsert reads the bytes straight into its model (as `SandboxHandlers.upsertCustomer` does).
    private static func checkCustomerUpsert(_ body: Data) -> Verdict {
        guard !body.isEmpty, let parsed = try? JSONBody.decoder.decode(CrmSyncBody.self, from: body),
            let customer = parsed.customer, case .success = customer.write
        else { return .rejected(status: 400) }
        return .accepted
    }
}
