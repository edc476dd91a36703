import ArgumentParser
import AsyncHTTPClient
import Foundation
import HelioGrid

/// `heliogrid slurm-agent --ems URL --token-file F --partition P`: holds the flexible partition's
/// pending jobs, asks the EMS when and at what power cap to run each (`POST /v1/jobs`), releases
/// each when the EMS's plan says so, sets its GPUs' power cap through `--cap-command` once it runs,
/// and suspends, resumes or caps running jobs as the EMS directs for a curtailment (docs/compute.md). A job's comment carries what the EMS needs:
/// `gpus=64;hours=3;deadline=2026-07-16T01:00:00-07:00;cap=0.7;class=batch` (`hours` defaults to the
/// job's time limit in plant hours; `cap`, the lowest power cap it accepts, to 1). A job it cannot
/// read or the EMS refuses is logged and left as it was; the EMS down or failing means the pass is
/// retried with exponential backoff, Slurm left alone meanwhile.
struct SlurmAgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm-agent",
        abstract: "Hold and release a Slurm partition's flexible jobs by the live EMS's plan, and set their GPU power caps.")

    @Option(help: "The EMS's base URL (heliogrid serve), e.g. http://127.0.0.1:8080.")
    var ems: String
    @Option(help: "File holding a control-scope API token.")
    var tokenFile: String
    @Option(help: "The flexible partition.")
    var partition: String
    @Option(help: "Command that sets a running job's GPU power cap: {job} becomes the job id and {watts} the cap in watts (appended when not named), e.g. 'srun --jobid={job} --overlap nvidia-smi -pl {watts}'; a stand-in such as 'true' on machines without GPUs.")
    var capCommand = "nvidia-smi -pl"
    @Option(help: "Uncapped GPU power, W (the cap command gets cap × this).")
    var gpuWatts = 700.0
    @Option(help: "Lowest power cap the GPUs take, W (a plan below it is not carried out); default the lowest cap HelioGrid plans × --gpu-watts.")
    var minGPUWatts: Double?
    @Option(help: "Directory holding squeue and scontrol, looked in before PATH.")
    var slurmBin: String?
    @Option(help: "Seconds between passes over the queue.")
    var interval = 1.0
    @Flag(help: "Stop once the partition is empty and every job seen has finished; print the summary and exit 1 if a deadline was missed.")
    var untilIdle = false
    @Option(help: "With --until-idle: give up after this many seconds.")
    var timeout = 3600.0

    /// Seconds before the next pass after `failures` failed passes in a row: the interval doubled
    /// each time (exponential backoff), at most a minute or the interval if longer.
    static func backoff(_ failures: Int, interval: Double) -> Double {
        min(interval * Double(1 << min(failures, 16)), max(60, interval))
    }

    func run() async throws {
        do {
            let token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { throw HelioError(.usage, "\(tokenFile) holds no token") }
            guard interval > 0, interval <= 3600 else { throw HelioError(.usage, "--interval must be above 0 and at most 3600 s, found \(interval)") }
            let capWords = capCommand.split(separator: " ").map(String.init)
            guard !capWords.isEmpty else { throw HelioError(.usage, "--cap-command is empty (give 'true' for no caps)") }
            guard gpuWatts.isFinite, (1...10_000).contains(gpuWatts) else { throw HelioError(.usage, "--gpu-watts must be 1 to 10000 W, found \(gpuWatts)") }
            let minWatts = minGPUWatts ?? FlexibilityConfig.lowestPowerCapFloor * gpuWatts
            guard minWatts.isFinite, minWatts > 0, minWatts <= gpuWatts else {
                throw HelioError(.usage, "--min-gpu-watts must be above 0 and at most --gpu-watts (\(gpuWatts)), found \(minWatts)")
            }
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            var agent = SlurmAgent(ems: EMSClient(baseURL: ems, token: token, client: client), queue: SlurmQueue(partition: partition, binDirectory: slurmBin),
                                   capCommand: capWords, gpuWatts: gpuWatts, minGPUWatts: minWatts)
            let started = Date()
            var failure: (any Error)?
            var failedPasses = 0
            do {
                while true {
                    do {
                        try await agent.pass()
                        failedPasses = 0
                    } catch let error as HelioError where error.kind == .usage {
                        throw error
                    } catch {
                        failedPasses += 1
                        FileHandle.standardError.write(Data("slurm-agent: pass failed, Slurm left as it is (\(error)); retrying in \(Self.backoff(failedPasses, interval: interval)) s\n".utf8))
                    }
                    if untilIdle && agent.isIdle { break }
                    if untilIdle && Date().timeIntervalSince(started) > timeout {
                        throw HelioError(.io, "the partition did not empty within \(timeout) s")
                    }
                    try await Task.sleep(for: .seconds(failedPasses == 0 ? interval : Self.backoff(failedPasses, interval: interval)))
                }
            } catch {
                failure = error
            }
            try await client.shutdown()
            if let failure { throw failure }
            print(agent.curtailmentSummary)
            print(agent.summary)
            if !agent.deadlinesMet || agent.startedEarly > 0 { throw ExitCode(1) }
        } catch let error as HelioError {
            throw HelioGridCommand.fail(error)
        }
    }
}
