/// The power flows a strategy chooses for one step, as step averages in kW.
///
/// Balance at the bus: `pvKW + batteryKW + dieselKW + gridKW + unservedKW = load`.
public struct DispatchDecision: Sendable, Equatable {
    /// PV power used (to load, battery or export), kW.
    public var pvKW = 0.0
    /// PV power available but not used, kW.
    public var curtailedKW = 0.0
    /// Battery power at the bus, kW: positive discharging, negative charging.
    public var batteryKW = 0.0
    /// Genset output, kW.
    public var dieselKW = 0.0
    /// Gensets committed (running) this step.
    public var dieselUnits = 0
    /// Grid power, kW: positive importing, negative exporting.
    public var gridKW = 0.0
    /// Demand not served, kW.
    public var unservedKW = 0.0
    /// The GPU work's batch and caps in flexible operation (`nil`: as the context's
    /// ``ComputeState/nominal``); the load the flows balance is ``ComputeState/facilityKW(_:)`` of it.
    public var compute: ComputeChoice?

    /// An empty decision (everything zero).
    public init() {}
}
