import Foundation
import Testing
@testable import HelioGrid

/// Hand-worked flexible-work campuses (docs/compute.md) on one-hour steps: nothing but the given
/// work (facility = IT), PV at the given hours, one 200 kW genset with no minimum load, and a battery
/// when asked (ideal, half full).
public enum ComputeCase {
    /// One-hour steps, UTC−7.
    public static let axis = TimeAxis(stepMinutes: 60, utcOffsetMinutes: -420)

    /// A year of zeros with `values` at the given hours.
    public static func series(_ values: [Int: Double]) -> [Double] {
        var series = [Double](repeating: 0, count: axis.stepsPerYear)
        for (hour, value) in values { series[hour] = value }
        return series
    }

    /// The scenario and inputs: batch work arriving and training work (kW) at the given hours, batch
    /// deadlines `slackHours` after arrival, GPU capacity 1,000 kW, 0.5 kW a GPU, cap floor 0.7.
    public static func make(batch: [Int: Double] = [:], training: [Int: Double] = [:], pv: [Int: Double] = [:], slackHours: Int = 12,
                            batteryKWh: Double = 0, batteryKW: Double = 0, events: [CurtailmentEvent] = [],
                            compute: DispatchConfig.Compute) -> (Scenario, SimulationInputs) {
        var scenario = TestData.defaultScenario
        scenario.pv = nil
        scenario.battery = nil
        scenario.site.years = 1
        var diesel = DieselConfig(units: 1, unitKW: 200)
        diesel.minLoadRatio = 0
        diesel.rating = .continuous   // the hand-worked cases load the unit to the 80 % target, past a prime rating's 70 %
        scenario.diesel = diesel
        if batteryKWh > 0 {
            var config = BatteryConfig(energyKWh: batteryKWh, powerKW: batteryKW)
            (config.chargeEfficiency, config.dischargeEfficiency, config.selfDischargePerDay, config.socInitial) = (1, 1, 0, 0.5)
            scenario.battery = config
        }
        scenario.dispatch.compute = compute
        scenario.load.events = events
        let batchKW = series(batch), trainingKW = series(training), it = zip(batchKW, trainingKW).map(+)
        var inputs = SimulationInputs(axis: axis, load: CampusLoad(itKW: it, facilityKW: it), pvAvailableKW: series(pv),
                                      gridCarbonGPerKWh: [])
        if compute == .flexible {
            let zeros = series([:]), ones = [Double](repeating: 1, count: axis.stepsPerYear)
            inputs.compute = ComputeProfile(
                fixedITKW: zeros, rigidWorkKW: trainingKW, trainingKW: trainingKW, trainingFloorKW: trainingKW.map { $0 * 0.7 },
                batchArrivalKW: batchKW, batchPieceStart: Array(0...batchKW.count), batchPieceKW: batchKW,
                batchPieceSlackSteps: [Int](repeating: slackHours, count: batchKW.count), facilityPerITKW: ones, facilityFixedKW: zeros,
                workCapacityKW: 1_000, gpuKW: 0.5, maxSlackSteps: slackHours, lowestCapFloor: 0.7,
                curtailments: try! CurtailmentSchedule(scenario: scenario, axis: axis))
        }
        return (scenario, inputs)
    }

    /// Every step balanced; batch work conserved (arrived = run + missed + waiting at the end).
    public static func checkInvariants(_ result: SimulationResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.maxBalanceErrorFraction < 1e-9, sourceLocation: sourceLocation)
        let c = result.totals.compute
        #expect(abs(c.batchArrivedKWh - c.batchRunKWh - c.batchMissedKWh - c.batchQueuedAtEndKWh) < 1e-6 * max(1, c.batchArrivedKWh),
                "batch work conserved", sourceLocation: sourceLocation)
    }
}
