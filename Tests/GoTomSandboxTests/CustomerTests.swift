import Foundation
import GoTomModels
import GoTomSandbox
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Customers and CRM sync")
struct CustomerTests {
    static let upsert = "/app-api/crm-sync-import-external-crm-id/update-customer"

    static func customer(_ id: String, _ extra: String = "") -> String {
        #"{"customer":{"externalCrmId":"\#(id)","firm":"Firma \#(id)","status":1,"statusEc":1,"language":"de","mainAddress":{"externalCrmId":"\#(id)-A1"},"addresses":[{"externalCrmId":"\#(id)-A1","title":"Sitz","firm":"Firma \#(id)","zip":"8000","place":"Zürich","country":"CH"}]\#(extra)}}"#
    }

    @Test("R3 + R2 + R4: upsert creates; read finds it; the job log reports success")
    func upsertAndRead() async throws {
        try await withSandbox { client throws in
            let response = try await client.post(Self.upsert, Self.customer("N-1"))
            #expect(response.status == .ok)
            let jobId = try #require(response.json["jobId"]?.intValue)
            #expect(response.json["jobAlreadyFinished"] == true)
            #expect(response.json["errorLogs"] == .null)
            #expect(response.json["warningLogs"] == .null)
            #expect(response.json.objectValue?.count == 4)
            let found = try await client.get("/app-api/customer/N-1").decode(CustomerFoundResponse.self)
            #expect(found.ok)
            #expect(found.customer.firm == "Firma N-1")
            #expect(found.customer.mainAddress?.externalCrmId == "N-1-A1")
            #expect(found.customer.paymentTerm.externalCrmId == "net-30")
            let log = try await client.get("/app-api/crm-sync-import-external-crm-id/error-logs/\(jobId)")
            #expect(log.status == .ok)
            #expect(log.json["jobStatus"] == "JOB_STATUS_FINISHED_OK")
            #expect(log.json["sentJobId"]?.intValue == jobId)
        }
    }

    @Test("R3: addresses and contacts merge by externalCrmId and are never deleted; tags rename globally")
    func mergeRules() async throws {
        try await withSandbox { client throws in
            let first = Self.customer(
                "M-1",
                #","contacts":[{"externalCrmId":"P1","peopleGender":"F","peopleLastname":"Meier","peopleName":"Anna"}],"tags":[{"externalCrmId":"T1","name":"Alt"}],"note":"eins""#
            )
            #expect(try await client.post(Self.upsert, first).status == .ok)
            #expect(
                try await client.post(Self.upsert, Self.customer("M-2", #","tags":[{"externalCrmId":"T1"}]"#)).status
                    == .ok)
            let second =
                #"{"customer":{"externalCrmId":"M-1","firm":"Neu AG","status":1,"statusEc":3,"language":"fr","mainAddress":{"externalCrmId":"M-1-NEW"},"addresses":[{"externalCrmId":"M-1-B","title":"Filiale","firm":"Neu AG","zip":"3000","place":"Bern","country":"CH"}],"contacts":[{"externalCrmId":"P2","peopleGender":"M","peopleLastname":"Keller","peopleName":"Beat"},{"externalCrmId":"P1","peopleGender":"F","peopleLastname":"Meier-Huber","peopleName":"Anna"}],"tags":[{"externalCrmId":"T1","name":"Neu"}],"commission":{"bkCommission":15,"vmkCommission":0,"type":3}}}"#
            #expect(try await client.post(Self.upsert, second).status == .ok)
            let customer = try await client.get("/app-api/customer/M-1").decode(CustomerFoundResponse.self).customer
            #expect(customer.firm == "Neu AG")
            #expect(customer.note == "eins")
            #expect(customer.statusEc == .agency)
            #expect(Set(customer.addresses.map(\.externalCrmId)) == ["M-1-A1", "M-1-B", "M-1-NEW"])
            let empty = try #require(customer.addresses.first { $0.externalCrmId == "M-1-NEW" })
            #expect(empty.title == "" && empty.zip == "")
            #expect(customer.mainAddress?.externalCrmId == "M-1-NEW")
            #expect(customer.contacts.map(\.externalCrmId) == ["P1", "P2"])
            #expect(customer.contacts.first?.peopleLastname == "Meier-Huber")
            #expect(customer.commission.bkCommission == 15)
            let other = try await client.get("/app-api/customer/M-2").decode(CustomerFoundResponse.self).customer
            #expect(other.tags.map(\.name) == ["Neu"])
        }
    }

    @Test("R3: unknown keys and pipeline statuses are ignored with warnings")
    func warnings() async throws {
        try await withSandbox { client throws in
            let body = Self.customer("W-1", #","contactPersons":[],"pipelineStatus":{"externalCrmId":"nope"}"#)
            let response = try await client.post(Self.upsert, body)
            #expect(response.status == .ok)
            let warnings = response.json["warningLogs"]?.arrayValue ?? []
            #expect(warnings.count == 2)
            #expect(try await client.get("/app-api/customer/W-1").status == .ok)
        }
    }

    @Test("R3: body and data errors answer 400 with error.msg or errorLogs.api_error and reason data_error")
    func dataErrors() async throws {
        try await withSandbox { client throws in
            for (body, message) in [("", "Request had no body"), ("{oops", nil), (#"{"kunde":{}}"#, nil)]
                as [(String, String?)]
            {
                let response = try await client.post(Self.upsert, body)
                #expect(response.status == .badRequest)
                #expect(response.json["reason"] == "data_error")
                let msg = try #require(response.json["error"]?["msg"]?.stringValue)
                if let message { #expect(msg == message) }
            }
            let missing = try await client.post(
                Self.upsert,
                #"{"customer":{"externalCrmId":"E-1","status":1,"statusEc":1,"language":"de","mainAddress":{"externalCrmId":"a"}}}"#
            )
            #expect(missing.status == .badRequest)
            #expect(missing.json["reason"] == "data_error")
            #expect(missing.json["errorLogs"]?["api_error"]?.stringValue?.contains("firm") == true)
            let jobId = try #require(missing.json["jobId"]?.intValue)
            let log = try await client.get("/app-api/crm-sync-import-external-crm-id/error-logs/\(jobId)")
            #expect(log.json["jobStatus"] == "JOB_STATUS_FINISHED_ERROR")
            let badEnum = try await client.post(
                Self.upsert,
                #"{"customer":{"externalCrmId":"E-2","firm":"F","status":7,"statusEc":1,"language":"de","mainAddress":{"externalCrmId":"a"}}}"#
            )
            #expect(badEnum.status == .badRequest)
            #expect(badEnum.json["errorLogs"]?["api_error"]?.stringValue?.contains("status") == true)
            #expect(try await client.get("/app-api/customer/E-1").status == .notFound)
        }
    }

    @Test(
        "R3: each body shape and data error gets its own message, with the path inside the customer object",
        arguments: [
            (#"[1,2]"#, "error", "Request body has no customer object"),
            (#""text""#, "error", "Request body has no customer object"),
            (#"{"customer":null}"#, "error", "Request body has no customer object"),
            (#"{"customer":"C-1"}"#, "error", "Request body has no customer object"),
            (#"{"customer":[{}]}"#, "error", "Request body has no customer object"),
            (#"{"customer":{"a":1}"#, "error", "Request body is not valid JSON"),
            (#"{"customer":{}}"#, "api", "The customer data lacks the required key 'externalCrmId'."),
            (
                #"{"customer":{"externalCrmId":"P-1","firm":"F","status":1,"statusEc":1,"language":"de","mainAddress":{}}}"#,
                "api", "The customer data lacks the required key 'mainAddress.externalCrmId'."
            ),
            (
                #"{"customer":{"externalCrmId":"P-1","firm":null,"status":1,"statusEc":1,"language":"de","mainAddress":{"externalCrmId":"a"}}}"#,
                "api", "The customer data has an invalid value at 'firm'."
            ),
            (
                #"{"customer":{"externalCrmId":"P-1","firm":"F","status":"1","statusEc":1,"language":"de","mainAddress":{"externalCrmId":"a"}}}"#,
                "api", "The customer data has an invalid value at 'status'."
            ),
            (
                #"{"customer":{"externalCrmId":"P-1","firm":"F","status":1,"statusEc":1,"language":"de","mainAddress":{"externalCrmId":"a"},"addresses":[{"externalCrmId":"a","title":"T","firm":"F","zip":8000,"place":"P","country":"CH"}]}}"#,
                "api", "The customer data has an invalid value at 'addresses[0].zip'."
            ),
            (
                #"{"customer":{"externalCrmId":"P-1","firm":"F","status":1,"statusEc":1,"language":"de","mainAddress":{"externalCrmId":"a"},"contacts":[{"externalCrmId":"p","peopleGender":"F","peopleName":"A"}]}}"#,
                "api", "The customer data lacks the required key 'contacts[0].peopleLastname'."
            ),
        ] as [(String, String, String)]
    )
    func dataErrorMessages(body: String, kind: String, message: String) async throws {
        try await withSandbox { client throws in
            let response = try await client.post(Self.upsert, body)
            #expect(response.status == .badRequest)
            #expect(response.json["reason"] == "data_error")
            if kind == "error" {
                #expect(response.json["error"]?["msg"]?.stringValue == message)
                #expect(response.json["jobId"] == 0)
            } else {
                #expect(response.json["errorLogs"]?["api_error"]?.stringValue == message)
                #expect(response.json["jobId"]?.intValue != nil)
            }
            #expect(try await client.get("/app-api/customer/P-1").status == .notFound)
        }
    }

    @Test("R3: a rejected customer still reports its unknown keys, sorted")
    func warningsOnRejection() async throws {
        try await withSandbox { client throws in
            let response = try await client.post(
                Self.upsert, #"{"customer":{"zeta":1,"externalCrmId":"U-1","alpha":null,"status":1}}"#)
            #expect(response.status == .badRequest)
            #expect(
                response.json["warningLogs"]
                    == [
                        "Unknown key 'alpha' in the customer data was ignored.",
                        "Unknown key 'zeta' in the customer data was ignored.",
                    ])
            #expect(
                response.json["errorLogs"]?["api_error"]?.stringValue
                    == "The customer data lacks the required key 'firm'.")
        }
    }

    @Test("R2 + R4: unknown customers and jobs answer their own 404 bodies")
    func notFound() async throws {
        try await withSandbox { client throws in
            let customer = try await client.get("/app-api/customer/ghost%2F1")
            #expect(customer.status == .notFound)
            #expect(
                customer.json == [
                    "ok": false, "message": "Customer not found with externalCrmId ghost/1", "customer": .null,
                ])
            let job = try await client.get("/app-api/crm-sync-import-external-crm-id/error-logs/999")
            #expect(job.status == .notFound)
            #expect(job.json["jobStatus"] == "NO_JOB_FOUND")
            #expect(job.json["sentJobId"] == 999)
            #expect(try await client.get("/app-api/crm-sync-import-external-crm-id/error-logs/abc").status == .notFound)
        }
    }

    @Test("R1: customers are listed by id over several pages")
    func pagination() async throws {
        var fixtures = SandboxFixtures()
        var settings = SandboxFixtures.Settings()
        settings.customerPageSize = 2
        fixtures.settings = settings
        try await withSandbox(fixtures: fixtures) { client throws in
            for index in 1...3 {
                #expect(try await client.post(Self.upsert, Self.customer("L-\(index)")).status == .ok)
            }
            var collected: [String] = []
            var page = 1
            while true {
                let list = try await client.get("/app-api/customer?page=\(page)").decode(CustomerList.self)
                #expect(list.pagination.totalItems == 8)
                #expect(list.pagination.lastPage == 4)
                collected += list.items.compactMap(\.externalCrmId)
                guard let next = list.pagination.nextPageUrl else { break }
                #expect(next == "http://localhost/app-api/customer?page=\(page + 1)")
                page += 1
            }
            #expect(page == 4)
            #expect(
                collected == [
                    "CRM-1001", "CRM-2001", "CRM-3001", "CRM-1002", "example-customer1234", "L-1", "L-2", "L-3",
                ])
        }
    }

    @Test("fixtures: failing customers, pending and deferred jobs, seeded job logs, switched-off sync")
    func fixtureModes() async throws {
        var fixtures = SandboxFixtures()
        fixtures.crmFailures = [.init(externalCrmId: "BROKEN", apiError: "Adressdaten unvollständig")]
        fixtures.crmJobs = [.init(jobId: 77, status: .waiting)]
        try await withSandbox(fixtures: fixtures) { client throws in
            let failed = try await client.post(Self.upsert, Self.customer("BROKEN"))
            #expect(failed.status == .badRequest)
            #expect(failed.json["errorLogs"]?["api_error"] == "Adressdaten unvollständig")
            #expect(failed.json["jobId"] == 78)
            let waiting = try await client.get("/app-api/crm-sync-import-external-crm-id/error-logs/77")
            #expect(waiting.json["jobStatus"] == "JOB_STATUS_WAITING")
        }
        var settings = SandboxFixtures.Settings()
        settings.crmSyncMode = "pending"
        fixtures.settings = settings
        try await withSandbox(fixtures: fixtures) { client throws in
            let accepted = try await client.post(Self.upsert, Self.customer("P-1"))
            #expect(accepted.status == .accepted)
            #expect(accepted.json["reason"] == "blocking_timeout")
            #expect(accepted.json["jobAlreadyFinished"] == false)
            let jobId = try #require(accepted.json["jobId"]?.intValue)
            let log = try await client.get("/app-api/crm-sync-import-external-crm-id/error-logs/\(jobId)")
            #expect(log.json["jobStatus"] == "JOB_STATUS_WAITING")
            #expect(try await client.get("/app-api/customer/P-1").status == .notFound)
        }
        settings.crmSyncMode = "deferred"
        fixtures.settings = settings
        try await withSandbox(fixtures: fixtures) { client throws in
            let accepted = try await client.post(Self.upsert, Self.customer("D-1"))
            #expect(accepted.status == .accepted)
            let jobId = try #require(accepted.json["jobId"]?.intValue)
            let log = try await client.get("/app-api/crm-sync-import-external-crm-id/error-logs/\(jobId)")
            #expect(log.json["jobStatus"] == "JOB_STATUS_FINISHED_OK")
            #expect(try await client.get("/app-api/customer/D-1").status == .ok)
        }
        settings.crmSync = false
        fixtures.settings = settings
        try await withSandbox(fixtures: fixtures) { client throws in
            #expect(try await client.post(Self.upsert, Self.customer("X-1")).status == .notFound)
        }
    }
}
