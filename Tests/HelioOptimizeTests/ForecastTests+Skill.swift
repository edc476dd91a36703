import HelioTestSupport
import Testing
@testable import HelioForecast
@testable import HelioGrid
@testable import HelioOptimize
@testable import HelioStudy

/// Forecast skill and the climatology blend.
@Suite struct ForecastSkillTests {
    /// Truth 0, 1, 2, 3 at one-hour steps, one step ahead: the latest value is off by 1 at each of
    /// the three origins (MAE 1, RMSE 1); the truth as a schedule is perfect (skill 1).
    @Test func errorsAndSkillByHand() {
        let truth = [0.0, 1, 2, 3]
        let naive = ForecastEvaluation.errors(of: PersistenceForecaster(), truth: truth, stepHours: 1, leadHours: 1)
        #expect(naive.mae == 1 && naive.rmse == 1)
        let skill = ForecastEvaluation.skill(quantity: "load", ScheduleForecaster(values: truth), name: "perfect",
                                             reference: PersistenceForecaster(), referenceName: "latest value", truth: truth,
                                             stepHours: 1, leadHours: 1)
        #expect(skill.rmseKW == 0 && skill.referenceRMSEKW == 1 && skill.skillScore == 1)
    }

    /// Constant clear sky at 100 kW and PV at 50 kW: the climatological index is 0.5 everywhere, the
    /// departures have no variance (weights 0), so a reading of 80 kW does not move the forecast off 50.
    @Test func climatologyByHand() {
        let steps = 8_760
        var forecaster = ClimatologyBlendForecaster(clearSkyKW: Array(repeating: 100, count: steps), pvKW: Array(repeating: 50, count: steps),
                                                    stepMinutes: 60, maxLeadHours: 48)
        #expect(forecaster.climatology.allSatisfy { $0.allSatisfy { $0 == 0.5 } } && forecaster.weights.allSatisfy { $0 == 0 })
        forecaster.observe(step: 100, value: 80)
        #expect(forecaster.forecast(after: 100, count: 3) == [50, 50, 50])
    }

    /// On the Phoenix year the blend forecasts PV a day ahead better than clear-sky-index persistence
    /// (positive skill), its weights are correlations within 0…1 that fade with lead time, and the
    /// MPC run reports both forecasters' skill.
    @Test func blendBeatsSmartPersistenceOnRealWeather() throws {
        let scenario = TestData.defaultScenario
        let inputs = try SimulationInputs.prepare(scenario, weather: TestData.phoenix)
        var mpc = scenario
        mpc.dispatch.strategy = .mpc
        let used = try StrategyFactory.forecasters(mpc, weather: TestData.phoenix, inputs: inputs)
        let reference = StrategyFactory.referenceForecasters(mpc, weather: TestData.phoenix, inputs: inputs)
        let skill = ForecastEvaluation.skill(quantity: "pv", used.pv.forecaster, name: used.pv.name, reference: reference.pv.forecaster,
                                             referenceName: reference.pv.name, truth: inputs.pvAvailableKW, stepHours: 1, leadHours: 24)
        #expect(skill.skillScore > 0.05, "\(skill)")
        let blend = try #require(used.pv.forecaster as? ClimatologyBlendForecaster)
        #expect(blend.weights.allSatisfy { (0...1).contains($0) } && blend.weights[1] > blend.weights[24] && blend.weights[24] > blend.weights[72])
    }
}
