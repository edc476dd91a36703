/// The campus plant, built once from a scenario: which components are present and their limits,
/// the emission factor of the gensets' fuel, and new component state for any run.
///
/// The simulator, the optimiser's problem builder, the simulated live plant and the live ledger all
/// take the plant from here, so a component's limits and its carbon are defined in one place.
public struct PlantModel: Sendable, Equatable {
    /// `[pv]`, or `nil` without PV.
    public let pv: PVConfig?
    /// `[battery]`, or `nil` without a battery.
    public let battery: BatteryConfig?
    /// `[diesel]`, or `nil` without gensets.
    public let diesel: DieselConfig?
    /// The grid when connected, else `nil`.
    public let grid: GridConfig?
    /// CO₂e of the gensets' fuel, kg per litre (``DieselEmissionFactor`` under the scenario's GWPs; 0 without gensets).
    public let fuelKgCO2ePerL: Double
    /// CO₂ alone of the gensets' fuel, kg per litre (0 without gensets): the gas CBAM counts for electricity.
    public let fuelKgCO2PerL: Double

    /// The plant of `scenario`.
    public init(scenario: Scenario) {
        pv = scenario.pv
        battery = scenario.battery
        diesel = scenario.diesel
        grid = scenario.connectedGrid
        fuelKgCO2ePerL = scenario.diesel.map { $0.emissionFactor(gwp: scenario.carbon.gwp).kgCO2ePerL } ?? 0
        fuelKgCO2PerL = scenario.diesel?.co2KgPerL ?? 0
    }

    /// A new battery at its initial state of charge, or at `soc` (a plant resumed from measurements).
    public func makeBattery(soc: Double? = nil) -> Battery? {
        battery.map { config in soc.map { Battery(config: config, soc: $0) } ?? Battery(config: config) }
    }

    /// A new genset fleet with every unit stopped.
    public func makeFleet() -> GensetFleet? {
        diesel.map(GensetFleet.init(config:))
    }

    /// Fuel of one genset start, litres (0 without gensets).
    public var startFuelL: Double { diesel?.startFuelL ?? 0 }

    /// PV DC rating, kW (0 without PV): the PV limit that curtails nothing.
    public var pvRatingKW: Double { pv?.dcKW ?? 0 }

    /// Fuel burnt over `hours` by `units` running gensets producing `outputKW`, litres (0 without gensets).
    @inline(__always)
    public func fuelL(units: Int, outputKW: Double, hours: Double) -> Double {
        diesel?.fuelL(units: units, outputKW: outputKW, hours: hours) ?? 0
    }

    /// Scope 1 of burning `fuelL` litres, kgCO₂e.
    @inline(__always)
    public func scope1Kg(fuelL: Double) -> Double { fuelL * fuelKgCO2ePerL }

    /// Scope 2 (location-based) of importing `importKWh` at `gridGPerKWh`, kgCO₂e.
    @inline(__always)
    public func scope2Kg(importKWh: Double, gridGPerKWh: Double) -> Double { importKWh * gridGPerKWh / 1000 }

    /// Carbon emitted into the bus in a step, kgCO₂e: Scope 1 from the fuel plus Scope 2 from the imports.
    @inline(__always)
    public func emittedKg(fuelL: Double, importKWh: Double, gridGPerKWh: Double) -> Double {
        scope1Kg(fuelL: fuelL) + scope2Kg(importKWh: importKWh, gridGPerKWh: gridGPerKWh)
    }
}
