import Foundation
import HelioTestSupport
import Testing
@testable import HelioForecast
@testable import HelioGrid
@testable import HelioLP
@testable import HelioOptimize

/// Probabilistic forecasts (``AnalogEnsemble``) on the default campus's Phoenix year, and the
/// scenario program that hedges across them (``DispatchProblem/solve(members:warmStart:)``) on a
/// case worked by hand.
@Suite struct ForecastEnsembleTests {
    /// One 10 kW genset (fuel linear in output, no O&M, no minimum load), a 100 kW / 100 kWh battery
    /// holding 10 kWh at η = 1 with wear w = 0.01 per kWh in or out, nothing at step 0 and two equally
    /// likely futures for step 1: load 0 or 30 kW. Serving 30 kW takes the genset's 10 kW and 20 kWh
    /// stored, so the scenario plan runs the genset at step 0 to store 10 kWh more (an unserved kWh
    /// costs 10; the kWh stored 0.2795): expected cost 10c + 10w + ½ (10c + 20w) = 15c + 20w with
    /// c = 0.245 L/kWh × 1.10/L. Planned on the mean load (15 kW) the battery's 10 kWh and 5 kW of
    /// genset suffice (5c + 10w) and nothing is stored.
    @Test func membersHedgeTheFirstStepByHand() throws {
        var diesel = DieselConfig(units: 1, unitKW: 10)
        diesel.fuelInterceptLPerKWhRated = 0
        diesel.minLoadRatio = 0
        diesel.minRunHours = 0
        var battery = OptimalDispatchTests.battery(efficiency: 1)
        battery.wearCostPerKWh = 0.01
        var scenario = OptimalDispatchTests.scenario(battery: battery, diesel: diesel)
        scenario.economics.dieselOMPerHour = 0
        let problem = DispatchProblem(scenario: scenario, integerCommitment: false)
        func horizon(_ later: Double) -> DispatchHorizon {
            DispatchHorizon(stepHours: 1, loadKW: [0, later], pvAvailableKW: [0, 0], initialEnergyKWh: 10, capacityKWh: 100, endAtLeastStart: false)
        }
        let c = 0.245 * scenario.economics.fuelPricePerL, w = 0.01
        let hedged = try problem.solve(members: [horizon(0), horizon(30)])
        #expect(abs(hedged.chargeKW[0] - 10) < 1e-6 && abs(hedged.dieselKW[0] - 10) < 1e-6, "charge \(hedged.chargeKW[0])")
        #expect(abs(hedged.cost - (15 * c + 20 * w)) < 1e-6, "\(hedged.cost) against \(15 * c + 20 * w)")
        #expect(abs(hedged.unservedKW[1]) < 1e-9, "neither member sheds load")
        let mean = try problem.solve(horizon(15))
        #expect(abs(mean.chargeKW[0]) < 1e-9 && abs(mean.cost - (5 * c + 10 * w)) < 1e-6, "mean plan: charge \(mean.chargeKW[0]), cost \(mean.cost)")
    }

    /// The default campus's Phoenix year with its `blend` forecasters, replayed into 7 members.
    static let campus: (ensemble: AnalogEnsemble, pv: any Forecaster, load: any Forecaster, inputs: SimulationInputs) = TestData.shared {
        var scenario = TestData.defaultScenario
        scenario.dispatch.forecastMembers = 7
        let inputs = try! SimulationInputs.prepare(scenario, weather: TestData.phoenix)
        let (pv, load) = try! StrategyFactory.forecasters(scenario, weather: TestData.phoenix, inputs: inputs)
        let ensemble = StrategyFactory.ensemble(scenario, pv: pv.forecaster, load: load.forecaster, weather: TestData.phoenix, inputs: inputs)!
        return (ensemble, pv.forecaster, load.forecaster, inputs)
    }

    /// No member holds the weather ahead: every analog start is at the present time of day, within
    /// the season window and never within the exclusion (more than the longest lead) of today, the
    /// year wrapping at its ends.
    @Test func analogsNeverOverlapTheFuture() {
        let (ensemble, _, _, inputs) = Self.campus
        let steps = inputs.pvAvailableKW.count
        #expect(ensemble.exclusionDays * 24 > ensemble.leads)
        for step in stride(from: 5, to: steps, by: 97) {
            let starts = ensemble.analogs(at: step, pvKW: Array(repeating: 0, count: ensemble.leads), loadKW: Array(repeating: 0, count: ensemble.leads))
            #expect(starts.count == 7)
            for start in starts {
                let days = abs(start / 24 - step / 24), wrapped = min(days, 365 - days)
                #expect(start % 24 == step % 24 && wrapped >= ensemble.exclusionDays && wrapped <= AnalogEnsemble.seasonDays,
                        "analog \(start) for step \(step)")
            }
        }
    }

    /// Members stay physical (PV zero at night and within the year's largest output, load ≥ 0) and
    /// their spread holds the truth: replaying the forecasters through the year, the next day's true
    /// PV energy lies within the 7 members' range on at least half of the days (6 / 8 for a perfectly
    /// calibrated ensemble),.
    @Test func membersArePhysicalAndSpreadAroundTheTruth() {
        let (ensemble, inputs) = (Self.campus.ensemble, Self.campus.inputs)
        var (pv, load) = (Self.campus.pv, Self.campus.load)
        let truth = inputs.pvAvailableKW, ceiling = truth.max()!
        var inside = 0, days = 0
        for step in 0..<truth.count {
            pv.observe(step: step, value: truth[step])
            load.observe(step: step, value: inputs.load.facilityKW[step])
            guard step % 24 == 6, step + 48 < truth.count else { continue }
            let members = ensemble.members(at: step, pvKW: pv.forecast(after: step, count: 48), loadKW: load.forecast(after: step, count: 48))
            for member in members {
                #expect(member.pvKW.allSatisfy { $0 >= 0 && $0 <= ceiling } && member.loadKW.allSatisfy { $0 >= 0 })
                #expect(member.pvKW[17] == 0, "midnight after step \(step) is dark in every member")
            }
            let energies = members.map { $0.pvKW.prefix(24).reduce(0, +) }
            let actual = truth[(step + 1)...(step + 24)].reduce(0, +)
            if energies.min()! <= actual && actual <= energies.max()! { inside += 1 }
            days += 1
        }
        #expect(Double(inside) >= 0.5 * Double(days), "the day ahead within the members' range on \(inside) of \(days) days")
    }

    /// The members' mean is the analog-corrected forecast (the analogs' mean error added to the point
    /// forecast): for clear-sky-index persistence, whose PV forecasts over the next day are biased (a
    /// morning's index persisted into the afternoon), the members' mean is less biased over the year
    /// than the point forecast, and its absolute error is no larger.
    @Test func membersCorrectThePointForecastsBias() throws {
        var scenario = TestData.defaultScenario
        scenario.dispatch.forecast = .persistence
        scenario.dispatch.forecastMembers = 7
        let inputs = Self.campus.inputs
        var (pv, load) = try StrategyFactory.forecasters(scenario, weather: TestData.phoenix, inputs: inputs)
        let ensemble = try #require(StrategyFactory.ensemble(scenario, pv: pv.forecaster, load: load.forecaster, weather: TestData.phoenix, inputs: inputs))
        let truth = inputs.pvAvailableKW
        var point = (bias: 0.0, absolute: 0.0), corrected = (bias: 0.0, absolute: 0.0)
        for step in 0..<(truth.count - 24) {
            pv.forecaster.observe(step: step, value: truth[step])
            load.forecaster.observe(step: step, value: inputs.load.facilityKW[step])
            guard step % 3 == 0 else { continue }
            let forecast = pv.forecaster.forecast(after: step, count: 24)
            let members = ensemble.members(at: step, pvKW: forecast, loadKW: load.forecaster.forecast(after: step, count: 24))
            for lead in 0..<24 {
                let mean = members.map { $0.pvKW[lead] }.reduce(0, +) / Double(members.count), actual = truth[step + 1 + lead]
                point.bias += forecast[lead] - actual
                point.absolute += abs(forecast[lead] - actual)
                corrected.bias += mean - actual
                corrected.absolute += abs(mean - actual)
            }
        }
        #expect(abs(corrected.bias) < abs(point.bias), "bias \(corrected.bias) against the point forecast's \(point.bias)")
        #expect(corrected.absolute <= point.absolute, "absolute error \(corrected.absolute) against \(point.absolute)")
    }

    /// CRPS by hand: members 0 and 2 kW, outcome 1 kW: (1 + 1) / 2 − (0 + 2 + 2 + 0) / (2 · 4) = 0.5;
    /// one member scores its absolute error. On the Phoenix year the 3 members' PV CRPS over the next
    /// day is below the point forecast's mean absolute error (the spread is worth having), and the
    /// load's is within 5 % of it.
    @Test func crpsByHandAndOnTheYear() {
        #expect(ForecastEvaluation.crps([0, 2], 1) == 0.5 && ForecastEvaluation.crps([3], 1) == 2)
        var scenario = TestData.defaultScenario
        scenario.dispatch.forecastMembers = 3
        let inputs = Self.campus.inputs
        let (pv, load) = (Self.campus.pv, Self.campus.load)
        let ensemble = StrategyFactory.ensemble(scenario, pv: pv, load: load, weather: TestData.phoenix, inputs: inputs)!
        let crps = ForecastEvaluation.ensembleCRPS(pv: pv, load: load, ensemble: ensemble, truthPV: inputs.pvAvailableKW,
                                                   truthLoad: inputs.load.facilityKW, stepHours: 1, leadHours: 24)
        let pvMAE = ForecastEvaluation.errors(of: pv, truth: inputs.pvAvailableKW, stepHours: 1, leadHours: 24).mae
        let loadMAE = ForecastEvaluation.errors(of: load, truth: inputs.load.facilityKW, stepHours: 1, leadHours: 24).mae
        #expect(crps.pvKW < pvMAE, "PV CRPS \(crps.pvKW) kW against MAE \(pvMAE) kW")
        #expect(abs(crps.loadKW / loadMAE - 1) < 0.05, "load CRPS \(crps.loadKW) kW against MAE \(loadMAE) kW")
    }

    /// A point forecaster that knows the future makes no error, so every member is its forecast.
    @Test func aPerfectForecasterGivesIdenticalMembers() {
        let inputs = Self.campus.inputs
        let truth = inputs.pvAvailableKW, load = inputs.load.facilityKW
        let ensemble = AnalogEnsemble(pvForecaster: ScheduleForecaster(values: truth), pvKW: truth, clearSkyKW: truth,
                                      loadForecaster: ScheduleForecaster(values: load), loadKW: load, stepMinutes: 60, leads: 48, members: 3)
        let step = 4_000
        let point = (pv: Array(truth[(step + 1)...(step + 48)]), load: Array(load[(step + 1)...(step + 48)]))
        for member in ensemble.members(at: step, pvKW: point.pv, loadKW: point.load) {
            #expect(member.pvKW == point.pv && member.loadKW == point.load)
        }
        #expect(ensemble.members(at: step, pvKW: [], loadKW: []).isEmpty, "a forecast of no steps has no members")
    }
}
