import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid

@Suite struct CarbonLedgerTests {
    static func series(_ rows: [(load: Double, pv: Double, battery: Double, diesel: Double, co2: Double)]) -> StepSeries {
        var series = StepSeries(capacity: rows.count)
        for row in rows {
            var decision = DispatchDecision()
            decision.pvKW = row.pv
            decision.batteryKW = row.battery
            decision.dieselKW = row.diesel
            decision.dieselUnits = row.diesel > 0 ? 1 : 0
            series.append(decision, load: row.load, it: row.load, pvAvailable: row.pv, soc: 0, co2Kg: row.co2, fuelL: row.co2 / 2.68)
        }
        return series
    }

    /// By hand, 1-hour steps, an empty battery with 90 % efficiency each way:
    /// 1. gensets 100 kWh emitting 100 kg; load 50 → 50 kg; 50 kWh charged (45 stored) carry 50 kg in.
    /// 2. 40.5 kWh discharged draw all 45 stored kWh and their 50 kg: 1234.57 g/kWh to the load.
    /// 3. PV 100, load 50, 50 charged: zero-carbon energy into the empty pool.
    @Test func batteryPoolByHand() {
        var scenario = TestData.defaultScenario
        var battery = BatteryConfig(energyKWh: 100, powerKW: 100)
        battery.socInitial = 0
        battery.socMin = 0
        battery.chargeEfficiency = 0.9
        battery.dischargeEfficiency = 0.9
        battery.selfDischargePerDay = 0
        scenario.battery = battery
        let ledger = CarbonLedger(series: Self.series([
            (load: 50, pv: 0, battery: -50, diesel: 100, co2: 100),
            (load: 40.5, pv: 0, battery: 40.5, diesel: 0, co2: 0),
            (load: 50, pv: 100, battery: -50, diesel: 0, co2: 0),
        ]), scenario: scenario, stepHours: 1)
        #expect(abs(ledger.loadKg[0] - 50) < 1e-9 && abs(ledger.poolKg[0] - 50) < 1e-9)
        #expect(abs(ledger.loadKg[1] - 50) < 1e-9 && abs(ledger.poolKg[1]) < 1e-9)
        #expect(abs(ledger.loadIntensityGPerKWh[1] - 50_000 / 40.5) < 1e-9)
        #expect(ledger.loadKg[2] == 0 && ledger.poolKg[2] == 0 && ledger.loadIntensityGPerKWh[2] == 0)
        // Carbon-free energy: none in steps 1–2 (all fossil), all 50 kWh in step 3: 50 / 140.5.
        #expect(abs(ledger.carbonFreeScore - 50 / 140.5) < 1e-12)
    }

    /// The invariant on a real year at every step: carbon in = carbon attributed + change in the pool.
    @Test(arguments: [false, true])
    func carbonBalancesEveryStepOfARealYear(withGrid: Bool) throws {
        var scenario = TestData.defaultScenario
        if withGrid {
            scenario.grid.enabled = true
            scenario.grid.importKW = 4000
            scenario.grid.exportKW = 4000
        }
        let result = try TestData.run(scenario, recordSeries: true)
        let series = try #require(result.series)
        let ledger = CarbonLedger(series: series, scenario: scenario, stepHours: result.axis.stepHours)
        var worst = 0.0, previousPool = 0.0
        for t in 0..<series.count {
            let attributed = ledger.loadKg[t] + ledger.exportKg[t] + ledger.poolKg[t] - previousPool
            worst = max(worst, abs(ledger.emittedKg[t] - attributed))
            previousPool = ledger.poolKg[t]
        }
        #expect(worst < 1e-6, "largest step imbalance \(worst) kg")
        let emitted = ledger.emittedKg.reduce(0, +)
        #expect(abs(emitted - result.totals.emissionsKgCO2e) < 1e-6 * emitted)
        #expect(abs(emitted - ledger.loadKg.reduce(0, +) - ledger.exportKg.reduce(0, +) - ledger.poolKg.last!) < 1e-6 * emitted)
        #expect(ledger.carbonFreeScore > 0.5 && ledger.carbonFreeScore < 1)
    }

    @Test func carbonFreeScoreIsZeroForDieselOnlyAndOneForPVOnly() throws {
        var dieselOnly = TestData.defaultScenario
        dieselOnly.pv = nil
        dieselOnly.battery = nil
        let diesel = try TestData.run(dieselOnly, recordSeries: true)
        #expect(CarbonLedger(series: diesel.series!, scenario: dieselOnly, stepHours: 1).carbonFreeScore == 0)
        var solarOnly = TestData.defaultScenario
        solarOnly.diesel = nil
        let solar = try TestData.run(solarOnly, recordSeries: true)
        let ledger = CarbonLedger(series: solar.series!, scenario: solarOnly, stepHours: 1)
        #expect(ledger.carbonFreeScore == 1 && ledger.loadKg.allSatisfy { $0 == 0 })
    }
}

@Suite struct GHGInventoryTests {
    /// By hand from the run's fuel F: CO2 2.68 F kg, CH4 0.11 F g, N2O 0.02 F g; AR5 CO2e =
    /// CO2 + 28 CH4 + 265 N2O, equal to the engine's Scope 1; AR6 (29.8, 273) gives more.
    @Test func scope1ByGasMatchesTheEngine() throws {
        let result = try TestData.run(TestData.defaultScenario, recordSeries: false)
        let inventory = GHGInventory(result: result)
        let fuel = result.totals.fuelL
        #expect(abs(inventory.scope1CO2T - fuel * 2.68 / 1000) < 1e-9 * fuel)
        #expect(abs(inventory.scope1CH4T - fuel * 0.11 / 1e6) < 1e-12 * fuel)
        #expect(abs(inventory.scope1N2OT - fuel * 0.02 / 1e6) < 1e-12 * fuel)
        #expect(abs(inventory.scope1CO2eT - result.totals.scope1KgCO2e / 1000) < 1e-6 * inventory.scope1CO2eT)
        #expect(inventory.scope2LocationT == 0 && inventory.scope2MarketT == 0)
        // The year's fade (2.06 %) sets the battery life, 0.2 / 0.0206 ≈ 9.7 years: bought in year 0 and
        // replaced at the end of year 10, each 200,000 kWh × 70 kg/kWh. Its second end of life falls in
        // year 20, the project's last: the plant stops there, so that battery is never bought.
        let lifeYears = 0.2 / result.batteryFadeFraction
        #expect(lifeYears > 9 && lifeYears < 10)
        #expect(inventory.batteryPurchases == 2 && inventory.batteryKWhPurchased == 400_000)
        #expect(abs(inventory.scope3BatteryEmbodiedT - 2 * 200_000 * 70 / 1000) < 1e-9)
        #expect(abs(inventory.scope3DieselWTTT - fuel * 0.62665 / 1000) < 1e-9 * fuel)
        #expect(abs(inventory.scope3PVLifecycleT - result.totals.pvUsedKWh * 40 / 1e6) < 1e-9)
        #expect(inventory.factors.allSatisfy { !$0.source.isEmpty })
        var ar6 = TestData.defaultScenario
        ar6.carbon.gwp = .ar6
        let ar6Inventory = GHGInventory(result: try TestData.run(ar6, recordSeries: false))
        let expectedIncrease = inventory.scope1CH4T * (29.8 - 28) + inventory.scope1N2OT * (273 - 265)
        #expect(abs(ar6Inventory.scope1CO2eT - inventory.scope1CO2eT - expectedIncrease) < 1e-6)
    }
}

@Suite struct CBAMElectricityReportTests {
    /// Quarters partition the year; each factor is its emissions over what it delivered; the year's
    /// factor equals the run's Scope 1 + 2 over energy served plus exported.
    @Test func quartersAddUpToTheYearAndFactorsRecompute() throws {
        let result = try TestData.run(TestData.defaultScenario, recordSeries: true)
        let report = CBAMElectricityReport(series: result.series!, axis: result.axis, plant: PlantModel(scenario: result.scenario),
                                           firstYear: 2026)
        #expect(report.quarters.map(\.label) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
        let year = try #require(report.years.first)
        #expect(abs(report.quarters.reduce(0) { $0 + $1.deliveredMWh } - year.deliveredMWh) < 1e-6)
        #expect(abs(report.quarters.reduce(0) { $0 + $1.fuelL } - result.totals.fuelL) < 1e-6 * result.totals.fuelL)
        for period in report.quarters + report.years {
            #expect(abs(period.emissionFactorTPerMWh - period.emissionsT / period.deliveredMWh) < 1e-12)
        }
        // CO2 only (Annex I): the fuel's 2.68 kg/L, not its 2.68838 kgCO2e/L; no grid on this campus.
        let t = result.totals
        #expect(abs(year.emissionsT - t.fuelL * 2.68 / 1000) < 1e-9 * t.fuelL)
        #expect(abs(year.emissionFactorTPerMWh - t.fuelL * 2.68 / (t.servedKWh + t.gridExportKWh)) < 1e-9)
        #expect(year.emissionsT < t.emissionsKgCO2e / 1000)
        // Summer quarters are sunnier: a lower factor than winter's.
        #expect(report.quarters[1].emissionFactorTPerMWh < report.quarters[0].emissionFactorTPerMWh)
        // Q1 is 90 days: 2160 hourly steps of the series.
        let q1Steps = (0..<2160).reduce(0.0) { $0 + result.series!.fuelL[$1] }
        #expect(abs(report.quarters[0].fuelL - q1Steps) < 1e-6)
    }
}
