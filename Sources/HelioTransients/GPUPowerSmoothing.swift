/// GPU-side power smoothing (docs/transients.md): the GPUs keep their power at or above a floor — a
/// share of their rated power (TDP), burning energy on work nobody asked for when the job's own
/// power would fall below it — and change it no faster than separate up and down rates. This is
/// the mitigation of "Power Stabilization for AI Training Datacenters" (arXiv 2508.14318, §4:
/// NVIDIA GB200/GB300 power smoothing, a floor of 20–90 % of TDP and ramp-up and ramp-down limits in
/// W/s). Powers are the cluster's, kW.
public struct GPUPowerSmoothing: Sendable, Equatable {
    /// Rated power of the GPUs smoothed, kW.
    public var ratedKW: Double
    /// Floor as a share of `ratedKW` (0: none).
    public var floorShare: Double
    /// Rise and fall limits, kW per second (infinite: none).
    public var rampUpKWPerS: Double, rampDownKWPerS: Double

    /// Smoothing of `ratedKW` of GPUs with the floor and limits given.
    public init(ratedKW: Double, floorShare: Double, rampUpKWPerS: Double = .infinity, rampDownKWPerS: Double = .infinity) {
        self.ratedKW = ratedKW
        self.floorShare = floorShare
        self.rampUpKWPerS = rampUpKWPerS
        self.rampDownKWPerS = rampDownKWPerS
    }

    /// The smoothed power of the jobs' own power `rawKW` (every `stepSeconds`), and the energy the
    /// smoothing burns above it, kWh: the floor's filler work and the slower falls. (A slower rise
    /// holds power below what the jobs ask: it slows them rather than burning energy.)
    public func apply(_ rawKW: [Double], stepSeconds: Double) -> (powerKW: [Double], burnedKWh: Double) {
        let floorKW = floorShare * ratedKW
        let floored = rawKW.map { max($0, floorKW) }
        let smoothed = RampRateLimit(upKWPerS: rampUpKWPerS, downKWPerS: rampDownKWPerS).apply(floored, stepSeconds: stepSeconds)
        let burnedKWs = zip(smoothed, rawKW).reduce(0) { $0 + max(0, $1.0 - $1.1) } * stepSeconds
        return (smoothed, burnedKWs / 3600)
    }
}
