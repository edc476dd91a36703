import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid

@Suite struct StorageAndGenerationTests {
    static func battery(selfDischarge: Double = 0) -> Battery {
        var config = BatteryConfig(energyKWh: 100, powerKW: 50)
        config.chargeEfficiency = 0.95
        config.dischargeEfficiency = 0.95
        config.selfDischargePerDay = selfDischarge
        return Battery(config: config)
    }

    /// By hand: 50 % of 100 kWh; charging 20 kW for 1 h at η 0.95 stores 19 kWh → 69 kWh;
    /// discharging 19 kW for 1 h draws 20 kWh → 49 kWh.
    @Test func chargeAndDischargeApplyTheirEfficiencies() {
        var b = Self.battery()
        b.apply(powerKW: -20, hours: 1)
        #expect(abs(b.energyKWh - 69) < 1e-12)
        b.apply(powerKW: 19, hours: 1)
        #expect(abs(b.energyKWh - 49) < 1e-12)
        #expect(abs(b.equivalentFullCycles - 0.2) < 1e-12)
    }

    /// By hand: from 50 kWh, down to soc 0.25 leaves 25 kWh · 0.95 = 23.75 kW over 1 h; up to 0.95 takes
    /// 45 kWh / 0.95 = 47.37 kW; over 15 minutes both hit the 50 kW power limit.
    @Test func limitsRespectSOCAndPower() {
        let b = Self.battery()
        #expect(abs(b.maxDischargeKW(floorSOC: 0.25, hours: 1) - 23.75) < 1e-12)
        #expect(abs(b.maxChargeKW(ceilingSOC: 0.95, hours: 1) - 45 / 0.95) < 1e-12)
        #expect(b.maxDischargeKW(floorSOC: 0.25, hours: 0.25) == 50)
        #expect(b.maxChargeKW(ceilingSOC: 0.95, hours: 0.25) == 50)
        #expect(b.maxDischargeKW(floorSOC: 0.6, hours: 1) == 0)
    }

    @Test func selfDischargeCompoundsPerDay() {
        var b = Self.battery(selfDischarge: 0.01)
        for _ in 0..<24 { b.apply(powerKW: 0, hours: 1) }
        #expect(abs(b.energyKWh - 50 * 0.99) < 1e-9)
    }

    /// ASTM E1049-85 §5.4.4, Fig. 6 example history −2, 1, −3, 5, −1, 3, −4, 4, −2 counts (its
    /// Table 4) range 3: ½, 4: 1½, 6: ½, 8: 1, 9: ½ cycles; Σ range · cycles = 1.5 + 6 + 3 + 8 + 4.5 = 23.
    @Test func rainflowMatchesTheASTMExample() {
        var counter = RainflowCounter()
        for value in [-2.0, 1, -3, 5, -1, 3, -4, 4, -2] { counter.add(value) }
        #expect(abs(counter.damage(cyclesToFailureAtFullDepth: 1) - 23) < 1e-12)
        #expect(abs(counter.damage(cyclesToFailureAtFullDepth: 2) - 11.5) < 1e-12)
    }

    /// 300 daily full cycles between 0.1 and 0.9 (depth 0.8) on a 6000-cycle, 15-year battery:
    /// cycle fade 0.2 · 300 · 0.8 / 6000 = 0.008, calendar fade 0.2 / 15 = 0.01333.
    @Test func ageingCombinesCalendarAndCycleFade() {
        var config = BatteryConfig(energyKWh: 100, powerKW: 1000)
        config.chargeEfficiency = 0.95
        config.dischargeEfficiency = 0.95
        var b = Battery(config: config)
        for _ in 0..<300 {
            b.apply(powerKW: -(b.config.socMax - b.soc) * 100 / 0.95 + 5 / 0.95, hours: 1)  // to 0.90
            b.apply(powerKW: (b.soc - 0.1) * 100 * 0.95, hours: 1)  // to 0.10
        }
        b.age(toYears: 1)
        #expect(abs(b.fadeFraction - (0.2 * 300 * 0.8 / 6000 + 0.2 / 15)) < 2e-4)
        #expect(abs(b.capacityKWh - 100 * (1 - b.fadeFraction)) < 1e-9)
    }

    /// Fuel by hand: 2 units of 2000 kW at 3000 kW for 1 h: 0.018 · 2000 · 2 + 0.245 · 3000 = 807 L.
    @Test func fuelCurveAndCO2e() {
        let fleet = GensetFleet(config: DieselConfig(units: 10, unitKW: 2000))
        #expect(abs(fleet.config.fuelL(units: 2, outputKW: 3000, hours: 1) - 807) < 1e-9)
        #expect(fleet.config.fuelL(units: 0, outputKW: 0, hours: 1) == 0)
        // AR5: 2.68 + 0.11e-3 · 28 + 0.02e-3 · 265 = 2.68838 kgCO2e/L.
        let factor = DieselConfig(units: 1, unitKW: 1).emissionFactor(gwp: .ar5)
        #expect(abs(factor.kgCO2ePerL - 2.68838) < 1e-12)
    }

    @Test func unitsRotateAndRespectMinimumRunTime() {
        var config = DieselConfig(units: 3, unitKW: 1000)
        config.minRunHours = 2
        config.startSeconds = 360  // a tenth of an hour
        var fleet = GensetFleet(config: config)
        #expect(abs(fleet.capacityKW(units: 2, stepHours: 1) - 2 * 1000 * 0.9) < 1e-9)
        #expect(fleet.commit(units: 2, step: 0, stepHours: 1) == 2)
        #expect(fleet.unitsThatMustRun(step: 1, stepHours: 1) == 2)
        #expect(fleet.unitsThatMustRun(step: 2, stepHours: 1) == 0)
        #expect(abs(fleet.capacityKW(units: 3, stepHours: 1) - (2000 + 900)) < 1e-9)
        fleet.commit(units: 1, step: 2, stepHours: 1)
        fleet.commit(units: 0, step: 3, stepHours: 1)
        // The next start picks the unit that has run least (unit 2, never started).
        fleet.commit(units: 1, step: 4, stepHours: 1)
        #expect(fleet.units.map(\.isOn) == [false, false, true])
        #expect(fleet.units.map(\.starts) == [1, 1, 1])
        // Hours: both ran steps 0–1, one kept running in step 2, unit 2 runs step 4.
        #expect(fleet.units.map(\.runHours) == [2, 1, 1] || fleet.units.map(\.runHours) == [1, 2, 1])
    }
}

/// Genset duty against its ISO 8528-1 rating and the N + 1 check, by hand and on the real year.
@Suite struct GensetDutyTests {
    /// Two 100 kW units, hourly steps. Day 1: 150 kW for two hours on both units (above the 100 kW
    /// left without the largest unit: 2 h short at N + 1; 300 kWh over 400 kWh rated = 75 % > 70 %),
    /// nothing else. Day 2: one unit at 60 kW all day (60 %); at hour 30 the heat derates the units to
    /// half their rating, so the 100 kW firm capacity is 50 kW and the 60 kW load is short for that hour.
    @Test func meterByHand() {
        var meter = GensetDutyMeter(diesel: DieselConfig(units: 2, unitKW: 100), stepMinutes: 60)
        var totals = EnergyTotals()
        for hour in 0..<48 {
            let (load, diesel, units) = hour < 2 ? (150.0, 150.0, 2) : hour < 24 ? (0.0, 0.0, 0) : (60.0, 60.0, 1)
            meter.record(index: hour, loadKW: load, dieselKW: diesel, units: units, ratingFactor: hour == 30 ? 0.5 : 1,
                         hours: 1, into: &totals)
        }
        #expect(totals.nMinusOneShortHours == 3 && totals.dieselDaysOverPrimeLimit == 1)
    }

    /// The default campus's rule EMS plans its prime-rated units at the 70 % PRP average, so no day
    /// breaks it; loaded to its 80 % target as if they had no duty limit, nearly every day does and
    /// the check warns. Rated as standby, each unit's ~1,100 h a year exceed the 200 h ESP allows.
    @Test func defaultCampusDutyWarnings() throws {
        let prime = GensetDutyCheck(result: TestData.hybrid)
        #expect(prime.rating == .prime && prime.daysOverPrimeLimit == 0 && prime.warnings.allSatisfy { !$0.contains("PRP") })
        #expect(abs(prime.runHoursPerUnitYear - TestData.hybrid.totals.dieselUnitRunHours / 10) < 1e-9)
        let scenario = TestData.defaultScenario
        let inputs = try SimulationInputs.prepare(scenario, weather: TestData.phoenix)
        var unlimited = RuleBasedDispatch(config: scenario.dispatch)
        let loadedTo80 = GensetDutyCheck(result: SimulationEngine.run(scenario, inputs: inputs, strategy: &unlimited, recordSeries: false))
        #expect(loadedTo80.daysOverPrimeLimit > 300 && loadedTo80.warnings.contains { $0.contains("PRP") })
        var standby = TestData.defaultScenario
        standby.diesel?.rating = .standby
        let check = GensetDutyCheck(result: try TestData.run(standby, recordSeries: false))
        #expect(check.daysOverPrimeLimit == 0 && check.warnings.contains { $0.contains("200 h") })
    }

    /// Start fuel and wear on the real year: the rule EMS does not weigh them, so the same 3,704
    /// starts each add 2 L of fuel (and its CO₂e) and 500 of wear to the year's O&M.
    @Test func startFuelAndWearOnTheRealYear() throws {
        var scenario = TestData.defaultScenario
        scenario.diesel?.startFuelL = 2
        scenario.diesel?.startCost = 500
        let result = try TestData.run(scenario, recordSeries: false), base = TestData.hybrid
        let starts = Double(base.totals.dieselStarts)
        #expect(result.totals.dieselStarts == base.totals.dieselStarts)
        #expect(abs(result.totals.fuelL - base.totals.fuelL - 2 * starts) < 1e-6 * base.totals.fuelL)
        let factor = PlantModel(scenario: scenario).fuelKgCO2ePerL
        #expect(abs(result.totals.scope1KgCO2e - base.totals.scope1KgCO2e - 2 * starts * factor) < 1e-6 * base.totals.scope1KgCO2e)
        let om = LifetimeEconomics(result: result).cashFlows[1].operationsAndMaintenance
        let baseOM = LifetimeEconomics(result: base).cashFlows[1].operationsAndMaintenance
        #expect(abs(om - baseOM - 500 * starts) < 1e-6)
    }
}
