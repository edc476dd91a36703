import Foundation

/// Generates a year of GPU jobs from `[load.jobs]`'s mix (docs/compute.md), seeded from `[load]
/// seed`: per class a Poisson stream (exponential gaps) at the rate λ = share · GPUs / (E[job GPUs] ·
/// mean hours) that keeps `share` of the cluster busy on average, job sizes drawn uniformly from the
/// powers of two between `gpus_min` and `gpus_max` (log-uniform sizes, as job-size distributions of
/// GPU clusters span orders of magnitude: Hu et al., "Characterization and Prediction of Deep
/// Learning Workloads in Large-Scale GPU Datacenters", SC'21), exponential run times. Jobs are
/// drawn from `warmUpDays` before the year so the year starts with a busy cluster.
public enum JobMixGenerator {
    /// Days of jobs drawn before the year starts.
    public static let warmUpDays = 30.0

    /// The jobs of `config` on a cluster of `gpus` GPUs, submission times in minutes from the start
    /// of the year (negative in the warm-up).
    public static func jobs(_ config: JobsConfig, gpus: Int, seed: Int) -> [ComputeJob] {
        var random = SplitMix64(seed: UInt64(truncatingIfNeeded: seed) &* 0x2545_F491_4F6C_DD1D &+ 0x5851_F42D)
        var jobs: [ComputeJob] = []
        for jobClass in JobClass.allCases {
            guard let mix = config.mix[jobClass], mix.share > 0 else { continue }
            let sizes = sizes(mix)
            let meanGPUs = Double(sizes.reduce(0, +)) / Double(sizes.count)
            let perMinute = mix.share * Double(gpus) / (meanGPUs * mix.meanHours) / 60
            var minute = -warmUpDays * 1440
            var index = 0
            while true {
                minute += -Foundation.log(Double.random(in: Double.ulpOfOne..<1, using: &random)) / perMinute
                guard minute < Double(CivilCalendar.minutesPerYear) else { break }
                let hours = max(1.0 / 60, -Foundation.log(Double.random(in: Double.ulpOfOne..<1, using: &random)) * mix.meanHours)
                let size = sizes[Int.random(in: 0..<sizes.count, using: &random)]
                let deadline = jobClass == .batch ? minute + (hours + mix.deadlineHours) * 60 : nil
                jobs.append(ComputeJob(id: "\(jobClass.rawValue)-\(index)", submitMinute: minute, gpus: size, hours: hours, jobClass: jobClass,
                                       deadlineMinute: deadline, checkpointHours: mix.checkpointHours, minPowerCap: mix.minPowerCap))
                index += 1
            }
        }
        return jobs
    }

    /// Job sizes: `gpus_min` doubled while within `gpus_max`.
    static func sizes(_ mix: JobClassMix) -> [Int] {
        var sizes = [mix.gpusMin]
        while sizes[sizes.count - 1] * 2 <= mix.gpusMax { sizes.append(sizes[sizes.count - 1] * 2) }
        return sizes
    }
}
