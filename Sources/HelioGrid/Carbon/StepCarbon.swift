/// Where one step's carbon went (``BatteryCarbonPool/attribute(_:emittedKg:)``), kgCO₂e, with the
/// intensity and the carbon-free energy of what the campus used. Every step:
/// `emittedKg = loadKg + exportKg + (poolKg − the previous step's poolKg)`.
public struct StepCarbon: Sendable, Equatable {
    /// Carbon emitted into the bus (genset fuel and grid imports), kgCO₂e.
    public var emittedKg: Double
    /// Carbon attributed to the energy served to the campus, kgCO₂e.
    public var loadKg: Double
    /// Carbon attributed to exported energy, kgCO₂e.
    public var exportKg: Double
    /// Carbon in the battery pool at the end of the step, kgCO₂e.
    public var poolKg: Double
    /// Intensity of the energy leaving the bus, kgCO₂e/kWh.
    public var kgPerKWh: Double
    /// Carbon-free energy served to the campus, kWh.
    public var carbonFreeKWh: Double

    /// Intensity of the energy leaving the bus, gCO₂e/kWh.
    public var intensityGPerKWh: Double { kgPerKWh * 1000 }
}
