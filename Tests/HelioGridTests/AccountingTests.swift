import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid

/// Market-based Scope 2, contractual instruments and the CBAM phase-in, by hand.
@Suite struct MarketBasedScope2Tests {
    static let instrumentsCSV = """
        id,kind,valid_from,valid_until,mwh,g_per_kwh,renewable
        GO-1,GO,2026-01-01,2026-01-02,0.25,0,true
        PPA-7,PPA,2026-01-01,2026-01-03,0.1,100,false
        """

    /// Four hourly steps importing 100, 200, 0 and 300 kWh at a 400 g/kWh location factor:
    /// step 1 takes 100 kWh of GO-1 (expires first); step 2 the other 150 kWh of GO-1 and 50 of
    /// PPA-7 (5 kg); step 4 the last 50 of PPA-7 (5 kg) and 250 kWh uncovered. Residual mix 500 g:
    /// 125 kg, so 135 kg in all; without a residual mix the 250 kWh take 400 g: 110 kg.
    @Test func instrumentsThenResidualMixByHand() throws {
        var scenario = TestData.defaultScenario
        scenario.diesel = nil
        scenario.grid.enabled = true
        scenario.grid.importKW = 1000
        scenario.grid.instruments = try ContractualInstrumentReader.parse(text: Self.instrumentsCSV, file: "i.csv", firstYear: 2026, years: 1)
        scenario.grid.residualMixGPerKWh = 500
        var series = StepSeries(capacity: 4)
        series.gridKW = [100, 200, 0, 300]
        series.co2Kg = series.gridKW.map { $0 * 0.4 }
        series.fuelL = [0, 0, 0, 0]
        series.loadKW = series.gridKW
        let market = MarketBasedScope2(series: series, scenario: scenario, stepMinutes: 60)
        #expect(market.stepKg.count == 4)
        for (got, want) in zip(market.stepKg, [0, 5, 0, 130.0]) { #expect(abs(got - want) < 1e-9) }
        #expect(abs(market.totalT - 0.135) < 1e-12)
        #expect(market.coveredKWh == 350 && market.renewableCoveredKWh == 250)
        #expect(market.appliedMWh.map { ($0 * 1e6).rounded() / 1e6 } == [0.25, 0.1])
        scenario.grid.residualMixGPerKWh = nil
        let locationFallback = MarketBasedScope2(series: series, scenario: scenario, stepMinutes: 60)
        #expect(abs(locationFallback.totalT - 0.110) < 1e-12)
    }

    /// An instrument outside its window covers nothing: a window on day 2 against imports on day 0.
    @Test func instrumentsOutsideTheirWindowDoNotApply() throws {
        var scenario = TestData.defaultScenario
        scenario.grid.enabled = true
        scenario.grid.importKW = 1000
        scenario.grid.instruments = try ContractualInstrumentReader.parse(
            text: "id,kind,valid_from,valid_until,mwh,g_per_kwh,renewable\nGO-2,GO,2026-01-03,2026-02-01,10,0,true\n",
            file: "i.csv", firstYear: 2026, years: 1)
        var series = StepSeries(capacity: 1)
        series.gridKW = [100]
        series.co2Kg = [40]
        series.fuelL = [0]
        series.loadKW = [100]
        let market = MarketBasedScope2(series: series, scenario: scenario, stepMinutes: 60)
        #expect(market.coveredKWh == 0 && abs(market.totalT - 0.040) < 1e-12)
    }

    /// Bad instrument rows are errors naming the file, line and reason.
    @Test(arguments: [
        ("GO,GO,2026-02-29,2026-03-01,1,0,true", "not a date"),
        ("GO,GO,2026-03-01,2026-03-01,1,0,true", "after valid_from"),
        ("GO,GO,2027-01-01,2027-02-01,1,0,true", "outside the simulated years"),
        ("GO,GO,2026-01-01,2026-02-01,-1,0,true", "mwh must be above 0"),
        ("GO,GO,2026-01-01,2026-02-01,1,0,yes", "not true or false"),
        ("GO,GO,2026-01-01,2026-02-01,1,x,true", "g_per_kwh"),
    ])
    func badInstrumentRowsAreNamed(row: String, reason: String) {
        let text = "id,kind,valid_from,valid_until,mwh,g_per_kwh,renewable\n" + row + "\n"
        #expect {
            _ = try ContractualInstrumentReader.parse(text: text, file: "inst.csv", firstYear: 2026, years: 1)
        } throws: { error in
            let error = error as? HelioError
            return error?.file == "inst.csv" && error?.line == 2 && error?.message.contains(reason) == true
        }
        // 29 February of a leap year is a date, but has no day on the simulated calendar.
        #expect(throws: HelioError.self) {
            _ = try ContractualInstrumentReader.parse(text: "id,kind,valid_from,valid_until,mwh,g_per_kwh,renewable\nG,GO,2028-02-29,2028-03-01,1,0,true",
                                                      file: "inst.csv", firstYear: 2028, years: 1)
        }
    }

    /// The phase-in table: 0 before 2026, the regulation's shares, then full exposure from 2034.
    @Test func phaseInFollowsTheRegulationTable() {
        let carbon = CarbonConfig()
        #expect(carbon.phaseIn(year: 2025) == 0)
        #expect(carbon.phaseIn(year: 2026) == 0.025 && carbon.phaseIn(year: 2030) == 0.485)
        #expect(carbon.phaseIn(year: 2034) == 1 && carbon.phaseIn(year: 2045) == 1)
    }

    /// A phase-in table in the scenario replaces the default; bad keys and values are named.
    @Test func phaseInTableFromTheScenario() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("phase-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let base = "[site]\nweather = \"\(TestData.phoenixPath)\"\n[load]\ngpus = 8\n[carbon]\nfirst_year = 2030\n[carbon.cbam_phase_in]\n"
        try (base + "\"2030\" = 0.5\n\"2032\" = 1.0\n").write(toFile: dir + "/ok.toml", atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: dir + "/ok.toml")
        #expect(scenario.carbon.firstYear == 2030 && scenario.carbon.phaseIn(year: 2031) == 0.5 && scenario.carbon.phaseIn(year: 2033) == 1)
        for (body, key) in [("\"20x6\" = 0.5\n", "carbon.cbam_phase_in.20x6"), ("\"2030\" = 1.5\n", "carbon.cbam_phase_in.2030")] {
            try (base + body).write(toFile: dir + "/bad.toml", atomically: true, encoding: .utf8)
            #expect { _ = try ScenarioLoader.load(path: dir + "/bad.toml") } throws: { ($0 as? HelioError)?.key == key }
        }
    }
}

/// Lifetime cash flows against textbook cases.
@Suite struct LifetimeEconomicsTests {
    static func assumptions(rate: Double, years: Int) -> EconomicAssumptions {
        var assumptions = EconomicAssumptions(scenario: TestData.defaultScenario)
        assumptions.discountRate = rate
        assumptions.projectYears = years
        return assumptions
    }

    static func servedYear(_ kWh: Double) -> EnergyTotals {
        var totals = EnergyTotals()
        totals.servedKWh = kWh
        totals.loadKWh = kWh
        return totals
    }

    /// Capex 1000, O&M 100 a year, 10 years at 10 %, life exactly 10 years (no replacement, no
    /// salvage), 1000 kWh a year: annuity factor (1 − 1.1^−10)/0.1 = 6.144567, NPC = 1614.4567,
    /// annualised cost = 1000 × CRF + 100 = 262.7454, LCOE = 262.7454 / 1000 per kWh.
    @Test func textbookAnnuity() {
        let economics = LifetimeEconomics(
            components: [PlantComponent(name: "plant", capex: 1000, fixedOMPerYear: 100, lifeYears: 10)],
            yearly: [Self.servedYear(1000)], assumptions: Self.assumptions(rate: 0.10, years: 10))
        let annuity = (1 - pow(1.1, -10)) / 0.1
        #expect(abs(annuity - 6.144567105704685) < 1e-12)
        #expect(abs(economics.npc - 1614.4567105704685) < 1e-9)
        #expect(abs(economics.annualisedCost - (1000 * 0.1 / (1 - pow(1.1, -10)) + 100)) < 1e-9)
        #expect(abs(economics.lcoePerKWh - 0.262745394887) < 1e-11)
        #expect(economics.cashFlows.count == 11 && economics.cashFlows[0].total == 1000)
        #expect(economics.cashFlows.allSatisfy { $0.replacement == 0 && $0.salvage == 0 })
    }

    /// Life 4 years over 10: replaced in years 4 and 8, the year-8 unit half used at the end
    /// (salvage 500 in year 10). At 10 %: 1000 + 1000/1.1⁴ + 1000/1.1⁸ − 500/1.1¹⁰ = 1956.7475.
    @Test func replacementsAndSalvageByHand() {
        let economics = LifetimeEconomics(
            components: [PlantComponent(name: "battery", capex: 1000, fixedOMPerYear: 0, lifeYears: 4)],
            yearly: [Self.servedYear(1)], assumptions: Self.assumptions(rate: 0.10, years: 10))
        #expect(economics.cashFlows.map(\.replacement) == [0, 0, 0, 0, 1000, 0, 0, 0, 1000, 0, 0])
        #expect(economics.cashFlows[10].salvage == 500)
        let byHand: Double = 1000 + 1000 / pow(1.1, 4.0) + 1000 / pow(1.1, 8.0) - 500 / pow(1.1, 10.0)
        #expect(abs(economics.npc - byHand) < 1e-9)
    }

    /// Fuel and carbon escalate from year 1; the carbon charged is net of the origin price.
    @Test func escalationAndOriginDeduction() {
        var assumptions = Self.assumptions(rate: 0, years: 3)
        assumptions.fuelPricePerL = 1
        assumptions.fuelPriceEscalation = 0.02
        assumptions.carbonPricePerT = 50
        assumptions.carbonPriceEscalation = 0.10
        var year = Self.servedYear(1)
        year.fuelL = 1000
        year.scope1KgCO2e = 2000
        let economics = LifetimeEconomics(components: [], yearly: [year], assumptions: assumptions)
        #expect(economics.cashFlows.map(\.fuel) == [0, 1000, 1020, 1000 * 1.02 * 1.02])
        #expect(abs(economics.cashFlows[3].carbon - 2 * 50 * 1.21) < 1e-9)
        var scenario = TestData.defaultScenario
        scenario.carbon.pricePerT = 80
        scenario.carbon.originPricePerT = 30
        #expect(EconomicAssumptions(scenario: scenario).carbonPricePerT == 50)
        scenario.carbon.originPricePerT = 100
        #expect(EconomicAssumptions(scenario: scenario).carbonPricePerT == 0)
    }

    /// −1000 then 500 a year for 3 years: IRR 23.375 % (NPV zero), simple payback 2 years,
    /// discounted payback at 10 % 2 + 132.23/375.66 = 2.352 years.
    @Test func irrAndPaybackByHand() throws {
        let flows = [-1000.0, 500, 500, 500]
        let irr = try #require(EconomicComparison.internalRateOfReturn(flows))
        #expect(abs(irr - 0.2337519) < 1e-6)
        #expect(EconomicComparison.payback(flows) == 2)
        let discounted = flows.enumerated().map { $0.element / pow(1.1, Double($0.offset)) }
        let payback = try #require(EconomicComparison.payback(discounted))
        #expect(abs(payback - (2 + (1000 - 500 / 1.1 - 500 / 1.21) / (500 / 1.331))) < 1e-12)
        #expect(EconomicComparison.internalRateOfReturn([-1000, 100, 100]) != nil)
        #expect(EconomicComparison.internalRateOfReturn([100, 100]) == nil)
        #expect(EconomicComparison.payback([-1000, 100, 100]) == nil)
    }
}

/// The default campus's accounting on the real Phoenix year: hybrid against diesel-only.
@Suite struct CampusAccountingTests {
    static let hybrid = TestData.hybrid
    static let dieselOnly = TestData.dieselOnly

    /// The hybrid pays back against diesel-only; at the IRR the incremental flows have zero NPV;
    /// NPC = Σ discounted yearly totals.
    @Test func hybridAgainstDieselOnly() throws {
        let plant = LifetimeEconomics(result: Self.hybrid), baseline = LifetimeEconomics(result: Self.dieselOnly)
        #expect(abs(plant.npc - plant.cashFlows.reduce(0) { $0 + $1.total * $1.discountFactor }) < 1e-6 * plant.npc)
        let comparison = EconomicComparison(plant: plant, baseline: baseline)
        #expect(comparison.npcSavings > 0)
        let irr = try #require(comparison.irr)
        let deltas = zip(baseline.cashFlows, plant.cashFlows).map { $0.total - $1.total }
        let npvAtIRR = deltas.enumerated().reduce(0) { $0 + $1.element / pow(1 + irr, Double($1.offset)) }
        #expect(abs(npvAtIRR) < 1e-6 * plant.capex)
        let payback = try #require(comparison.discountedPaybackYears)
        #expect(payback > 0 && payback < 20 && payback >= comparison.simplePaybackYears ?? 0)
    }

    /// Raising the fuel price 20 % raises NPC by exactly 20 % of the discounted fuel bill (dispatch held).
    @Test func sensitivityMovesOnlyItsOwnTerm() throws {
        let table = SensitivityCase.table(plant: Self.hybrid, baseline: Self.dieselOnly)
        #expect(table.map(\.parameter) == ["fuel_price", "carbon_price", "battery_capex", "pv_capex", "discount_rate"])
        let plant = LifetimeEconomics(result: Self.hybrid)
        let fuel = try #require(table.first)
        let discountedFuel = plant.cashFlows.reduce(0) { $0 + $1.fuel * $1.discountFactor }
        #expect(abs(fuel.npcHigh - plant.npc - 0.2 * discountedFuel) < 1e-6 * plant.npc)
        #expect(abs(plant.npc - fuel.npcLow - 0.2 * discountedFuel) < 1e-6 * plant.npc)
        let rate = table[4]
        #expect(rate.npcHigh < plant.npc && plant.npc < rate.npcLow)
    }

    /// Carbon cost of electricity: CO2 only (Annex I), no phase-in (no free allocation): year 1 (2026)
    /// pays the fuel's CO2 (2.68 kg/L) at the full 80 $/t — millions of USD on the default campus, not
    /// the 2.5 % of it a phase-in would give — and year 9 (2034) at 80 × 1.03⁸.
    @Test func carbonCostPathPricesCO2InFull() {
        let path = CarbonCostPath(result: Self.hybrid)
        let co2T = Self.hybrid.totals.fuelL * 2.68 / 1000
        #expect(path.years.count == 20 && path.years[0].calendarYear == 2026)
        #expect(abs(path.years[0].emissionsT - co2T) < 1e-9 * co2T)
        #expect(abs(path.years[0].cost - co2T * 80) < 1e-6)
        #expect(path.years[0].cost > 1e6)
        #expect(abs(path.years[8].cost - co2T * 80 * pow(1.03, 8)) < 1e-6)
        #expect(abs(path.years[8].costPerGPUHour - path.years[8].cost / (10_000 * 8760)) < 1e-12)
        #expect(abs(path.years[0].costPerMWh * path.years[0].deliveredMWh - path.years[0].cost) < 1e-6)
    }

    /// The resilience table is linear in price; diesel-only's slope is its intensity, so the hybrid's
    /// advantage grows by (diesel-only − hybrid intensity) × Δprice.
    @Test func carbonTariffResilience() throws {
        let table = CarbonTariffPoint.table(plant: Self.hybrid, baseline: Self.dieselOnly)
        #expect(table.map(\.carbonPricePerT) == [0, 25, 50, 75, 100, 125, 150, 175, 200])
        let first = try #require(table.first), last = try #require(table.last)
        #expect(first.plantCarbonPerMWh == 0 && first.baselineCarbonPerMWh == 0)
        let intensity = { (r: SimulationResult) in r.totals.emissionsKgCO2e / r.totals.servedKWh }
        let slope = intensity(Self.dieselOnly) - intensity(Self.hybrid)
        #expect(abs((last.advantagePerMWh - first.advantagePerMWh) - slope * 200) < 1e-9)
        #expect(table.allSatisfy { abs($0.plantTotalPerMWh - $0.plantEnergyPerMWh - $0.plantCarbonPerMWh) < 1e-9 })
        #expect(first.advantagePerMWh > 0)
    }

    /// KPIs: off-grid REF is the renewable fraction, installed IT power is every node at full power
    /// plus fabric, PUE within the cooling curve's range.
    @Test func kpisOfTheDefaultCampus() {
        let kpis = DataCentreKPIs(result: Self.hybrid, renewableContractKWh: 0)
        #expect(abs(kpis.ref - Self.hybrid.totals.renewableFraction) < 1e-12)
        #expect(abs(kpis.installedITPowerKW - 1250 * 10.2 * 1.05) < 1e-9)
        #expect(kpis.pue > 1.10 && kpis.pue < 1.40)
        #expect(abs(kpis.renewableTotalKWh - kpis.renewableOnSiteKWh) < 1e-9 && kpis.backupGeneratorKW == 20_000)
    }
}

/// A grid-connected campus read from a scenario file with an instruments CSV and a residual mix.
@Suite struct GridInstrumentTests {
    /// Market-based Scope 2 = renewable GO energy at 0 g + the rest of the imports at the 500 g
    /// residual mix; location-based uses 450 g on every import; the GO never covers more than its MWh.
    @Test func marketBasedInventoryOfARealYear() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("grid-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "id,kind,valid_from,valid_until,mwh,g_per_kwh,renewable\nGO-A,GO,2026-01-01,2026-07-01,2000,0,true\n"
            .write(toFile: dir + "/instruments.csv", atomically: true, encoding: .utf8)
        var text = try String(contentsOfFile: TestData.defaultScenario.source, encoding: .utf8)
        text = text.replacingOccurrences(of: "weather = \"phoenix-az-722780.tmy3.csv\"", with: "weather = \"\(TestData.phoenixPath)\"")
        text = text.replacingOccurrences(of: "[grid]\nenabled = false", with: """
            [grid]
            enabled = true
            import_kw = 5000.0
            carbon_g_per_kwh = 450.0
            residual_mix_g_per_kwh = 500.0
            instruments_csv = "instruments.csv"
            """)
        try text.write(toFile: dir + "/grid.toml", atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: dir + "/grid.toml")
        #expect(scenario.grid.instruments.count == 1 && scenario.grid.needsStepSeries)
        let result = try TestData.run(scenario, recordSeries: true)
        let series = try #require(result.series)
        let inventory = GHGInventory(result: result)
        let importKWh = result.totals.gridImportKWh
        let firstHalfKWh = (0..<(181 * 24)).reduce(0.0) { $0 + max(0, series.gridKW[$1]) }
        let covered = min(firstHalfKWh, 2_000_000)
        #expect(importKWh > covered && covered > 0)
        #expect(abs(inventory.scope2LocationT - importKWh * 450 / 1e6) < 1e-6 * inventory.scope2LocationT)
        #expect(abs(inventory.scope2MarketT - (importKWh - covered) * 500 / 1e6) < 1e-6 * inventory.scope2MarketT)
        #expect(abs(inventory.renewableContractKWh - covered) < 1e-6 * covered)
        let kpis = DataCentreKPIs(result: result, renewableContractKWh: inventory.renewableContractKWh)
        #expect(abs(kpis.renewableTotalKWh - kpis.renewableOnSiteKWh - covered) < 1e-6 * covered)
    }
}
