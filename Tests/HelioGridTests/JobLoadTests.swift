import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid

/// The job-level load (`[load] kind = "jobs"`, docs/compute.md): the trace reader and its errors, the
/// rigid backfilling schedule worked by hand, and the generated mix against its shares.
@Suite struct JobLoadTests {
    static let clock = RunClock(firstYear: 2026, years: 1, utcOffsetMinutes: -420)

    static func trace(_ rows: [String]) -> String { ([JobTraceReader.header] + rows).joined(separator: "\n") + "\n" }

    /// On 16 GPUs, hourly: A (training, 8 GPUs, 00:00, 2 h) runs at once. B (batch, 16 GPUs, 00:30,
    /// 1 h, deadline 05:00) heads the queue with a reservation at 02:00, when A ends, with no GPUs to
    /// spare. C (interactive, 4 GPUs, 00:45, 1 h) ends before 02:00, so it backfills at once:
    /// 00:45–01:45, one GPU-hour in the first hour, three in the second. D (batch, 8 GPUs, 01:00, 1 h,
    /// deadline 02:00) finds only 4 GPUs free until C ends, and from then would delay B: it waits
    /// for B (02:00–03:00, which may wait 2 hours more) and runs 03:00–04:00, after its deadline.
    @Test func backfillScheduleByHand() throws {
        let jobs = try JobTraceReader.parse(text: Self.trace([
            "A,2026-01-01T00:00:00-07:00,8,2,training,,6,0.7",
            "B,2026-01-01T00:30:00-07:00,16,1,batch,2026-01-01T05:00:00-07:00,,",
            "C,2026-01-01T00:45:00-07:00,4,1,interactive,,,",
            "D,2026-01-01T08:00:00Z,8,1,batch,2026-01-01T09:00:00Z,1,0.5",
        ]), file: "trace.csv", clock: Self.clock, gpus: 16)
        #expect(jobs.map(\.submitMinute) == [0, 30, 45, 60] && jobs[0].minPowerCap == 0.7 && jobs[1].minPowerCap == 1)
        let schedule = JobSchedule(jobs: jobs, gpus: 16, axis: ComputeCase.axis)
        #expect(schedule.trainingGPUs[0] == 8 && schedule.trainingGPUs[1] == 8 && schedule.trainingGPUs[2] == 0)
        #expect(schedule.trainingFloorGPUs[0] == 8 * 0.7)
        #expect(schedule.batchPieces == [JobSchedule.BatchPiece(step: 2, gpus: 16, slackSteps: 2), JobSchedule.BatchPiece(step: 3, gpus: 8, slackSteps: 0)])
        #expect(schedule.interactiveGPUs[0] == 1 && schedule.interactiveGPUs[1] == 3 && schedule.interactiveGPUs.reduce(0, +) == 4)
        #expect(schedule.lateJobIDs == ["D"])
    }

    /// Bad rows are named by file, line and reason.
    @Test func badTraceRowsAreNamed() {
        func failure(_ row: String, gpus: Int = 16) -> String {
            do {
                _ = try JobTraceReader.parse(text: Self.trace([row]), file: "trace.csv", clock: Self.clock, gpus: gpus)
                return ""
            } catch let error as HelioError {
                return error.description
            } catch {
                return "\(error)"
            }
        }
        #expect(failure("A,2026-01-01T00:00:00-07:00,8,2,training,,,").isEmpty)
        #expect(failure("A,2026-01-01T00:00:00-07:00,32,2,training,,,").contains("trace.csv:2: gpus '32' must be a whole number from 1 to the cluster's 16"))
        #expect(failure("A,2026-01-01T00:00:00-07:00,8,2,research,,,").contains("trace.csv:2: class 'research'"))
        #expect(failure("A,2026-01-01T00:00:00-07:00,8,2,batch,2026-01-01T01:00:00-07:00,,").contains("deadline is before the job could finish"))
        #expect(failure("A,2026-01-01T00:00:00-07:00,8,2,interactive,,,0.8").contains("interactive jobs are never capped"))
        #expect(failure("A,2027-01-01T00:00:00-07:00,8,2,training,,,").contains("submit falls in 2027"))
        #expect(failure("A,2026-01-01T00:00:00-07:00,8,2,training,,,0.3").contains("min_power_cap 0.3 is out of range"))
        #expect(failure("A,2026-01-01T00:00:00-07:00,8,2,training,,").contains("expected 8 fields, found 7"))
    }

    /// The default mix on 10,000 GPUs: each class's GPU-hours over the year come within 15 % of its
    /// share of the cluster (Poisson arrivals of large training jobs make the year's draw noisy; the
    /// queue carries some work past the year), fewer than 6 % of batch jobs end after their 24 h
    /// deadline when run at once (queueing behind large training jobs: 1,050 of 24,341 with seed 1), the
    /// same seed gives the same jobs, and a different seed different ones.
    @Test func generatedMixKeepsItsShares() {
        let config = JobsConfig()
        let jobs = JobMixGenerator.jobs(config, gpus: 10_000, seed: 1)
        #expect(jobs == JobMixGenerator.jobs(config, gpus: 10_000, seed: 1) && jobs != JobMixGenerator.jobs(config, gpus: 10_000, seed: 2))
        let schedule = JobSchedule(jobs: jobs, gpus: 10_000, axis: ComputeCase.axis)
        let yearGPUHours = 10_000.0 * 8_760
        let batch = schedule.batchPieces.reduce(0) { $0 + $1.gpus }
        for (jobClass, gpuHours) in [(JobClass.interactive, schedule.interactiveGPUs.reduce(0, +)),
                                     (.training, schedule.trainingGPUs.reduce(0, +)), (.batch, batch)] {
            let share = config.mix[jobClass]!.share
            #expect(abs(gpuHours / yearGPUHours - share) < 0.15 * share, "\(jobClass): \(gpuHours / yearGPUHours) against \(share)")
        }
        let batchJobs = jobs.filter { $0.jobClass == .batch }.count
        #expect(schedule.lateJobIDs.count < batchJobs * 6 / 100)
    }

    /// The default campus with its load as the generated job mix, on Phoenix TMY3 under the rule EMS:
    /// rigid operation's IT power is the schedule's; flexible operation balances every step, keeps
    /// the work, misses no deadline and burns less fuel.
    @Test func jobCampusFlexibleAgainstRigid() throws {
        var scenario = TestData.defaultScenario
        scenario.load.kind = .jobs
        let rigidInputs = try SimulationInputs.prepare(scenario, weather: TestData.phoenix)
        let schedule = JobSchedule(jobs: JobMixGenerator.jobs(scenario.load.jobs, gpus: 10_000, seed: scenario.load.seed), gpus: 10_000,
                                   axis: rigidInputs.axis)
        let busyKW = ComputeProfile.gpuKW(scenario.load), idleKW = 1_250 * 2.0 * 1.05
        var busy = zip(schedule.interactiveGPUs, schedule.trainingGPUs).map(+)
        for piece in schedule.batchPieces { busy[piece.step] += piece.gpus }
        #expect(zip(busy, rigidInputs.load.itKW).allSatisfy { abs(idleKW + $0 * busyKW - $1) < 1e-6 })
        var rigidStrategy = RuleBasedDispatch(scenario: scenario)
        let rigid = SimulationEngine.run(scenario, inputs: rigidInputs, strategy: &rigidStrategy, recordSeries: false)
        scenario.dispatch.compute = .flexible
        let inputs = try SimulationInputs.prepare(scenario, weather: TestData.phoenix)
        var strategy = FlexibleComputeDispatch(base: RuleBasedDispatch(scenario: scenario), costs: ComputeCosts(scenario: scenario))
        let flexible = SimulationEngine.run(scenario, inputs: inputs, strategy: &strategy, recordSeries: false)
        ComputeCase.checkInvariants(flexible)
        let c = flexible.totals.compute
        #expect(c.batchMissedKWh == 0 && c.batchDeferredKWh > 0 && c.interactiveKWh > 0 && c.trainingKWh > 0)
        #expect(flexible.totals.fuelL < 0.97 * rigid.totals.fuelL && flexible.totals.unservedKWh == 0)
    }
}
