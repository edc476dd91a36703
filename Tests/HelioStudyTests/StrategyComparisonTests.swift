import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioOptimize
@testable import HelioStudy

/// `compare --dispatch` on a campus where the year LP is exact (docs/validation.md): fuel linear in
/// output, no minimum load or run time, continuous-rated units, no contingency reserve, 95 % battery
/// efficiency each way; the default campus's load on the Phoenix year and PV from a second weather
/// file (the same plant on Tucson's EPW year). There MPC on realistic forecasts (`blend`, the default
/// three members) burns at most 5 % more fuel than perfect foresight with whole units, captures at
/// least 95 % of its savings over the rule and does not beat it, and no run's operating cost goes
/// below the LP bound.
@Suite struct StrategyComparisonTests {
    static func lpExact() throws -> (Scenario, SimulationInputs) {
        var scenario = TestData.defaultScenario
        scenario.diesel?.fuelInterceptLPerKWhRated = 0
        scenario.diesel?.minLoadRatio = 0
        scenario.diesel?.minRunHours = 0
        scenario.diesel?.rating = .continuous
        var battery = try #require(scenario.battery)
        battery.chargeEfficiency = 0.95
        battery.dischargeEfficiency = 0.95
        battery.selfDischargePerDay = 0
        battery.reserveSOC = battery.socMin
        scenario.battery = battery
        scenario.dispatch.contingencyReserve = false
        scenario.dispatch.forecastMembers = 3
        var inputs = try SimulationInputs.prepare(scenario, weather: TestData.phoenix)
        inputs.pvAvailableKW = try SimulationInputs.prepare(scenario, weather: TestData.tucson).pvAvailableKW
        return (scenario, inputs)
    }

    /// A minute of computing, off the cooperative threads (``OffPool``).
    @Test func mpcComesWithinFivePercentOfTheWholeUnitOptimumAndNeverBeatsIt() async throws {
        let (scenario, inputs) = try Self.lpExact()
        let rows = try await OffPool.run { try StrategyComparison.run(scenario, weather: TestData.phoenix, inputs: inputs) }
        let byLabel = Dictionary(uniqueKeysWithValues: rows.map { ($0.label, $0.result) })
        let rule = try #require(byLabel["rule"]), mpc = try #require(byLabel["mpc"])
        let relaxed = try #require(byLabel["optimal (relaxed)"]), whole = try #require(byLabel["optimal (whole units)"])
        #expect(mpc.planning?.forecastMembers == 3)
        #expect(mpc.totals.fuelL <= 1.05 * whole.totals.fuelL, "mpc \(mpc.totals.fuelL) L, whole units \(whole.totals.fuelL) L")
        let captured = try #require(mpc.planning?.savingsCaptured)
        #expect(captured >= 0.95 && captured <= 1, "captured \(captured)")
        #expect(whole.planning?.savingsCaptured == 1 && rule.planning?.savingsCaptured == 0)
        let bound = try #require(relaxed.planning?.planCost)
        for row in rows {
            #expect(OperatingCost.of(row.result) >= bound - 1e-6 * bound, "\(row.label) below the LP bound")
            #expect(row.result.totals.unservedKWh < 1, "\(row.label) sheds load")
        }
        // Where the LP is exact, whole units reach its optimum within their plan's gap.
        let gap = try #require(whole.planning?.relativeGap)
        #expect(OperatingCost.of(whole) <= OperatingCost.of(relaxed) * (1 + max(gap, 1e-4)))
    }
}
