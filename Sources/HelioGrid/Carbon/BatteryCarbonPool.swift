import Foundation

/// The battery as a pool of stored energy with its carbon and its fossil energy: what is charged
/// brings its carbon in, what is discharged takes the pool's average out (the average-cost pooling
/// of the GHG Protocol Scope 2 Guidance, 2015, applied to storage; see ``CarbonLedger``). Losses and
/// self-discharge keep their carbon in the pool. It starts at the battery's initial energy with no carbon.
public struct BatteryCarbonPool: Sendable {
    /// Energy stored, kWh.
    public private(set) var energyKWh: Double
    /// Carbon stored, kgCO₂e.
    public private(set) var carbonKg = 0.0
    /// Fossil energy stored, kWh.
    public private(set) var fossilKWh = 0.0
    let chargeEfficiency: Double
    let dischargeEfficiency: Double
    let retention: Double

    /// A pool for `battery` stepped every `stepHours`.
    public init(battery: BatteryConfig?, stepHours: Double) {
        energyKWh = battery.map { $0.energyKWh * $0.socInitial } ?? 0
        chargeEfficiency = battery?.chargeEfficiency ?? 1
        dischargeEfficiency = battery?.dischargeEfficiency ?? 1
        retention = pow(1 - (battery?.selfDischargePerDay ?? 0), stepHours / 24)
    }

    /// Attributes one step's carbon: the battery releases its discharge with its share of the pool's
    /// carbon, the supply (PV, gensets and imports emitting `emittedKg`, and the discharge) gets one
    /// intensity, every kWh leaving the bus (load, charge, export) carries it, and the charge takes
    /// it into the pool; then self-discharge. The one carbon-attribution rule of the simulation's
    /// ``CarbonLedger`` and of the live ledger.
    public mutating func attribute(_ flows: StepFlows, emittedKg: Double) -> StepCarbon {
        let released = discharge(flows.dischargeKWh)
        let fossilInKWh = flows.fossilKWh
        let supplyKWh = flows.pvKWh + fossilInKWh + flows.dischargeKWh
        let kgPerKWh = supplyKWh > 0 ? (emittedKg + released.carbonKg) / supplyKWh : 0
        let fossilShare = supplyKWh > 0 ? (fossilInKWh + released.fossilKWh) / supplyKWh : 0
        charge(flows.chargeKWh, carbonKg: flows.chargeKWh * kgPerKWh, fossilKWh: flows.chargeKWh * fossilShare)
        selfDischarge()
        return StepCarbon(emittedKg: emittedKg, loadKg: flows.servedKWh * kgPerKWh, exportKg: flows.exportKWh * kgPerKWh,
                          poolKg: carbonKg, kgPerKWh: kgPerKWh, carbonFreeKWh: flows.servedKWh * (1 - fossilShare))
    }

    /// A pool resumed from a stored state (a restarted live service).
    public init(battery: BatteryConfig?, stepHours: Double, energyKWh: Double, carbonKg: Double, fossilKWh: Double) {
        self.init(battery: battery, stepHours: stepHours)
        self.energyKWh = energyKWh
        self.carbonKg = carbonKg
        self.fossilKWh = fossilKWh
    }

    /// Draws `busKWh` at the bus; returns the carbon and fossil energy it carries out.
    public mutating func discharge(_ busKWh: Double) -> (carbonKg: Double, fossilKWh: Double) {
        guard busKWh > 0, energyKWh > 0 else { return (0, 0) }
        let share = min(1, busKWh / dischargeEfficiency / energyKWh)
        let carbon = carbonKg * share, fossil = fossilKWh * share
        carbonKg -= carbon
        fossilKWh -= fossil
        energyKWh -= busKWh / dischargeEfficiency
        // Fossil energy is counted at the bus: the pool's fossil share of what leaves.
        return (carbon, fossil * dischargeEfficiency)
    }

    /// Stores `busKWh` charged at the bus with the carbon and fossil energy it carries.
    public mutating func charge(_ busKWh: Double, carbonKg carbon: Double, fossilKWh fossil: Double) {
        guard busKWh > 0 else { return }
        energyKWh += busKWh * chargeEfficiency
        carbonKg += carbon
        fossilKWh += fossil * chargeEfficiency
    }

    /// One step of self-discharge.
    public mutating func selfDischarge() {
        energyKWh *= retention
        fossilKWh *= retention
    }
}
