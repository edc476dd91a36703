/// A ramp-rate limit on a power series (docs/transients.md): the limited series follows its input
/// but rises at most `upKWPerS` and falls at most `downKWPerS` per second.
///
/// As storage smoothing, what the gensets (or the point of common coupling) see is the limited load
/// and the battery supplies or absorbs the difference: the ramp-rate control of PV-plus-storage
/// smoothing (J. Marcos, L. Marroyo, E. Lorenzo, D. Alvira, E. Izco, "Power output fluctuations in
/// large scale PV plants: one year observations with one second resolution and a derived analytic
/// model", Prog. Photovolt. 19(2), 2011; the ramp limit of arXiv 2508.14318, §4, in MW/s). For a
/// step of ΔP the limited output ramps over ΔP/R seconds and the battery delivers the triangle
/// ΔP²/(2R). As GPU-side smoothing (``GPUPowerSmoothing``) the rates differ up and down.
public struct RampRateLimit: StorageSmoothing, Equatable {
    /// Largest rise of the limited output, kW per second.
    public var upKWPerS: Double
    /// Largest fall of the limited output, kW per second.
    public var downKWPerS: Double

    /// A limit of `rampKWPerS` both ways.
    public init(rampKWPerS: Double) {
        self.init(upKWPerS: rampKWPerS, downKWPerS: rampKWPerS)
    }

    /// A limit of `upKWPerS` rising and `downKWPerS` falling.
    public init(upKWPerS: Double, downKWPerS: Double) {
        self.upKWPerS = upKWPerS
        self.downKWPerS = downKWPerS
    }

    /// The limited series of `loadKW` sampled every `stepSeconds`, starting from `initialKW` (`nil`:
    /// the load's first value).
    public func apply(_ loadKW: [Double], stepSeconds: Double, from initialKW: Double? = nil) -> [Double] {
        guard var level = initialKW ?? loadKW.first else { return [] }
        let up = upKWPerS * stepSeconds, down = downKWPerS * stepSeconds
        var limited = [Double](repeating: 0, count: loadKW.count)
        for (index, load) in loadKW.enumerated() {
            level += min(up, max(-down, load - level))
            limited[index] = level
        }
        return limited
    }
}
