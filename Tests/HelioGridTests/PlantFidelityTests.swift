import Foundation
import Testing
@testable import HelioGrid
import HelioTestSupport

/// Genset derating and the battery's round-trip efficiency and auxiliaries.
@Suite struct PlantFidelityTests {
    /// By hand with the defaults (0.6 %/°C above 40 °C, 0.6 %/100 m above 1,000 m):
    /// 45 °C at 1,500 m loses 3 % + 3 %; 30 °C at sea level loses nothing; 50 °C at 500 m loses 6 %.
    @Test func derateFactorByHand() {
        let diesel = DieselConfig(units: 2, unitKW: 100)
        #expect(abs(diesel.ratingFactor(ambientC: 45, elevationM: 1500) - 0.94) < 1e-12)
        #expect(diesel.ratingFactor(ambientC: 30, elevationM: 0) == 1)
        #expect(abs(diesel.ratingFactor(ambientC: 50, elevationM: 500) - 0.94) < 1e-12)
    }

    /// Two 100 kW units derated to 0.9, both running: 180 kW. Load following a 200 kW load with
    /// nothing else commits both units (one derated unit at its 80 % target gives 72 kW), gives their
    /// 180 kW and leaves 20 kW unserved.
    @Test func deratedFleetCapacity() {
        var fleet = GensetFleet(config: DieselConfig(units: 2, unitKW: 100))
        fleet.commit(units: 2, step: 0, stepHours: 1)
        fleet.derate(to: 0.9)
        #expect(abs(fleet.capacityKW(units: 2, stepHours: 1) - 180) < 1e-12)
        var rule = RuleBasedDispatch(config: DispatchConfig(), policy: .loadFollowing)
        let decision = rule.decide(DispatchContext(step: 1, stepHours: 1, loadKW: 200, pvAvailableKW: 0, battery: nil, fleet: fleet, grid: nil))
        #expect(decision.dieselUnits == 2 && abs(decision.dieselKW - 180) < 1e-9 && abs(decision.unservedKW - 20) < 1e-9)
    }

    /// Phoenix's TMY3 year: the factor follows the file's temperature above 40 °C (the site is at
    /// 339 m, below the altitude threshold), and no step of the default campus's rule run asks a
    /// running unit for more than its derated output.
    @Test func phoenixHeatDeratesTheGensets() throws {
        let scenario = TestData.defaultScenario
        let inputs = try SimulationInputs.prepare(scenario)
        let hottest = TestData.phoenix.tempC.max()!
        #expect(hottest > 40 && TestData.phoenix.location.elevationM < 1000)
        let lowest = inputs.gensetRatingFactor.min()!
        #expect(abs(lowest - (1 - 0.006 * (hottest - 40))) < 1e-9)
        let series = try #require(TestData.hybrid.series)
        let unitKW = scenario.diesel!.unitKW
        for index in 0..<series.count where series.dieselUnits[index] > 0 {
            #expect(series.dieselKW[index] <= Double(series.dieselUnits[index]) * unitKW * inputs.gensetRatingFactor(at: index) + 1e-6)
        }
    }

    /// `round_trip_efficiency = 0.81` splits into 0.9 each way; the default is NREL ATB's 85 %.
    @Test func roundTripEfficiencySplitsEvenly() throws {
        let toml = "[site]\nweather = \"phoenix-az-722780.tmy3.csv\"\n[load]\n[battery]\nenergy_kwh = 100.0\npower_kw = 50.0\n"
        let split = try TestData.scenario(toml + "round_trip_efficiency = 0.81\n").battery!
        #expect(abs(split.chargeEfficiency - 0.9) < 1e-12 && abs(split.dischargeEfficiency - 0.9) < 1e-12)
        let defaults = try TestData.scenario(toml).battery!
        #expect(abs(defaults.roundTripEfficiency - 0.85) < 1e-12)
    }

    /// A 1 MW auxiliary load on the default campus: the year's facility energy rises by exactly
    /// 1,000 kW × 8,760 h, booked as battery auxiliary energy, and the balance still closes every step.
    @Test func batteryAuxiliaryIsServedLikeLoad() throws {
        var scenario = TestData.defaultScenario
        scenario.battery?.auxiliaryKW = 1000
        let result = try TestData.run(scenario, recordSeries: false)
        let base = TestData.hybrid.totals
        #expect(abs(result.totals.batteryAuxiliaryKWh - 8_760_000) < 1e-6)
        #expect(abs(result.totals.loadKWh - base.loadKWh - 8_760_000) < 1e-3)
        #expect(base.batteryAuxiliaryKWh == 0 && result.maxBalanceErrorFraction < 1e-9)
        #expect(result.totals.fuelL > base.fuelL)
    }
}
