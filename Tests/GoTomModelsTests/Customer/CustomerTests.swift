import Foundation
import GoTomModels
import Testing

@Suite("Customer and CRM sync models")
struct CustomerTests {
    static let addressText = #"""
        {"externalCrmId": "a-1", "title": "HQ", "firm": "ACME", "department": "", "street": "Main", "number": "1",
         "addresstext": "", "zip": "8000", "place": "Zürich", "country": "CH", "externalId": null,
         "sendingRule": null, "sendingRuleAddresses": null, "softDeleted": false}
        """#

    @Test("Required nullable keys decode null and are written back as null")
    func requiredNullables() throws {
        let address = try TestJSON.decode(CustomerRead.Address.self, Self.addressText)
        #expect(address.externalId == nil && address.sendingRule == nil && address.sendingRuleAddresses == nil)
        #expect(try TestJSON.json(address) == TestJSON.parse(Self.addressText))
    }

    @Test("A missing required nullable key is an error that names the key")
    func missingRequiredNullable() throws {
        let text = Self.addressText.replacingOccurrences(of: #" "externalId": null,"#, with: "")
        do {
            _ = try TestJSON.decode(CustomerRead.Address.self, text)
            Issue.record("decoding should have failed")
        } catch let DecodingError.keyNotFound(key, _) {
            #expect(key.stringValue == "externalId")
        }
    }

    @Test("The not-found body always carries customer: null")
    func notFound() throws {
        let text = #"{"ok": false, "message": "Customer not found with externalCrmId x", "customer": null}"#
        let body = try TestJSON.decode(NoCustomerFoundResponse.self, text)
        #expect(body.ok == false)
        #expect(try TestJSON.json(body) == TestJSON.parse(text))
        #expect(try TestJSON.json(NoCustomerFoundResponse(message: "m"))["customer"] == .null)
    }

    @Test("An upsert body sends only what is set")
    func upsertBody() throws {
        let body = Customer(
            customer: CustomerWrite(
                externalCrmId: "crm-1", firm: "ACME", status: .active, statusEc: .agency, language: .german,
                mainAddress: CustomerWrite.MainAddress(externalCrmId: "a-1"),
                pipelineStatus: .null,
                commission: CustomerCommission(bkCommission: 15, vmkCommission: 0, type: .direct)
            )
        )
        #expect(
            try TestJSON.json(body) == [
                "customer": [
                    "externalCrmId": "crm-1", "firm": "ACME", "status": 1, "statusEc": 3, "language": "de",
                    "mainAddress": ["externalCrmId": "a-1"], "pipelineStatus": .null,
                    "commission": ["bkCommission": 15, "vmkCommission": 0, "type": 0],
                ]
            ]
        )
    }

    @Test("CRM job responses in their three shapes")
    func jobResponses() throws {
        let finished = try TestJSON.decode(
            UpdateCustomerResponse.self,
            #"{"jobId": 123, "jobAlreadyFinished": true, "errorLogs": null, "warningLogs": ["key x ignored"]}"#
        )
        #expect(finished.errorLogs == nil && finished.warningLogs == ["key x ignored"])
        let accepted = try TestJSON.decode(
            UpdateCustomerAcceptedResponse.self,
            #"{"jobId": 123, "jobAlreadyFinished": false, "reason": "blocking_timeout"}"#
        )
        #expect(accepted.reason == .blockingTimeout)
        let failed = try TestJSON.decode(
            UpdateCustomerErrorResponse.self,
            #"""
            {"errorLogs": {"api_error": "missing key"}, "error": {"msg": "Request had no body"},
             "reason": "data_error"}
            """#
        )
        #expect(failed.errorLogs?.apiError == "missing key")
        #expect(failed.error?.msg == "Request had no body")
        #expect(try TestJSON.json(failed)["errorLogs"] == ["api_error": "missing key"])
        let logs = try TestJSON.decode(CustomerErrorLogResponse.self, #"{"jobStatus": "NO_JOB_FOUND", "sentJobId": 9}"#)
        #expect(logs.jobStatus == .noJobFound)
    }
}
