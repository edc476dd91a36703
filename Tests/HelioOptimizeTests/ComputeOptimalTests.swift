import Foundation
import HelioStudy
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioOptimize

/// The perfect-foresight LP planning flexible GPU work (docs/compute.md), on the hand-worked
/// campuses of ``ComputeCase`` and on the default campus.
@Suite struct ComputeOptimalTests {
    static func run(_ scenario: Scenario, _ inputs: SimulationInputs) throws -> SimulationResult {
        var strategy = try OptimalDispatch(scenario: scenario, inputs: inputs)
        let result = SimulationEngine.run(scenario, inputs: inputs, strategy: &strategy, recordSeries: true)
        ComputeCase.checkInvariants(result)
        return result
    }

    /// 100 kWh of batch work at 00:00, PV of 150 kW at 06:00, one genset: rigid, the LP must run the
    /// genset at 00:00; flexible, it plans the work into the PV hour, 6 hours late, and burns nothing.
    @Test func batchWorkIsPlannedIntoPV() throws {
        let (rigidScenario, rigidInputs) = ComputeCase.make(batch: [0: 100], pv: [6: 150], compute: .rigid)
        let rigid = try Self.run(rigidScenario, rigidInputs)
        #expect(abs(rigid.totals.dieselKWh - 100) < 1e-6)
        let (scenario, inputs) = ComputeCase.make(batch: [0: 100], pv: [6: 150], compute: .flexible)
        let flexible = try Self.run(scenario, inputs)
        #expect(flexible.totals.dieselKWh < 1e-6 && abs(flexible.series!.loadKW[6] - 100) < 1e-6)
        #expect(abs(flexible.totals.compute.batchMeanDelayHours - 6) < 1e-6 && flexible.totals.compute.batchMissedKWh == 0)
    }

    /// 100 kW of training at 00:00 on the genset alone. Capping from c to c' saves (c − c')·100 kWh of
    /// diesel at its fuel slope, 0.245 L/kWh × (1.10 + 2.68 kg/L × 80 / 1000) = 0.322 a kWh, and loses
    /// 100 (θ(c) − θ(c')) kWh of work. At 0.1 a kWh of work (0.084 per GPU-hour at 0.84 kW a GPU) every
    /// segment's loss, at most 0.59 × 0.1, is below the saving: the LP caps to the floor, 70 kW. At
    /// 10 a kWh (8.4 per GPU-hour) no segment pays: 100 kW.
    @Test func trainingCapsFollowTheThroughputCost() throws {
        for (price, expected) in [(0.084, 70.0), (8.4, 100.0)] {
            let (base, inputs) = ComputeCase.make(training: [0: 100], compute: .flexible)
            var scenario = base
            scenario.load.flexibility.throughputCostPerGPUHour = price
            let result = try Self.run(scenario, inputs)
            #expect(abs(result.series!.itKW[0] - expected) < 1e-6, "price \(price)")
        }
    }

    /// The default campus: the LP with flexible work burns less than the rigid LP, runs every batch
    /// job inside its deadline and balances every step.
    @Test func defaultCampusFlexibleBelowRigid() throws {
        var scenario = TestData.defaultScenario
        scenario.dispatch.strategy = .optimal
        let rigid = try Self.run(scenario, try SimulationInputs.prepare(scenario, weather: TestData.phoenix))
        scenario.dispatch.compute = .flexible
        let flexible = try Self.run(scenario, try SimulationInputs.prepare(scenario, weather: TestData.phoenix))
        let c = flexible.totals.compute
        #expect(flexible.totals.fuelL < 0.9 * rigid.totals.fuelL && flexible.totals.unservedKWh < 1e-6)
        #expect(c.batchMissedKWh < 1e-6 && c.batchMaxDelayHours <= 12 && c.batchDeferredKWh > 0)
    }

    /// MPC planning the GPU work on its forecasts (re-planning every 3 hours to keep the test short)
    /// burns less than the rigid perfect-foresight LP, misses no deadline and balances every step.
    /// (Its year-long runs compute off the cooperative threads, ``OffPool``.)
    @Test func mpcWithFlexibleWorkBeatsTheRigidLP() async throws {
        let (rigidOptimal, mpc) = try await OffPool.run {
            var scenario = TestData.defaultScenario
            scenario.dispatch.strategy = .optimal
            let rigidOptimal = try Self.run(scenario, try SimulationInputs.prepare(scenario, weather: TestData.phoenix))
            scenario.dispatch.strategy = .mpc
            scenario.dispatch.stepMinutes = 180
            scenario.dispatch.compute = .flexible
            return (rigidOptimal, try CampusRun.run(scenario, weather: TestData.phoenix, recordSeries: false))
        }
        ComputeCase.checkInvariants(mpc)
        let c = mpc.totals.compute
        #expect(mpc.totals.fuelL < rigidOptimal.totals.fuelL && mpc.totals.unservedKWh < 1)
        #expect(c.batchMissedKWh < 1e-6 && c.batchMaxDelayHours <= 12 && c.batchDeferredKWh > 0)
    }
}
