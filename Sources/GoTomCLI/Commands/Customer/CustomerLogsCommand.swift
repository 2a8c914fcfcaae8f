import ArgumentParser
import GoTomAPI
import GoTomModels

/// `gotom customer logs JOB_ID`: the state of a CRM-sync job.
struct CustomerLogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Show the status, errors and warnings of a CRM-sync job.",
        discussion: """
            Prints goTom's error log of a CRM-sync job: jobStatus (JOB_STATUS_WAITING, JOB_STATUS_FINISHED_OK, \
            JOB_STATUS_FINISHED_ERROR), errorLogs and warningLogs. Use it for the job id that \
            `gotom customer upsert` printed when goTom queued the upsert (exit 75).

            Reading the log succeeds with exit 0 whatever the job's status; check jobStatus. An unknown job \
            answers 404 (exit 4).

            Examples:
              gotom customer logs 4711
              gotom customer logs 4711 | jq -r .jobStatus
              gotom customer logs 4711 --output table
            """
    )

    @Argument(help: ArgumentHelp("The job id from a queued upsert.", valueName: "job-id"))
    var jobId: Int

    @OptionGroup var output: OutputOptions
    @OptionGroup var clientOptions: ClientOptions

    func run() async throws {
        try await Self.reportingFailures {
            let jobId = self.jobId
            return try await clientOptions.show(output) { client in try await client.customers.errorLogs(jobId: jobId) }
        }
    }
}
