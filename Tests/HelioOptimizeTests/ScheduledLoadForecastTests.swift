import Foundation
import HelioTestSupport
import Testing
@testable import HelioForecast
@testable import HelioGrid
@testable import HelioOptimize

/// Load from the job schedule and the temperature.
@Suite struct ScheduledLoadForecastTests {
    /// Two days of hourly steps: planned IT 1,000 kW, 30 °C on day 1 and 40 °C on day 2 at every
    /// hour, the year's departures all zero (so the persistence weights are 0). Cooling (defaults):
    /// PUE 1.10 at 10 °C to 1.40 at 45 °C, fixed share 0.3 of a 2,000 kW design, auxiliaries 50 kW.
    /// After step 30 (day 2, 40 °C measured) the forecast for step 31 reads the temperature of step 7
    /// (that hour is not yet measured on day 2), for step 54 that of step 30 (40 °C), and for step 55
    /// that of step 7 again (two days back).
    @Test func facilityFromThePlanAtTheLatestDaysTemperature() {
        let planned = Array(repeating: 1000.0, count: 48)
        let ambient = (0..<48).map { $0 < 24 ? 30.0 : 40.0 }
        let cooling = CoolingModel(config: CoolingConfig())
        func facility(_ tempC: Double) -> Double {
            let pue = 1.10 + 0.30 * (tempC - 10) / 35
            return 1000 + (pue - 1) * (0.3 * 2000 + 0.7 * 1000) + 50
        }
        let facilityYear = ambient.map { cooling.facilityKW(itKW: 1000, ambientC: $0, designITKW: 2000) + 50 }
        var forecaster = ScheduledLoadForecaster(plannedITKW: planned, facilityKW: facilityYear, ambientC: ambient, cooling: cooling,
                                                 designITKW: 2000, auxiliaryKW: 50, stepMinutes: 60, maxLeadHours: 30)
        #expect(forecaster.weights.dropFirst().allSatisfy { $0 == 0 })
        forecaster.observe(step: 30, value: facility(40) + 300)
        let forecast = forecaster.forecast(after: 30, count: 25)
        #expect(abs(forecast[0] - facility(30)) < 1e-9, "step 31 from step 7 (day 1, 30 °C): \(forecast[0])")
        #expect(abs(forecast[23] - facility(40)) < 1e-9 && abs(forecast[24] - facility(30)) < 1e-9)
    }

    /// A departure measured now is persisted with the fitted weight for its lead.
    @Test func departurePersistsWithItsLagWeight() {
        let count = 24 * 20
        let planned = Array(repeating: 1000.0, count: count), ambient = Array(repeating: 20.0, count: count)
        // Departures of a slow square wave (±100 kW, 12 h on, 12 h off): strongly correlated at short lags.
        let departures = (0..<count).map { ($0 / 12) % 2 == 0 ? 100.0 : -100.0 }
        let cooling = CoolingModel(config: CoolingConfig())
        let base = cooling.facilityKW(itKW: 1000, ambientC: 20, designITKW: 1000)
        var forecaster = ScheduledLoadForecaster(plannedITKW: planned, facilityKW: departures.map { base + $0 }, ambientC: ambient,
                                                 cooling: cooling, designITKW: 1000, auxiliaryKW: 0, stepMinutes: 60, maxLeadHours: 24)
        let weights = LagCorrelation.weights(departures: departures, stepMinutes: 60, maxLeadHours: 24)
        #expect(forecaster.weights == weights && weights[1] > 0.8 && weights[1] > weights[6])
        forecaster.observe(step: 100, value: base + 250)
        let forecast = forecaster.forecast(after: 100, count: 6)
        for lead in 1...6 { #expect(abs(forecast[lead - 1] - (base + weights[lead] * 250)) < 1e-9) }
    }

    /// On the Phoenix year the schedule-and-temperature forecast beats both the latest value and the
    /// same time yesterday a day ahead.
    @Test func beatsPersistenceOnTheDefaultCampus() throws {
        var scenario = TestData.defaultScenario
        scenario.dispatch.strategy = .mpc
        let inputs = try SimulationInputs.prepare(scenario, weather: TestData.phoenix)
        let used = try StrategyFactory.forecasters(scenario, weather: TestData.phoenix, inputs: inputs)
        #expect(used.load.forecaster is ScheduledLoadForecaster)
        let truth = inputs.load.facilityKW
        func skill(_ reference: any Forecaster) -> Double {
            ForecastEvaluation.skill(quantity: "load", used.load.forecaster, name: "schedule", reference: reference, referenceName: "ref",
                                     truth: truth, stepHours: 1, leadHours: 24).skillScore
        }
        #expect(skill(PersistenceForecaster()) > 0.2)
        #expect(skill(SameTimeYesterdayForecaster(stepMinutes: 60)) > 0.1)
    }
}
