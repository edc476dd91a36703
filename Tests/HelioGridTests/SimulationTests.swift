import Foundation
import HelioReport
import HelioTestSupport
import Testing
@testable import HelioGrid

@Suite struct SimulationTests {
    static func run(_ scenario: Scenario) throws -> SimulationResult {
        try TestData.run(scenario, recordSeries: true)
    }

    static func scenario(timestep: Int = 60, years: Int = 1) -> Scenario {
        var s = TestData.defaultScenario
        s.site.timestepMinutes = timestep
        s.site.years = years
        return s
    }

    /// Power balance, physical limits and the carbon of every step; totals equal the sums of steps.
    /// Violations are collected per rule and reported with the first step that broke it.
    @Test(arguments: [60, 30, 15, 5, 1])
    func everyStepBalancesAndRespectsLimits(timestep: Int) throws {
        let s = Self.scenario(timestep: timestep)
        let r = try Self.run(s)
        let series = try #require(r.series)
        let hours = r.axis.stepHours
        let battery = s.battery!, diesel = s.diesel!
        let kgPerL = diesel.emissionFactor(gwp: s.carbon.gwp).kgCO2ePerL
        var firstBreach: [String: Int] = [:]
        func check(_ rule: String, _ holds: Bool, _ step: Int) {
            if !holds && firstBreach[rule] == nil { firstBreach[rule] = step }
        }
        let retention = pow(1 - battery.selfDischargePerDay, hours / 24)
        var fuelL = 0.0, co2Kg = 0.0
        for i in 0..<series.count {
            let load = series.loadKW[i]
            let supply = series.pvKW[i] + series.batteryKW[i] + series.dieselKW[i] + series.gridKW[i] + series.unservedKW[i]
            check("power balance", abs(supply - load) <= 1e-6 * load, i)
            check("PV within available", series.pvKW[i] >= -1e-9 && series.pvKW[i] <= series.pvAvailableKW[i] + 1e-9, i)
            check("PV used + curtailed = available", abs(series.pvKW[i] + series.curtailedKW[i] - series.pvAvailableKW[i]) < 1e-6, i)
            check("battery power limit", abs(series.batteryKW[i]) <= battery.powerKW + 1e-9, i)
            check("SOC limits", series.soc[i] >= battery.socMin * retention - 1e-12 && series.soc[i] <= battery.socMax + 1e-9, i)
            let units = Double(series.dieselUnits[i])
            check("units in fleet", series.dieselUnits[i] <= diesel.units, i)
            check("minimum load per running unit", series.dieselKW[i] >= units * diesel.minLoadRatio * diesel.unitKW - 1e-9, i)
            check("rated power", series.dieselKW[i] <= units * diesel.unitKW + 1e-9, i)
            check("unserved non-negative", series.unservedKW[i] >= 0, i)
            let fleetAtLimit = series.dieselUnits[i] == diesel.units && series.dieselKW[i] >= Double(diesel.units) * diesel.unitKW * 0.99
            // Self-discharge after a step that ends exactly at the threshold may take SOC a hair below it.
            check("battery below the start threshold only with the fleet at its limit",
                  series.soc[i] >= s.dispatch.dieselStartSOC * retention - 1e-12 || fleetAtLimit || series.batteryKW[i] <= 0, i)
            let stepFuel = series.dieselUnits[i] > 0
                ? (diesel.fuelInterceptLPerKWhRated * diesel.unitKW * units + diesel.fuelSlopeLPerKWh * series.dieselKW[i]) * hours : 0
            fuelL += stepFuel
            check("carbon = fuel × factor", abs(series.co2Kg[i] - stepFuel * kgPerL) < 1e-6, i)
            co2Kg += series.co2Kg[i]
            // Gensets start only when the battery could not carry the deficit above the start threshold.
            if i > 0 && series.dieselUnits[i - 1] == 0 && series.dieselUnits[i] > 0 {
                let deficitKWh = (load - series.pvAvailableKW[i]) * hours
                let aboveThresholdKWh = (series.soc[i - 1] - s.dispatch.dieselStartSOC) * battery.energyKWh * battery.dischargeEfficiency
                check("start only below the threshold", deficitKWh > aboveThresholdKWh - 1e-6, i)
            }
        }
        #expect(firstBreach.isEmpty, "rules broken (first step): \(firstBreach)")
        let t = r.totals
        #expect(abs(t.fuelL - fuelL) < 1e-6 * fuelL)
        #expect(abs(t.emissionsKgCO2e - co2Kg) < 1e-6 * co2Kg)
        #expect(abs(t.loadKWh - series.loadKW.reduce(0, +) * hours) < 1e-6 * t.loadKWh)
        #expect(abs(t.servedKWh + t.unservedKWh - t.loadKWh) < 1e-6 * t.loadKWh)
        let sources = t.pvUsedKWh + t.batteryDischargeKWh - t.batteryChargeKWh + t.dieselKWh + t.gridImportKWh - t.gridExportKWh
        #expect(abs(sources - t.servedKWh) < 1e-6 * t.servedKWh)
        #expect(r.maxBalanceErrorFraction < 1e-9)
        #expect(t.unservedKWh == 0, "the reference campus is fully served")
    }

    @Test func annualEnergyAgreesAcrossTimesteps() throws {
        let hourly = try Self.run(Self.scenario(timestep: 60)).totals
        let fine = try Self.run(Self.scenario(timestep: 5)).totals
        #expect(abs(fine.loadKWh / hourly.loadKWh - 1) < 0.005)
        #expect(abs(fine.pvAvailableKWh / hourly.pvAvailableKWh - 1) < 0.01)
        #expect(abs(fine.dieselKWh / hourly.dieselKWh - 1) < 0.10)
    }

    @Test func multiYearRunsAgePVAndBattery() throws {
        let r = try Self.run(Self.scenario(years: 3))
        #expect(r.steps == 3 * 8760 && r.series?.count == 3 * 8760)
        let degradation = TestData.defaultScenario.pv!.degradationPerYear
        #expect(abs(r.yearly[1].pvAvailableKWh / r.yearly[0].pvAvailableKWh - (1 - degradation)) < 1e-9)
        #expect(abs(r.yearly[2].pvAvailableKWh / r.yearly[0].pvAvailableKWh - pow(1 - degradation, 2)) < 1e-9)
        let oneYear = try Self.run(Self.scenario(years: 1))
        #expect(r.batteryFadeFraction > 2.5 * oneYear.batteryFadeFraction)
        #expect(r.yearly[2].fuelL > r.yearly[0].fuelL, "an older plant burns more fuel")
        #expect(r.series.map { TimeAxis.timestampYear($0.count - 1, r.axis) } == 2003)
    }
}

extension TimeAxis {
    /// Calendar year of a step's stamp.
    static func timestampYear(_ step: Int, _ axis: TimeAxis) -> Int {
        Int(axis.timestamp(step: step).prefix(4))!
    }
}

@Suite struct SimulationInputSourceTests {
    /// The PV series written by `heliogrid pv --out` and read back as `production_csv` gives the same run.
    @Test func productionCSVRoundTripsThePVModel() throws {
        let base = TestData.defaultScenario
        let inputs = try SimulationInputs.prepare(base)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pv.csv").path
        try OutputFiles.write(PVSeriesCSV.render(acKW: inputs.pvAvailableKW, axis: inputs.axis, firstYear: 2031), to: path)
        var measured = base
        measured.pv?.productionCSVPath = path
        let modelled = try TestData.run(base, recordSeries: false).totals
        let replayed = try TestData.run(measured, recordSeries: false).totals
        #expect(abs(replayed.pvAvailableKWh / modelled.pvAvailableKWh - 1) < 1e-6)
        #expect(abs(replayed.fuelL / modelled.fuelL - 1) < 1e-4)
    }

    /// An IT-power CSV with cooling applied reproduces the GPU-cluster model's facility load.
    @Test func itLoadCSVAppliesCooling() throws {
        // The cooling plant's design IT is the model's peak for the model and the series' highest value
        // for a CSV; with the overhead fully proportional the two agree exactly.
        var base = TestData.defaultScenario
        base.load.cooling.fixedShare = 0
        let inputs = try SimulationInputs.prepare(base)
        var text = "timestamp,it_kw\n"
        for (step, value) in inputs.load.itKW.enumerated() {
            text += inputs.axis.timestamp(step: step) + "," + String(value) + "\n"
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("it.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var csv = base
        csv.load.kind = .csv
        csv.load.csvPath = path
        let replayed = try SimulationInputs.prepare(csv)
        #expect(zip(replayed.load.facilityKW, inputs.load.facilityKW).allSatisfy { abs($0 - $1) < 1e-9 * $1 })
    }

    /// With a grid: imports before gensets, Scope 2 = imports × factor, renewable fraction counts grid as non-renewable.
    @Test func gridImportCarriesScope2() throws {
        var s = TestData.defaultScenario
        s.grid.enabled = true
        s.grid.importKW = 5_000
        s.grid.carbonGPerKWh = 450
        let r = try TestData.run(s, recordSeries: false)
        let t = r.totals
        #expect(t.gridImportKWh > 0)
        #expect(abs(t.scope2LocationKgCO2e - t.gridImportKWh * 0.45) < 1e-6 * t.scope2LocationKgCO2e)
        let islanded = try TestData.run(TestData.defaultScenario, recordSeries: false).totals
        #expect(t.fuelL < islanded.fuelL)
        #expect(abs(t.renewableFraction - (1 - (t.dieselKWh + t.gridImportKWh) / t.servedKWh)) < 1e-12)
    }

    /// A run bound to a step counter leaves it at the run's step count (two years of hours); a
    /// second run counts on from there, and within a run the count is the run's own step.
    @Test func stepCounterFollowsTheRuns() throws {
        var scenario = TestData.defaultScenario
        scenario.site.years = 2
        let counter = StepCounter()
        _ = try StepCounter.$current.withValue(counter) { try TestData.run(scenario, recordSeries: false) }
        #expect(counter.value == 2 * 8760)
        #expect(StepCounter.current == nil)   // bound for that run only
        _ = try StepCounter.$current.withValue(counter) { try TestData.run(scenario, recordSeries: false) }
        #expect(counter.value == 4 * 8760)
        counter.set(100)
        #expect(counter.value == 4 * 8760 + 100)
    }
}
