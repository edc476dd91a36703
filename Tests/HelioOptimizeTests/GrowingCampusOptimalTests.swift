import Foundation
import Testing
import HelioTestSupport
@testable import HelioGrid
@testable import HelioOptimize

/// Perfect foresight on a campus that grows: planned year by year on each year's load and plant.
@Suite struct GrowingCampusOptimalTests {
    /// Four years, the GPUs doubling in year 3 when the plant doubles: the optimal plan stores more
    /// than the day-one battery holds once the expansion is in (its LP sees the new plant),
    /// balances every step, and costs less to operate than the rule-based EMS on the same campus.
    @Test func optimalPlansEachYearOnThePlantInstalled() async throws {
        let text = TestData.growingCampusText(expansions: TestData.growingCampusExpansions
                                                .replacingOccurrences(of: "\n[[expansions]]\nyear = 6\npv_kw = 30000.0\nbattery_kwh = 100000.0\nbattery_kw = 25000.0\ndiesel_units = 4\n", with: ""),
                                              projectYears: 4)
            .replacingOccurrences(of: "\n[[load.phases]]\nyear = 6\ngeneration = \"b200\"\n", with: "\n")
        let scenario = try TestData.scenario(text)
        #expect(scenario.expansions.count == 1 && scenario.site.years == 4)
        var planned = scenario
        planned.dispatch.strategy = .optimal
        try planned.checkStages()
        let optimalScenario = planned
        let (optimal, rule) = try await OffPool.run { () throws -> (SimulationResult, SimulationResult) in
            let inputs = try SimulationInputs.prepare(scenario)
            var rule = RuleBasedDispatch(scenario: scenario)
            let ruleRun = SimulationEngine.run(scenario, inputs: inputs, strategy: &rule, recordSeries: false)
            var strategy: any DispatchStrategy = try StrategyFactory.simulation(optimalScenario, weather: TestData.phoenix, inputs: inputs)
            return (SimulationEngine.run(optimalScenario, inputs: inputs, strategy: &strategy, recordSeries: true), ruleRun)
        }
        let series = try #require(optimal.series)
        let perYear = optimal.axis.stepsPerYear
        let storedKWh = { (year: Int) in
            (year * perYear..<(year + 1) * perYear).map { series.soc[$0] }.max()! * optimal.life[year].batteryCapacityFraction * (year < 2 ? 100_000 : 200_000)
        }
        #expect(storedKWh(1) <= 100_000 * 0.95 + 1e-6)
        #expect(storedKWh(2) > 100_000, "the year-3 LP plans on the 200 MWh battery")
        #expect(optimal.maxBalanceErrorFraction < 1e-6)
        #expect(optimal.yearly[2].loadKWh == rule.yearly[2].loadKWh && optimal.yearly[2].loadKWh > 1.9 * optimal.yearly[1].loadKWh)
        #expect(OperatingCost.of(optimal) < OperatingCost.of(rule))
        #expect(optimal.yearly.allSatisfy { $0.unservedKWh == 0 })
    }
}
