/// What one sample-year of a reliability run measured.
public struct ReliabilitySample: Sendable, Equatable {
    /// Hours with unserved demand.
    public var lossOfLoadHours: Double
    /// Shortfalls (runs of steps with unserved demand).
    public var shortfalls: Int
    /// Unserved energy, kWh.
    public var unservedKWh: Double
    /// Demand, kWh.
    public var loadKWh: Double
    /// Fuel burned, litres.
    public var fuelL: Double
    /// Genset starts that failed.
    public var failedStarts: Int
    /// The lowest fuel in the tank, litres (∞ without a tank).
    public var lowestTankL: Double
    /// Fuel deliveries made.
    public var deliveries: Int
}
