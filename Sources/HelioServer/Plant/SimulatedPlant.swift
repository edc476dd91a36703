import Foundation
import HelioGrid
import Synchronization

/// The campus as a simulated plant, driven in real time or accelerated: load and PV come from the
/// scenario's load model and weather year at the plant clock's time of year; the battery, gensets
/// and grid are the simulator's models. The battery forms the bus: within its power and SOC limits
/// it takes whatever the setpoints leave unbalanced (the millisecond stabiliser), surplus PV is then
/// curtailed and a deficit is unserved. With the battery tripped, running gensets follow the load
/// (droop) up to their capacity. Faults can be injected and cleared at any time.
public actor SimulatedPlant: PlantAdapter {
    public nonisolated let name = "simulated"
    let plant: PlantModel
    let inputs: SimulationInputs
    private var battery: Battery?
    private var fleet: GensetFleet?
    private var faults: Set<PlantFault> = []
    /// Plant time, Unix milliseconds; read by the API without entering the plant's executor.
    private let clockMS: Atomic<Int64>
    /// The executor the plant runs on: the control loop's, so reading and writing it stays on the loop's thread.
    nonisolated let executor: ControlExecutor
    private var step = 0
    private var last: PlantTelemetry
    /// The setpoints the plant runs on: the last accepted (before any, PV unlimited and the battery balancing).
    private var accepted: PlantSetpoints

    /// A plant at `startMS` (plant clock) with the battery at `soc` (the scenario's initial SOC when
    /// `nil`), running on `executor` (give it the control loop's).
    public init(scenario: Scenario, inputs: SimulationInputs, startMS: Int64, soc: Double? = nil, executor: ControlExecutor = ControlExecutor()) {
        self.executor = executor
        self.inputs = inputs
        let plant = PlantModel(scenario: scenario)
        self.plant = plant
        battery = plant.makeBattery(soc: soc)
        fleet = plant.makeFleet()
        clockMS = Atomic(startMS)
        accepted = PlantSetpoints(pvLimitKW: scenario.pv?.dcKW ?? 0, batteryKW: 0, dieselUnits: 0, dieselKW: 0, gridKW: 0)
        // Before the first interval the battery carries whatever PV does not.
        let (load, pv) = Self.demandAndPV(inputs: inputs, unixMS: startMS, faults: [])
        let pvUsed = min(pv, load)
        last = PlantTelemetry(timestampMS: startMS, loadKW: load, pvAvailableKW: pv, pvKW: pvUsed, batteryKW: load - pvUsed,
                              soc: battery?.soc ?? 0, dieselKW: 0, dieselUnits: 0, gridKW: 0, unservedKW: 0,
                              batteryOnline: plant.battery != nil)
    }

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Plant time, Unix milliseconds.
    public nonisolated var nowMS: Int64 { clockMS.load(ordering: .acquiring) }

    /// Injects a fault (it lasts until cleared).
    public func inject(_ fault: PlantFault) { faults.insert(fault) }

    /// Clears a fault.
    public func clear(_ fault: PlantFault) { faults.remove(fault) }

    /// The faults now active.
    public var activeFaults: [PlantFault] { PlantFault.allCases.filter(faults.contains) }

    public nonisolated func plantTimeMS() async -> Int64 { nowMS }

    public func readTelemetry() async throws -> PlantTelemetry {
        guard !faults.contains(.telemetryLoss) else { throw PlantAdapterError("simulated meters do not answer (telemetry-loss fault)") }
        return last
    }

    public func apply(_ setpoints: PlantSetpoints, seconds: Double) async throws {
        clockMS.add(Int64((seconds * 1000).rounded()), ordering: .releasing)
        step += 1
        let refused = faults.contains(.setpointsRefused)
        if !refused { accepted = setpoints }
        last = settle(accepted, hours: seconds / 3600)
        if refused { throw PlantAdapterError("simulated plant refuses setpoints (setpoints-refused fault)") }
    }

    /// Load and PV available at the plant clock's time of year, with the faults applied.
    private static func demandAndPV(inputs: SimulationInputs, unixMS: Int64, faults: Set<PlantFault>) -> (loadKW: Double, pvKW: Double) {
        let index = inputs.axis.stepIndex(unixMS: unixMS)
        let load = inputs.load.facilityKW[index] * (faults.contains(.loadStep) ? 1.2 : 1)
        let pv = inputs.pvAvailableKW[index] * (faults.contains(.pvDrop) ? 0.2 : 1)
        return (load, pv)
    }

    /// Runs the plant for `hours` on `setpoints` and returns the resulting reading.
    private func settle(_ setpoints: PlantSetpoints, hours: Double) -> PlantTelemetry {
        let (load, pvAvailable) = Self.demandAndPV(inputs: inputs, unixMS: nowMS, faults: faults)
        let span = max(hours, 1.0 / 3600)
        var units = max(0, min(setpoints.dieselUnits, plant.diesel?.units ?? 0))
        if faults.contains(.gensetFailsToStart) { units = min(units, fleet?.runningUnits ?? 0) }
        fleet?.commit(units: units, step: step, stepHours: hours)
        fleet?.derate(to: inputs.gensetRatingFactor(at: inputs.axis.stepIndex(unixMS: nowMS)))
        let capacity = fleet?.capacityKW(units: units, stepHours: span) ?? 0
        var diesel = units > 0 ? min(capacity, max(fleet?.minimumKW(units: units) ?? 0, setpoints.dieselKW)) : 0
        let grid = plant.grid.map { min($0.importKW, max(-$0.exportKW, setpoints.gridKW)) } ?? 0
        var pv = min(pvAvailable, max(0, setpoints.pvLimitKW))
        let online = battery != nil && !faults.contains(.batteryTrip)
        var batteryKW = 0.0
        var need = load - pv - diesel - grid
        if online, let battery {
            let dischargeLimit = battery.maxDischargeKW(floorSOC: battery.config.socMin, hours: span)
            let chargeLimit = battery.maxChargeKW(ceilingSOC: battery.config.socMax, hours: span)
            batteryKW = min(dischargeLimit, max(-chargeLimit, need))
            need -= batteryKW
        } else if need > 0 {
            let follow = min(capacity - diesel, need)
            diesel += follow
            need -= follow
        } else if need < 0, units > 0 {
            let back = min(diesel - (fleet?.minimumKW(units: units) ?? 0), -need)
            diesel -= back
            need += back
        }
        if need < 0 { pv = max(0, pv + need) }
        let unserved = max(0, need)
        if hours > 0 { battery?.apply(powerKW: batteryKW, hours: hours) }
        return PlantTelemetry(timestampMS: nowMS, loadKW: load, pvAvailableKW: pvAvailable, pvKW: pv, batteryKW: batteryKW,
                              soc: battery?.soc ?? 0, dieselKW: diesel, dieselUnits: units, gridKW: grid, unservedKW: unserved,
                              batteryOnline: online)
    }
}
