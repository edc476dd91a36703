import Foundation

/// Storage smoothing by a first-order low-pass filter (docs/transients.md): what the gensets see is
/// the load through a filter of time constant τ, dy/dt = (load − y)/τ, and the battery carries the
/// difference — the moving-average / low-pass family of PV and load smoothing compared by Marcos et
/// al. (Prog. Photovolt. 19(2), 2011) with the ramp-rate limit. A step of ΔP reaches the gensets as
/// ΔP(1 − e^(−t/τ)); over a long step the battery delivers ΔP·τ. The filter is discretised exactly
/// for a load held over each step (y ← y + (1 − e^(−Δt/τ))(load − y)).
public struct LowPassSmoothing: StorageSmoothing, Equatable {
    /// Time constant, s.
    public var timeConstantS: Double

    /// A filter of `timeConstantS`.
    public init(timeConstantS: Double) { self.timeConstantS = timeConstantS }

    /// The filtered series of `loadKW` sampled every `stepSeconds`, starting from `initialKW` (`nil`:
    /// the load's first value).
    public func apply(_ loadKW: [Double], stepSeconds: Double, from initialKW: Double? = nil) -> [Double] {
        guard var level = initialKW ?? loadKW.first else { return [] }
        let gain = timeConstantS > 0 ? 1 - exp(-stepSeconds / timeConstantS) : 1
        var filtered = [Double](repeating: 0, count: loadKW.count)
        for (index, load) in loadKW.enumerated() {
            level += gain * (load - level)
            filtered[index] = level
        }
        return filtered
    }
}
