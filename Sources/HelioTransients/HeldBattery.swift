/// No storage smoothing: the battery holds its hourly power and the gensets see every swing.
public struct HeldBattery: StorageSmoothing, Equatable {
    /// No smoothing.
    public init() {}

    /// `loadKW` itself.
    public func apply(_ loadKW: [Double], stepSeconds: Double, from initialKW: Double?) -> [Double] { loadKW }
}
