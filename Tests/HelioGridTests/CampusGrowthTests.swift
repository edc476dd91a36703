import Foundation
import Testing
import HelioTestSupport
@testable import HelioGrid

/// A campus that grows: load phases, staged plant, each purchase's ageing and cash flows.
@Suite struct CampusGrowthTests {
    static let growing: Scenario = TestData.shared { try! TestData.scenario(TestData.growingCampusText(expansions: TestData.growingCampusExpansions)) }
    static let run: SimulationResult = TestData.shared {
        var strategy = RuleBasedDispatch(scenario: growing)
        return SimulationEngine.run(growing, inputs: try! SimulationInputs.prepare(growing), strategy: &strategy, recordSeries: false)
    }

    @Test func phasesInheritAndPresetsFillTheNode() throws {
        let load = Self.growing.load
        #expect(load.gpus == 5000 && load.phases.count == 2)
        #expect(load.inForce(year: 2).gpus == 5000 && load.inForce(year: 3).gpus == 10000)
        let b200 = load.inForce(year: 6)
        #expect(b200.gpus == 10000, "the refresh keeps the GPUs of the phase before")
        #expect(b200.nodeRatedKW == 14.3 && b200.gpusPerNode == 8)
        #expect(abs(b200.nodeMaxKW - 14.3 * 8.4 / 10.2) < 1e-12 && abs(b200.nodeIdleKW - 14.3 * 2.0 / 10.2) < 1e-12)
        #expect(load.generation(year: 2) == nil && load.generation(year: 7) == "b200")
        #expect(Self.growing.site.years == 8, "a campus that grows is simulated over the project's years")
        let tdp = try TestData.scenario(TestData.growingCampusText().replacingOccurrences(of: "generation = \"b200\"", with: "gpu_tdp_kw = 1.0"))
        #expect(abs(tdp.load.inForce(year: 6).nodeRatedKW - 8 * 1.0 * 10.2 / 5.6) < 1e-9)
    }

    @Test(arguments: [
        ("[[load.phases]]\nyear = 3\ngpus = 10000\n", "[[load.phases]]\nyear = 3\ngpus = 10000\n\n[[load.phases]]\nyear = 2\ngpus = 12000\n",
         "load.phases[1].year"),
        ("generation = \"b200\"", "generation = \"a100\"", "load.phases[1].generation"),
        ("gpus = 10000\n\n[[load.phases]]", "gpus = 10001\n\n[[load.phases]]", "load.phases[0].gpus"),
        ("# years = 1 ", "years = 4 ", "site.years"),
        ("strategy = \"rule\"", "strategy = \"mpc\"", "dispatch.strategy"),
        ("[dispatch]", "[[expansions]]\nyear = 3\n\n[dispatch]", "expansions[0].year"),
        ("[dispatch]", "[[expansions]]\nyear = 9\npv_kw = 1000.0\n\n[dispatch]", "expansions[0].year"),
    ])
    func growthErrorsNameTheKey(original: String, replacement: String, key: String) throws {
        let text = TestData.growingCampusText().replacingOccurrences(of: original, with: replacement)
        #expect(text != TestData.growingCampusText(), "the case edits the text")
        let error = try #require(throws: HelioError.self) { try TestData.scenario(text) }
        #expect(error.key == key, "\(error)")
        #expect(error.line != nil)
    }

    @Test func anExpansionNeedsTheSectionItExtends() throws {
        var text = TestData.growingCampusText(expansions: "[[expansions]]\nyear = 3\npv_kw = 1000.0\n")
        let pv = try #require(text.range(of: "[pv]")), battery = try #require(text.range(of: "[battery]"))
        text.removeSubrange(pv.lowerBound..<battery.lowerBound)
        let error = try #require(throws: HelioError.self) { try TestData.scenario(text) }
        #expect(error.key == "expansions[0].pv_kw", "\(error)")
    }

    /// `mode = "add"`: a B200 hall beside the H100 fleet, each fleet's IT power its own model's.
    @Test func anAddedFleetRunsBesideTheOneInForce() throws {
        let text = TestData.growingCampusText()
            .replacingOccurrences(of: "year = 6\ngeneration = \"b200\"", with: "year = 6\nmode = \"add\"\ngeneration = \"b200\"\ngpus = 4000\npue_at_high = 1.3")
        let scenario = try TestData.scenario(text)
        let year6 = scenario.load.inForce(year: 6)
        #expect(year6.totalGPUs == 14000 && year6.gpus == 10000 && year6.cohorts.count == 1)
        #expect(year6.nodeRatedKW == 10.2 && year6.cohorts[0].nodeRatedKW == 14.3 && year6.cohorts[0].gpus == 4000)
        #expect(year6.cooling.pueAtHigh == 1.3 && scenario.load.inForce(year: 5).cooling.pueAtHigh == 1.4, "the cooling curve is the campus's")
        #expect(scenario.load.generation(year: 6) == "fleet 1 + b200")
        let axis = TimeAxis(stepMinutes: 60, utcOffsetMinutes: -420)
        let fleets = year6.fleets
        #expect(fleets.count == 2 && fleets[1].seed != fleets[0].seed)
        let h100 = try GPUClusterLoad(config: fleets[0]).itPowerKW(axis: axis), b200 = try GPUClusterLoad(config: fleets[1]).itPowerKW(axis: axis)
        #expect(try year6.itPowerKW(axis: axis) == zip(h100, b200).map(+))
        #expect(abs(year6.installedITKW - (1250 * 10.2 + 500 * 14.3) * 1.05) < 1e-6)
        let inputs = try SimulationInputs.prepare(scenario)
        #expect(inputs.year(5).load.itKW == zip(h100, b200).map(+))
        let missing = text.replacingOccurrences(of: "\ngpus = 4000", with: "")
        let error = try #require(throws: HelioError.self) { try TestData.scenario(missing) }
        #expect(error.key == "load.phases[1].gpus")
    }

    /// `fleet = N`: one hall refreshed while the other runs on.
    @Test func aPhaseCanRefreshOneFleet() throws {
        let added = "year = 6\nmode = \"add\"\ngeneration = \"b200\"\ngpus = 4000"
        let refresh = "\n\n[[load.phases]]\nyear = 7\nfleet = 1\ngeneration = \"gb200-nvl72\"\ngpus = 10080"
        let text = TestData.growingCampusText().replacingOccurrences(of: "year = 6\ngeneration = \"b200\"", with: added + refresh)
        let scenario = try TestData.scenario(text)
        let year7 = scenario.load.inForce(year: 7)
        #expect(year7.gpus == 10080 && year7.nodeRatedKW == 120 && year7.gpusPerNode == 72)
        #expect(year7.cohorts.map(\.gpus) == [4000] && year7.cohorts[0].nodeRatedKW == 14.3, "the B200 hall runs on")
        #expect(scenario.load.generation(year: 7) == "gb200-nvl72 + b200" && scenario.load.phases[2].changedFleet == 1)
        for (edit, key) in [("fleet = 1", "fleet = 3"), ("mode = \"add\"\ngeneration", "mode = \"add\"\nfleet = 1\ngeneration")] {
            let error = try #require(throws: HelioError.self) { try TestData.scenario(text.replacingOccurrences(of: edit, with: key)) }
            #expect(error.key?.hasSuffix(".fleet") == true, "\(error)")
        }
    }

    @Test func eachYearRunsThePhaseInForce() throws {
        let inputs = try SimulationInputs.prepare(Self.growing)
        var fixed = Self.growing
        fixed.load = Self.growing.load.inForce(year: 4)
        fixed.load.phases = []
        fixed.expansions = []
        fixed.site.years = 1
        let alone = try SimulationInputs.prepare(fixed)
        #expect(inputs.year(3).load.facilityKW == alone.load.facilityKW, "year 4's load is the 10,000-GPU campus's")
        #expect(inputs.year(1).load.facilityKW == inputs.load.facilityKW)
        #expect(inputs.year(7).load.facilityKW.reduce(0, +) > 1.3 * inputs.year(3).load.facilityKW.reduce(0, +), "B200 nodes draw more")
        for year in 0..<8 { #expect(Self.run.yearly[year].loadKWh == inputs.year(year).load.facilityKW.reduce(0, +)) }
    }

    @Test func eachPurchaseOfPVAgesFromItsOwnInstallation() {
        let d = 0.005
        let expected = (1...8).map { year -> Double in
            var factor = pow(1 - d, Double(year - 1))
            if year >= 3 { factor += pow(1 - d, Double(year - 3)) }
            if year >= 6 { factor += pow(1 - d, Double(year - 6)) }
            return factor
        }
        for (record, factor) in zip(Self.run.life, expected) { #expect(abs(record.pvFactor - factor) < 1e-12, "year \(record.year)") }
        #expect(Self.run.maxBalanceErrorFraction < 1e-9, "energy balances every step")
        for totals in Self.run.yearly {
            let supplied = totals.pvUsedKWh + totals.batteryDischargeKWh + totals.dieselKWh + totals.unservedKWh - totals.batteryChargeKWh
            #expect(abs(supplied - totals.loadKWh) < 1e-6 * totals.loadKWh)
            #expect(abs(totals.scope1KgCO2e - totals.fuelL * PlantModel(scenario: Self.growing).fuelKgCO2ePerL) < 1e-6 * max(1, totals.scope1KgCO2e))
        }
    }

    @Test func addedGensetsAgeFromTheirYear() throws {
        let last = try #require(Self.run.life.last)
        #expect(last.gensetYearsSinceInstall.count == 14)
        #expect(Array(last.gensetYearsSinceInstall.prefix(6)) == Array(repeating: 8, count: 6))
        #expect(Array(last.gensetYearsSinceInstall[6..<10]) == Array(repeating: 6, count: 4))
        #expect(Array(last.gensetYearsSinceInstall.suffix(4)) == Array(repeating: 3, count: 4))
        #expect(Self.run.gensetUnits.count == 14)
        #expect(Self.run.life[1].gensetUnitHours.count == 6 && Self.run.life[2].gensetUnitHours.count == 10)
    }

    /// Calendar fade alone, by hand: 0.2 × years / 15 for each purchase since it was bought.
    @Test func batteryPurchasesFadeApart() {
        var config = BatteryConfig(energyKWh: 100, powerKW: 25)
        config.calendarLifeYears = 15
        var battery = Battery(config: config)
        battery.trackPurchases()
        battery.ageTranches(toYears: 2)
        #expect(abs(battery.capacityKWh - 100 * (1 - 0.2 * 2 / 15)) < 1e-9)
        var grown = config
        grown.energyKWh = 200
        grown.powerKW = 50
        let soc = battery.soc
        battery.expand(to: grown, yearIndex: 2, runYears: 2)
        #expect(abs(battery.soc - soc) < 1e-12, "the new cells join at the battery's state of charge")
        battery.ageTranches(toYears: 4)
        let expected = 100 * (1 - 0.2 * 4 / 15) + 100 * (1 - 0.2 * 2 / 15)
        #expect(abs(battery.capacityKWh - expected) < 1e-9)
        #expect(abs(battery.fadeFraction - (1 - expected / 200)) < 1e-12)
        battery.ageTranches(toYears: 15)
        let replaced = battery.replaceWornTranches(endOfLifeFade: 0.2, runYears: 15, boughtInYear: 15)
        #expect(replaced == 100, "only the first purchase reached 80 %")
        #expect(abs(battery.capacityKWh - (100 + 100 * (1 - 0.2 * 13 / 15))) < 1e-9)
        #expect(battery.tranches.map(\.boughtInYear) == [15, 2])
    }

    @Test func theBatteryOfAGrowingCampusIsBoughtAndFadesByPurchase() throws {
        let third = Self.run.life[2]
        #expect(abs(third.batteryCapacityFraction - (100_000 * (1 - Self.run.life[1].batteryFadeAtEnd) + 100_000) / 200_000) < 1e-9)
        let last = try #require(Self.run.life.last)
        #expect(last.batteryTranches.map(\.energyKWh) == [100_000, 100_000, 100_000])
        #expect(last.batteryTranches.map(\.boughtInYear) == [0, 2, 5])
        #expect(last.batteryTranches[0].fade > last.batteryTranches[1].fade && last.batteryTranches[1].fade > last.batteryTranches[2].fade)
    }

    /// The cash flows of the expansions by hand: each paid in the year before it runs, at that year's
    /// prices, its O&M from then on, its salvage by its own years left.
    @Test func expansionsArePaidInTheirYearAndSalvagedByTheirOwnLife() throws {
        var scenario = Self.growing
        scenario.economics.pvCapexDeclinePerYear = 0.02
        scenario.economics.batteryCapexDeclinePerYear = 0.03
        var result = Self.run
        result.scenario = scenario
        let economics = LifetimeEconomics(result: result)
        let flows = economics.cashFlows
        let e = scenario.economics
        let added = { (year: Int) in 30_000 * e.pvCapexPerKW * pow(0.98, Double(year)) + (100_000 * e.batteryCapexPerKWh + 25_000 * e.batteryCapexPerKW) * pow(0.97, Double(year))
            + 4 * 2000 * e.dieselCapexPerKW }
        #expect(abs(flows[2].capex - added(2)) < 1e-6)
        #expect(abs(flows[5].capex - added(5)) < 1e-6)
        #expect(flows[1].capex == 0 && flows[3].capex == 0 && flows[0].capex == economics.capex)
        let baseOM = 30_000 * e.pvOMPerKWYear + 100_000 * e.batteryOMPerKWhYear
        let runHours = { (year: Int) in result.yearly[year - 1].dieselUnitRunHours * e.dieselOMPerHour }
        #expect(abs(flows[2].operationsAndMaintenance - (baseOM + runHours(2))) < 1e-6)
        #expect(abs(flows[3].operationsAndMaintenance - (2 * baseOM + runHours(3))) < 1e-6)
        #expect(abs(flows[6].operationsAndMaintenance - (3 * baseOM + runHours(6))) < 1e-6)
        // PV salvage at year 8: the first array ran 8 of 25 years, the second 6, the third 3.
        let pvSalvage = 30_000 * e.pvCapexPerKW * (17.0 / 25 + pow(0.98, 2) * 19 / 25 + pow(0.98, 5) * 22 / 25)
        let powerSalvage = 25_000 * e.batteryCapexPerKW * (7.0 / 15 + pow(0.97, 2) * 9 / 15 + pow(0.97, 5) * 12 / 15)
        let cells = try #require(result.life.last?.batteryTranches)
        let cellSalvage = cells.reduce(0) { $0 + $1.energyKWh * e.batteryCapexPerKWh * pow(0.97, Double($1.boughtInYear)) * max(0, 0.2 - $1.fade) / 0.2 }
        let projection = LifetimeEconomics.projection(result, assumptions: EconomicAssumptions(scenario: scenario))
        let gensets = flows[8].salvage - pvSalvage - powerSalvage - cellSalvage
        #expect(gensets > 0 && gensets < 14 * 2000 * e.dieselCapexPerKW, "the gensets' salvage is what is left: \(gensets)")
        #expect(projection.batteryKWhPurchased == 300_000, "every purchase of cells counts for Scope 3")
        let inventory = GHGInventory(result: result, market: nil)
        #expect(abs(inventory.scope3BatteryEmbodiedT - 300_000 * scenario.carbon.batteryEmbodiedKgPerKWh / 1000) < 1e-9)
    }

    @Test func theTightestYearDecidesTheDesignBasis() throws {
        let inputs = try SimulationInputs.prepare(Self.growing)
        let basis = DesignBasis.tightest(scenario: Self.growing, weather: TestData.phoenix, inputs: inputs)
        let margins = Self.growing.stageYears.map { year in
            let b = DesignBasis(scenario: Self.growing.inForce(year: year), weather: TestData.phoenix, load: inputs.year(year - 1).load)
            return (year, b.firmKW - b.facilityKW)
        }
        #expect(Self.growing.stageYears == [1, 3, 6])
        #expect(basis.year == margins.min { $0.1 < $1.1 }!.0)
        #expect(basis.warning(hasGensets: true)?.contains("the campus of year") ?? basis.firmAtNPlusOne)
    }
}
