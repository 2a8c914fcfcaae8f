import ArgumentParser
import Foundation
import GoTomAPI
import GoTomAuth
import GoTomModels
import GoTomSandbox
import Logging

/// `gotom demo`: a realistic integration against an in-process sandbox, step by step.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Walk through a goTom integration with the Swift SDK against a built-in sandbox (nothing to set up).",
        discussion: """
            Starts a sandbox on a free 127.0.0.1 port (in memory, HTTPS with a throw-away CA), then looks up \
            primary keys, creates and updates a campaign, adds a flight and discounts, syncs a customer, provokes \
            a constraint violation and downloads a report. Each step prints method, path, status and a summary.

            Example:
              gotom demo
            """
    )

    @Option(help: ArgumentHelp("Size in bytes of the report downloaded at the end.", valueName: "bytes"))
    var reportSize: Int = 8 * 1024 * 1024

    func run() async throws {
        try await Self.reportingFailures {
            let trace = RequestTrace()
            let sandbox: SandboxServer
            do {
                sandbox = try await SandboxServer.start(
                    configuration: SandboxConfiguration(
                        port: 0, storage: .inMemory, tls: true, largeReportSize: reportSize))
            } catch {
                throw CLIError("cannot start the sandbox: \(error)")
            }
            StandardStreams.writeOut("Sandbox: \(sandbox.baseURL) (in memory, TLS with a throw-away local CA)\n\n")
            var configuration = GoTomClient.Configuration(
                baseURL: sandbox.baseURL, credentials: sandbox.credentials,
                additionalCACertificatePath: sandbox.caCertificatePath
            )
            configuration.observer = { trace.observe($0) }
            let client = try GoTomClient(configuration: configuration)
            let steps = DemoSteps(client: client, trace: trace)
            do {
                try await steps.run()
            } catch {
                try? await client.shutdown()
                try? await sandbox.stop()
                throw error
            }
            try? await client.shutdown()
            try? await sandbox.stop()
            StandardStreams.writeOut(
                "\nDone: \(trace.count) signed requests. The same calls work against goTom with a base URL and credentials.\n"
            )
            return .success
        }
    }
}

/// The integration itself, one method per step.
private struct DemoSteps {
    let client: GoTomClient
    let trace: RequestTrace
    let campaignId = "DEMO-2025-001"

    func run() async throws {
        try await lookUpPrimaryKeys()
        try await createAndUpdateCampaign()
        try await addFlightAndDiscounts()
        try await readBack()
        try await syncCustomer()
        try await provokeViolation()
        try await downloadReport()
    }

    func report(_ summary: String) {
        let (method, path, status) = trace.last
        let padded = "\(method) \(path)".padding(
            toLength: max(58, method.count + path.count + 2), withPad: " ", startingAt: 0)
        StandardStreams.writeOut("  \(padded) \(status)  \(summary)\n")
    }

    func lookUpPrimaryKeys() async throws {
        StandardStreams.writeOut("Look up primary keys\n")
        for entity in [PrimaryKeyEntity.platform, .channel, .tarif] {
            let keys = try await client.primaryKeys(entity)
            let items = keys.items ?? []
            let names = items.prefix(3).map(\.name).joined(separator: ", ")
            report("\(keys.pagination?.totalItems ?? items.count) \(entity.rawValue) keys: \(names)…")
        }
    }

    func createAndUpdateCampaign() async throws {
        StandardStreams.writeOut("Create a campaign, then update it with the body from goTom's example\n")
        try await client.campaigns.create(
            CampaignCreate(
                externalId: campaignId, name: "Frühlingskampagne", status: .reservation,
                bookingDate: try CalendarDate(parsing: "2025-03-01"),
                customer: ContactRef(entityExternalCrmId: "CRM-1001")))
        report("created \(campaignId) for customer CRM-1001")
        // The campaign update body exactly as goTom's documentation sends it with its example clients.
        let seedBody =
            #"{"name": "new campaign name", "status": "booking", "bookingDate": "2021-06-23", "note": "new note", "noteInternal": "new note-internal", "noteReservation": "new note-reservation", "campaignTypeId": 3, "campaignTypeReference": "Campaign-Type-Reference 3"}"#
        let update = try JSONDecoder().decode(CampaignUpdate.self, from: Data(seedBody.utf8))
        try await client.campaigns.update(campaignId, with: update)
        report("updated: name, status booking, notes, campaign type 3")
    }

    func addFlightAndDiscounts() async throws {
        StandardStreams.writeOut("Add a flight and discounts\n")
        try await client.flights.create(
            FlightCreate(
                externalId: "\(campaignId)-F1", adServerId: "gam",
                runtime: FlightRuntime(
                    start: DateTimeComponents(date: try CalendarDate(parsing: "2025-03-01"), time: "00:00"),
                    end: DateTimeComponents(date: try CalendarDate(parsing: "2025-03-31"))),
                tarifId: 1, mediaId: 20, platformId: 1, channelId: 10, advertisingId: 30, priceTypeId: 1,
                units: 250_000, bruttoPriceUnit: .amount(45)), in: campaignId)
        report("flight \(campaignId)-F1: 250,000 units on platform 1, March 2025")
        try await client.campaignDiscounts.create(
            CampaignDiscountWrite(externalId: "EARLY", name: "Frühbucherrabatt"), in: campaignId)
        report("campaign discount EARLY")
        try await client.flightDiscounts.create(
            FlightDiscountCreate(
                flightExternalId: "\(campaignId)-F1", externalId: "EARLY-F1", amountPercent: 10,
                amountSum: nil),
            campaign: campaignId, campaignDiscount: "EARLY")
        report("10 % on flight \(campaignId)-F1")
    }

    func readBack() async throws {
        StandardStreams.writeOut("Read it back\n")
        let campaign = try await client.campaigns.get(campaignId)
        let flights = campaign.flights ?? []
        report(
            "\"\(campaign.name)\", status \(campaign.status.rawValue), \(flights.count) flight(s), note \"\(campaign.note ?? "")\""
        )
    }

    func syncCustomer() async throws {
        StandardStreams.writeOut("Sync a customer from the CRM and list customers\n")
        let result = try await client.customers.upsert(
            CustomerWrite(
                externalCrmId: "CRM-DEMO-7", firm: "Bergbahnen Demo AG", status: .active, statusEc: .customer,
                language: .german, mainAddress: CustomerWrite.MainAddress(externalCrmId: "CRM-DEMO-7-A1")))
        report(
            "upserted CRM-DEMO-7 (job \(result.jobId.map(String.init) ?? "-"), finished: \(result.jobAlreadyFinished.map(String.init) ?? "-"))"
        )
        let page = try await client.customers.list()
        report("\(page.pagination.totalItems) customers, \(page.pagination.perPage) per page")
    }

    func provokeViolation() async throws {
        StandardStreams.writeOut("Create the same campaign again: goTom answers with constraint violations\n")
        do {
            try await client.campaigns.create(
                CampaignCreate(
                    externalId: campaignId, name: "Duplikat", status: .reservation,
                    bookingDate: try CalendarDate(parsing: "2025-03-01"),
                    customer: ContactRef(entityExternalCrmId: "CRM-1001")))
            throw CLIError("the duplicate campaign was accepted; the sandbox should have refused it")
        } catch let error as GoTomError where error == .constraintViolations {
            report("\(error.violations.count) violation(s)")
            for violation in error.violations {
                StandardStreams.writeOut(
                    "      \(violation.code.rawValue)  \(violation.propertyPath)  \(violation.message)\n")
            }
        }
    }

    func downloadReport() async throws {
        StandardStreams.writeOut("Download a report as CSV, streamed to a file\n")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gotom-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let progress = ProgressPrinter()
        let result = try await client.reports.downloadGraph(
            9000, toFile: directory.appendingPathComponent("report.csv").path
        ) { progress.update($0) }
        progress.finish()
        report("\(result.byteCount) bytes of \(result.contentType ?? "CSV") written to a temporary file")
    }
}

/// Remembers the method, path and status of the SDK's requests, from its request events.
final class RequestTrace: @unchecked Sendable {
    private let lock = NSLock()
    private var method = "-"
    private var path = "-"
    private var status = "-"
    private var requests = 0

    var last: (String, String, String) { lock.withLock { (method, path, status) } }
    var count: Int { lock.withLock { requests } }

    /// The client's observer.
    func observe(_ event: RequestEvent) {
        lock.withLock {
            switch event {
            case .attemptSent(let sent):
                method = sent.method
                path = sent.requestURI
                requests += 1
            case .responseReceived(let response):
                status = "\(response.status)"
            case .attemptFailed, .retryScheduled, .clockCorrected:
                break
            }
        }
    }
}

/// Shows download progress: a live line on a terminal, a few lines otherwise.
final class ProgressPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private var lastQuarter = -1

    func update(_ progress: DownloadProgress) {
        guard let fraction = progress.fractionCompleted else { return }
        lock.withLock {
            let percent = Int(fraction * 100)
            if StandardStreams.stdoutIsTerminal {
                StandardStreams.writeOut("\r      \(percent) % (\(progress.bytesReceived / 1024) KiB)")
            } else if percent / 25 > lastQuarter {
                lastQuarter = percent / 25
                StandardStreams.writeOut("      \(percent) % (\(progress.bytesReceived / 1024) KiB)\n")
            }
        }
    }

    func finish() {
        if StandardStreams.stdoutIsTerminal { StandardStreams.writeOut("\n") }
    }
}
