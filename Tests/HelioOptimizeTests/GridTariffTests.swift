import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioOptimize
@testable import HelioStudy

/// Grid prices by step, export, demand and fixed charges (docs/grid.md), on the hand cases
/// (Tests/HelioTestSupport/Fixtures/grid) and small handmade inputs.
@Suite struct GridTariffTests {
    static func scenario(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: TestData.fixture("grid/\(name).toml"))
    }

    static func bill(_ scenario: Scenario) throws -> (result: SimulationResult, summaryCost: Double) {
        let result = try CampusRun.run(scenario, recordSeries: false)
        #expect(result.maxBalanceErrorFraction < 1e-9)
        return (result, result.yearly[0].gridCost)
    }

    /// A flat 1,000 kW load, 0.30 USD/kWh from 17:00 to 21:00 and 0.10 otherwise, an ideal 4,000 kWh /
    /// 1,000 kW battery: the LP charges 4,000 kWh in cheap hours and carries the evening, 20 h × 100 +
    /// 400 = 2,400 USD a day, 876,000 a year; without the battery 20 × 100 + 4 × 300 = 3,200 a day,
    /// 1,168,000 a year. The economics' year-1 grid cost is the bill.
    @Test func timeOfUseArbitrageByHand() throws {
        let scenario = try Self.scenario("tou-battery")
        let (result, cost) = try Self.bill(scenario)
        #expect(abs(cost - 876_000) < 1e-3, "\(cost)")
        #expect(abs(LifetimeEconomics(result: result).gridCostYear1 - 876_000) < 1e-3)
        var bare = scenario
        bare.battery = nil
        #expect(abs(try Self.bill(bare).summaryCost - 1_168_000) < 1e-3)
    }

    /// The same load with a daily one-hour spike to 3,000 kW at a flat 0.10 USD/kWh and 20 USD per
    /// kW-month, an ideal 4,000 kWh / 2,000 kW battery starting at the steady 416.7 kWh: shaving the
    /// spike to P and recharging over the other 23 hours needs 23 (P − 1,000) ≥ 3,000 − P, so P =
    /// 26,000 / 24 = 1,083.3 kW a month, 949,000 USD of energy (9,490 MWh at 0.10, whatever the
    /// battery does: it is ideal) and 12 × 1,083.3 × 20 = 260,000 of demand charges, 1,209,000 USD.
    /// The LP may do a little better, carrying stored energy from long months into short ones; never
    /// worse. Without the battery every month peaks at 3,000 kW: 949,000 + 720,000.
    @Test func demandChargeShavesTheSpikeByHand() throws {
        let scenario = try Self.scenario("demand-battery")
        let (result, cost) = try Self.bill(scenario)
        let year = result.yearly[0]
        #expect(abs(year.gridImportCost - 949_000) < 1e-3)
        #expect(cost <= 1_209_000 + 1e-3 && cost >= 1_209_000 * (1 - 1e-4), "\(cost)")
        #expect(year.monthlyPeakImportKW.count == 12)
        #expect(year.monthlyPeakImportKW.allSatisfy { abs($0 - 26_000.0 / 24) < 0.003 * 26_000 / 24 }, "\(year.monthlyPeakImportKW)")
        #expect(abs(year.gridDemandCharge - 20 * year.monthlyPeakImportKW.reduce(0, +)) < 1e-6)
        var bare = scenario
        bare.battery = nil
        let bill = try Self.bill(bare).result.yearly[0]
        #expect(bill.monthlyPeakImportKW == Array(repeating: 3000, count: 12))
        #expect(abs(bill.gridCost - 1_669_000) < 1e-3)
    }

    /// The rule EMS on both hand cases. Time of use: at 0.10 the grid serves and charges the battery
    /// (full by 04:00), from 17:00 the battery carries the evening, so every day costs 2,400 as the LP's;
    /// only the last day's night charge, 3,000 kWh at 0.10, is left in the battery: 876,300. Demand
    /// charge: from the second day the shaving level is yesterday's 26,000 / 24 = 1,083.3 kW, so every
    /// month from February peaks there; on the first day there is no yesterday and the spike meets an
    /// empty battery: January peaks at 3,000 kW.
    @Test func ruleEMSShiftsAndShavesByHand() throws {
        var tou = try Self.scenario("tou-battery")
        tou.dispatch.strategy = .rule
        #expect(abs(try Self.bill(tou).summaryCost - 876_300) < 1e-3)
        var demand = try Self.scenario("demand-battery")
        demand.dispatch.strategy = .rule
        let peaks = try Self.bill(demand).result.yearly[0].monthlyPeakImportKW
        #expect(peaks[0] == 3000 && peaks.dropFirst().allSatisfy { abs($0 - 26_000.0 / 24) < 1e-6 }, "\(peaks)")
    }

    /// MPC on both hand cases, the tariff as a perfect day-ahead forecast. Time of use: as the rule,
    /// 876,300 (every day 2,400; the last night's charge is kept for an evening its look-ahead expects).
    /// Demand charge: the load forecast is yesterday's, so on the first day the spike is not foreseen
    /// and January peaks at 3,000 kW; every later month peaks at the hand value 1,083.3 kW.
    /// Yesterday's prices as the forecast give the same bill here: the tariff repeats every day. The
    /// hand values are the point-forecast MPC's (`forecast_members = 1`).
    @Test func mpcPlansOnPriceForecastsByHand() throws {
        for forecast in DispatchConfig.PriceForecast.allCases {
            var tou = try Self.scenario("tou-battery")
            tou.dispatch.strategy = .mpc
            tou.dispatch.forecastMembers = 1
            tou.dispatch.priceForecast = forecast
            let cost = try Self.bill(tou).summaryCost
            #expect(abs(cost - 876_300) < 1e-3, "\(forecast): \(cost)")
        }
        var demand = try Self.scenario("demand-battery")
        demand.dispatch.strategy = .mpc
        demand.dispatch.forecastMembers = 1
        let peaks = try Self.bill(demand).result.yearly[0].monthlyPeakImportKW
        #expect(abs(peaks[0] - 3000) < 1e-6 && peaks.dropFirst().allSatisfy { abs($0 - 26_000.0 / 24) < 0.1 }, "\(peaks)")
    }

    /// The shaving level by hand: 23 hours at 1,000 kW and one at 3,000, a 4,000 kWh / 2,000 kW ideal
    /// battery: 26,000 / 24 kW. With a 1,000 kWh battery the energy binds: 3,000 − 1,000 = 2,000 kW.
    @Test func shavingLevelByHand() {
        let day = Array(repeating: 1000.0, count: 18) + [3000] + Array(repeating: 1000.0, count: 5)
        #expect(abs(PeakShavingThreshold.level(day, usableKWh: 4000, powerKW: 2000, roundTrip: 1, hours: 1) - 26_000.0 / 24) < 1e-6)
        #expect(abs(PeakShavingThreshold.level(day, usableKWh: 1000, powerKW: 2000, roundTrip: 1, hours: 1) - 2000) < 1e-6)
    }

    /// The shipped example (examples/campus-grid): the default campus behind a 10 MW connection with a
    /// weekday time-of-use tariff and a demand charge, rule EMS. Every step balances; the bill is its
    /// parts (imports − exports + 15 × Σ monthly peaks + 12 × 500); no import exceeds the 10 MW limit;
    /// and in the dear hours (0.24 USD/kWh) the grid imports only when the battery gives what it can
    /// that step (at its power, or down to the start threshold).
    @Test func exampleCampusBehindAWeakGrid() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/campus-grid/campus-grid.toml").path
        let scenario = try ScenarioLoader.load(path: path)
        let inputs = try SimulationInputs.prepare(scenario)
        var rule: any DispatchStrategy = RuleBasedDispatch(config: scenario.dispatch)
        let result = SimulationEngine.run(scenario, inputs: inputs, strategy: &rule, recordSeries: true)
        #expect(result.maxBalanceErrorFraction < 1e-9)
        let year = result.yearly[0], series = try #require(result.series)
        #expect(abs(year.gridDemandCharge - 15 * year.monthlyPeakImportKW.reduce(0, +)) < 1e-6 && year.gridFixedCharge == 6000)
        #expect(abs(year.gridCost - (year.gridImportCost - year.gridExportRevenue + year.gridDemandCharge + 6000)) < 1e-6)
        #expect(year.monthlyPeakImportKW.allSatisfy { $0 <= 10_000 + 1e-6 } && year.gridImportKWh > 0)
        let battery = try #require(scenario.battery), floor = max(scenario.dispatch.dieselStartSOC, battery.reserveSOC)
        let dearImports = inputs.gridPricePerKWh.indices.filter { inputs.gridPricePerKWh[$0] == 0.24 && series.gridKW[$0] > 1e-6 }
        #expect(dearImports.allSatisfy { series.batteryKW[$0] >= battery.powerKW - 1e-6 || series.soc[$0] <= floor + 1e-6 },
                "\(dearImports.prefix(5).map { (series.batteryKW[$0], series.soc[$0]) })")
    }

    /// Export revenue and fixed charges by hand: 1,000 kW exported for a year at 0.05 is 438,000 USD
    /// of revenue; a fixed charge of 1,000 a month adds 12,000; escalated 10 % a year, year 2 bills 1.1 ×.
    @Test func exportRevenueFixedChargeAndEscalation() throws {
        var totals = EnergyTotals()
        totals.gridExportRevenue = 438_000
        totals.gridFixedCharge = 12_000
        totals.gridImportCost = 100_000
        #expect(totals.gridCost == 100_000 - 438_000 + 12_000)
        var scenario = try Self.scenario("tou-battery")
        scenario.grid.priceEscalation = 0.1
        scenario.economics.projectYears = 2
        let economics = LifetimeEconomics(components: [], yearly: [totals], assumptions: EconomicAssumptions(scenario: scenario))
        #expect(abs(economics.cashFlows[1].gridEnergy - (100_000 - 438_000)) < 1e-6 && economics.cashFlows[1].gridCharges == 12_000)
        #expect(abs(economics.cashFlows[2].gridEnergy - 1.1 * (100_000 - 438_000)) < 1e-6)
        #expect(abs(economics.cashFlows[2].gridCharges - 1.1 * 12_000) < 1e-6)
    }

    /// An hourly tariff on a 15-minute run holds each hour's price over its four steps (no blur at
    /// 17:00), and the month boundaries fall on the first step of each month.
    @Test func hourlyPricesHoldOnFinerSteps() throws {
        var scenario = try Self.scenario("tou-battery")
        scenario.site.timestepMinutes = 15
        let inputs = try SimulationInputs.prepare(scenario)
        let prices = inputs.gridPricePerKWh
        #expect(prices.count == 35_040)
        #expect(prices[16 * 4 + 3] == 0.10 && prices[17 * 4] == 0.30 && prices[20 * 4 + 3] == 0.30 && prices[21 * 4] == 0.10)
        let months = BillingMonths(simulation: inputs.axis)
        #expect(months.stepRangesOfYear.prefix(3).map(\.lowerBound) == [0, 31 * 96, 59 * 96] && months.stepRangesOfYear.last?.upperBound == 35_040)
        #expect(months.month(ofStep: 31 * 96 - 1) == 0 && months.month(ofStep: 31 * 96) == 1 && months.month(ofStep: 35_040) == 12)
        #expect(months.stepsToNextMonth(from: 31 * 96 - 4) == 4 && months.stepsToNextMonth(from: 35_040 + 31 * 96) == 28 * 96)
    }

    /// Bad tariff input names the file and line, or the key, and why.
    @Test func badTariffInputIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("heliogrid-tariff-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let base = try String(contentsOfFile: TestData.fixture("grid/tou-battery.toml"), encoding: .utf8)
            .replacingOccurrences(of: "../tucson-az-722740.epw", with: TestData.fixture("tucson-az-722740.epw"))
            .replacingOccurrences(of: "flat-1000.csv", with: TestData.fixture("grid/flat-1000.csv"))
        let lines = try String(contentsOfFile: TestData.fixture("grid/tou-price.csv"), encoding: .utf8).split(separator: "\n")
        var broken = lines
        broken[5] = "2026-01-01T04:00:00-07:00,cheap"
        try broken.joined(separator: "\n").write(toFile: folder + "/bad-price.csv", atomically: true, encoding: .utf8)
        try lines.joined(separator: "\n").write(toFile: folder + "/tou-price.csv", atomically: true, encoding: .utf8)
        func expectError(_ toml: String, _ check: (HelioError) -> Bool) throws {
            try toml.write(toFile: folder + "/s.toml", atomically: true, encoding: .utf8)
            #expect { _ = try SimulationInputs.prepare(try ScenarioLoader.load(path: folder + "/s.toml")) } throws: { error in
                guard let error = error as? HelioError else { return false }
                return check(error)
            }
        }
        try expectError(base.replacingOccurrences(of: "tou-price.csv", with: "bad-price.csv")) { $0.line == 6 && $0.file?.hasSuffix("bad-price.csv") == true }
        try expectError(base.replacingOccurrences(of: "price_csv =", with: "price_per_kwh = 0.1\nprice_csv =")) { $0.key == "grid.price_csv" }
        try expectError(base.replacingOccurrences(of: "carbon_g_per_kwh = 0", with: "carbon_g_per_kwh = 0\nexport_kw = 100\nexport_price_per_kwh = 0.2")) {
            $0.key == "grid.export_price_per_kwh" && $0.description.contains("above the import price 0.1 at")
        }
        try base.write(toFile: folder + "/s.toml", atomically: true, encoding: .utf8)
        #expect(try SimulationInputs.prepare(try ScenarioLoader.load(path: folder + "/s.toml")).gridPricePerKWh[17] == 0.30)
    }
}
