/// A cloud passing over the PV plant (docs/transients.md): the output falls linearly by a share of
/// its level over the ramp time, stays shaded, and recovers over the same time. Linear edges at a
/// plant-wide rate are how one-second measurements of large plants show cloud transits: the plant's
/// area spreads the edge over tens of seconds (J. Marcos, L. Marroyo, E. Lorenzo, D. Alvira, E. Izco,
/// Prog. Photovolt. 19(2), 2011: the largest one-second fluctuations fall with plant area).
public struct CloudRamp: Sendable, Equatable {
    /// When the output starts to fall, s (`nil`: no cloud).
    public var atS: Double?
    /// Share of the output lost at the bottom.
    public var depth: Double
    /// Time to fall and to recover, s.
    public var rampS: Double
    /// Time at the bottom, s.
    public var shadedS: Double

    /// A cloud with the figures given.
    public init(atS: Double?, depth: Double, rampS: Double, shadedS: Double) {
        self.atS = atS
        self.depth = depth
        self.rampS = rampS
        self.shadedS = shadedS
    }

    /// The share of the output shaded `t` seconds into the window, 0…`depth`.
    public func shade(at t: Double) -> Double {
        guard let atS, t >= atS else { return 0 }
        let into = t - atS
        let falling = rampS > 0 ? min(1, into / rampS) : 1
        let recovering = rampS > 0 ? max(0, min(1, (into - rampS - shadedS) / rampS)) : (into >= shadedS ? 1 : 0)
        return depth * (falling - recovering)
    }

    /// The PV power of the window, `count` samples every `stepSeconds`, from `clearKW`.
    public func series(clearKW: Double, count: Int, stepSeconds: Double) -> [Double] {
        (0..<count).map { clearKW * (1 - shade(at: Double($0) * stepSeconds)) }
    }
}
