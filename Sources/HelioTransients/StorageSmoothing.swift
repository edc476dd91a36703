/// A storage smoothing policy (docs/transients.md): what the gensets are to see of a power series;
/// the battery carries the difference. ``RampRateLimit`` and ``LowPassSmoothing`` are the two the
/// literature compares (Marcos et al., Prog. Photovolt. 19(2), 2011), ``HeldBattery`` the case of
/// none.
public protocol StorageSmoothing: Sendable {
    /// The series the gensets are to see for `loadKW` sampled every `stepSeconds`, starting from
    /// `initialKW` (`nil`: the load's first value).
    func apply(_ loadKW: [Double], stepSeconds: Double, from initialKW: Double?) -> [Double]
}
