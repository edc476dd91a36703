import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioLP
@testable import HelioOptimize

/// Re-plans start from the last plan's basis; the optimum must not change.
@Suite struct WarmStartTests {
    /// Old layout: 3 steps of 2 columns and 1 row, plan steps 3, then 3 trailing rows. Moved one step
    /// on: new step 0 takes old step 1, step 1 takes step 2, the last step (nothing after it) keeps
    /// old step 2; trailing row j takes old j + 1 and the last keeps the slack default (basic).
    @Test func layoutMovesStatusesOnByHand() {
        let layout = PlanLayout(columnStarts: [0, 2, 4, 6], rowStarts: [0, 1, 2, 3, 6], planSteps: 3)
        let old = Basis(columns: [10, 11, 20, 21, 30, 31], rows: [1, 2, 3, 40, 50, 60])
        let moved = layout.shifted(old, from: layout, by: 1)
        #expect(moved.columns == [20, 21, 30, 31, 30, 31])
        #expect(moved.rows == [2, 3, 3, 50, 60, Basis.basic])
    }

    /// 48 hours of the default campus from 20 June with the look-ahead: a plan solved from the basis of
    /// the plan an hour earlier costs what a cold solve of the same horizon costs, and dispatches the same.
    @Test func warmStartedPlanEqualsColdPlan() throws {
        let scenario = TestData.defaultScenario
        let inputs = try SimulationInputs.prepare(scenario, weather: TestData.phoenix)
        let problem = DispatchProblem(scenario: scenario, integerCommitment: true, integerSteps: 1)
        func horizon(from start: Int) -> DispatchHorizon {
            let steps = 48, blocks = 20, blockSteps = 6
            let load = inputs.load.facilityKW, pv = inputs.pvAvailableKW
            func blocked(_ series: [Double]) -> [Double] {
                Array(series[start..<(start + steps)]) + (0..<blocks).map { block in
                    let from = start + steps + block * blockSteps
                    return series[from..<(from + blockSteps)].reduce(0, +) / Double(blockSteps)
                }
            }
            return DispatchHorizon(stepHours: 1, loadKW: blocked(load), pvAvailableKW: blocked(pv), initialEnergyKWh: 90_000,
                                   capacityKWh: 200_000, initialUnits: 0, endAtLeastStart: false,
                                   blockHours: Array(repeating: Double(blockSteps), count: blocks))
        }
        let start = 170 * 24 + 18
        let earlier = try problem.solve(horizon(from: start))
        let basis = try #require(earlier.warmStart)
        let warm = try problem.solve(horizon(from: start + 1), warmStart: (basis.basis, basis.layout, 1))
        let cold = try problem.solve(horizon(from: start + 1))
        #expect(abs(warm.cost - cold.cost) <= 1e-7 * abs(cold.cost), "\(warm.cost) vs \(cold.cost)")
        #expect(zip(warm.dieselUnits, cold.dieselUnits).prefix(1).allSatisfy { $0 == $1 })
        #expect(zip(warm.energyKWh, cold.energyKWh).allSatisfy { abs($0 - $1) <= 1e-4 * 200_000 })
    }
}
