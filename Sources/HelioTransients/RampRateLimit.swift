/// Storage smoothing by a ramp-rate limit (docs/transients.md): what the gensets (or the point of
/// common coupling) see follows the load but moves at most `rampKWPerS` per second; the battery
/// supplies or absorbs the difference. The ramp-rate control of PV-plus-storage smoothing
/// (J. Marcos, L. Marroyo, E. Lorenzo, D. Alvira, E. Izco, "Power output fluctuations in large scale
/// PV plants: one year observations with one second resolution and a derived analytic model",
/// Prog. Photovolt. 19(2), 2011; the ramp limit of arXiv 2508.14318, §4, in MW/s). For a step of
/// ΔP the limited output ramps over ΔP/R seconds and the battery delivers the triangle ΔP²/(2R).
public struct RampRateLimit: Sendable, Equatable {
    /// Largest change of the limited output, kW per second.
    public var rampKWPerS: Double

    /// A limit of `rampKWPerS`.
    public init(rampKWPerS: Double) { self.rampKWPerS = rampKWPerS }

    /// The limited series of `loadKW` sampled every `stepSeconds`, starting at the load's first value.
    public func apply(_ loadKW: [Double], stepSeconds: Double) -> [Double] {
        guard var level = loadKW.first else { return [] }
        let step = rampKWPerS * stepSeconds
        var limited = [Double](repeating: 0, count: loadKW.count)
        for (index, load) in loadKW.enumerated() {
            level += min(step, max(-step, load - level))
            limited[index] = level
        }
        return limited
    }
}
