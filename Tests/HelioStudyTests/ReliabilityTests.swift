import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioStudy

/// `heliogrid reliability`: the textbook capacity-outage case, fuel logistics by hand, a failure-free
/// run equal to the simulation, seeds, and the `[reliability]` section's errors.
@Suite struct ReliabilityTests {
    /// Hourly inputs of one year with a constant load and no PV.
    static func constantInputs(loadKW: Double) -> SimulationInputs {
        let axis = TimeAxis(stepMinutes: 60, utcOffsetMinutes: -420)
        let load = [Double](repeating: loadKW, count: axis.stepsPerYear)
        return SimulationInputs(axis: axis, load: CampusLoad(itKW: load, facilityKW: load),
                                pvAvailableKW: [Double](repeating: 0, count: axis.stepsPerYear),
                                gridCarbonGPerKWh: [Double](repeating: 400, count: axis.stepsPerYear))
    }

    /// The default scenario with gensets only: `units` × `unitKW`.
    static func gensetsOnly(units: Int, unitKW: Double) -> Scenario {
        var scenario = TestData.defaultScenario
        scenario.pv = nil
        scenario.battery = nil
        scenario.diesel = DieselConfig(units: units, unitKW: unitKW)
        return scenario
    }

    /// A plant that never fails: huge MTTFs, no failed starts.
    static func neverFailing(_ scenario: Scenario) -> ReliabilityConfig {
        var config = ReliabilityConfig(scenario: scenario)
        config.gensetFailToStart = 0
        (config.gensetMTTFHours, config.batteryMTTFHours, config.pvMTTFHours) = (1e15, 1e15, 1e15)
        return config
    }

    /// Constant 2,500 kW on four 1,000 kW gensets, each available A = MTTF / (MTTF + MTTR) = 80 / 100:
    /// the load is short whenever fewer than k = 3 work, so LOLP is the capacity-outage probability
    /// Σ_{j<3} C(4,j) A^j (1−A)^(4−j) = 1 − A⁴ − 4A³(1−A) = 0.1808 (Billinton & Allan), and
    /// EENS = 8,760 h · Σ_j P(j) · (2,500 − 1,000 j)⁺ = 8.76 · (0.1536 · 500 + 0.0256 · 1,500 + 0.0016 · 2,500)
    /// = 1,044.2 MWh a year.
    @Test func capacityOutageProbabilityOfIdenticalGensets() async throws {
        var scenario = Self.gensetsOnly(units: 4, unitKW: 1_000)
        var config = Self.neverFailing(scenario)
        (config.gensetMTTFHours, config.gensetMTTRHours) = (80, 20)
        scenario.reliability = config
        let study = try ReliabilityStudy(scenario: scenario, inputs: Self.constantInputs(loadKW: 2_500))
        let result = try await study.run(samples: 200, seed: 7)

        let a = 0.8
        func binomial(_ n: Int, _ k: Int) -> Double { Double((0..<k).reduce(1) { $0 * (n - $1) / ($1 + 1) }) }
        let p = (0...4).map { j in binomial(4, j) * pow(a, Double(j)) * pow(1 - a, Double(4 - j)) }
        let lolp = p[0] + p[1] + p[2]
        #expect(abs(lolp - 0.1808) < 1e-12)
        let shortKW: [Double] = [2_500, 1_500, 500]
        let eens = 8.76 * (p[0] * shortKW[0] + p[1] * shortKW[1] + p[2] * shortKW[2])
        #expect(abs(eens - 1_044.192) < 1e-9)
        #expect(result.lolp.ci95 < 0.01)
        #expect(abs(result.lolp.mean - lolp) < 2 * result.lolp.ci95, "LOLP \(result.lolp) against \(lolp)")
        // A unit starting in an hour after its repair gives all but its 10 s start delay: EENS is up to 0.3 % high.
        #expect(abs(result.eensMWhPerYear.mean - eens) < 2 * result.eensMWhPerYear.ci95 + 0.005 * eens, "EENS \(result.eensMWhPerYear) against \(eens)")
        let lole = result.loleHoursPerYear.mean
        #expect(abs(lole - result.lolp.mean * 8_760) < 1e-6)
    }

    /// Grid outages on four 1,000 kW gensets carrying a constant 2,500 kW (k = 3 needed), each start
    /// failing with p = 0.1, each unit failing after an exponential time of mean 50 h, no repair: the
    /// fleet serves H hours with probability
    /// Σ_{j≥3} C(4,j) (1−p)^j p^(4−j) · Σ_{i=3}^{j} C(j,i) q^i (1−q)^(j−i), q = exp(−H/50).
    @Test func outageSurvivalOfIdenticalGensets() async throws {
        var scenario = Self.gensetsOnly(units: 4, unitKW: 1_000)
        scenario.grid.enabled = true
        scenario.grid.importKW = 5_000
        var config = Self.neverFailing(scenario)
        config.gensetFailToStart = 0.1
        config.gensetMTTFHours = 50
        config.outageDurationsHours = [1, 4, 8, 24, 48]
        config.outageSamplesPerHour = 2
        scenario.reliability = config
        let study = try ReliabilityStudy(scenario: scenario, inputs: Self.constantInputs(loadKW: 2_500))
        let curve = try await OutageSurvival(study: study).run(seed: 3)

        func binomial(_ n: Int, _ k: Int) -> Double { Double((0..<k).reduce(1) { $0 * (n - $1) / ($1 + 1) }) }
        let p = 0.1
        for point in curve {
            let q = exp(-Double(point.hours) / 50)
            var exact = 0.0
            for j in 3...4 {
                var lasting = 0.0
                for i in 3...j { lasting += binomial(j, i) * pow(q, Double(i)) * pow(1 - q, Double(j - i)) }
                exact += binomial(4, j) * pow(1 - p, Double(j)) * pow(p, Double(4 - j)) * lasting
            }
            #expect(point.ci95 < 0.01)
            #expect(abs(point.probability - exact) < 2 * point.ci95 + 1e-12, "\(point.hours) h: \(point.probability) ± \(point.ci95) against \(exact)")
        }
        #expect(curve.map(\.hours) == [1, 4, 8, 24, 48])
        // An off-grid campus has no outage to survive.
        #expect(throws: HelioError.self) { try OutageSurvival(study: try ReliabilityStudy(scenario: Self.gensetsOnly(units: 4, unitKW: 1_000),
                                                                                        inputs: Self.constantInputs(loadKW: 2_500))) }
    }

    /// One 2,000 kW genset on a constant 1,000 kW, fuel 0.018 L/kWh rated + 0.245 L/kWh: 281 L/h, and
    /// 526 L for an hour at rating, the fuel a unit needs to be put in service. A 2,810 L tank runs it
    /// 9 hours (2,810 − 8 · 281 = 562 ≥ 526; 281 after 9 is not); a delivery every day, never late,
    /// refills it at midnight. So each day has 9 served hours and one 15-hour shortfall: LOLE 5,475 h,
    /// 365 shortfalls, EENS 5,475 MWh, 364 deliveries and 9 · 281 · 365 = 923,085 L.
    @Test func fuelTankAndDeliveriesByHand() async throws {
        var scenario = Self.gensetsOnly(units: 1, unitKW: 2_000)
        scenario.diesel?.fuelInterceptLPerKWhRated = 0.018
        scenario.diesel?.fuelSlopeLPerKWh = 0.245
        var config = Self.neverFailing(scenario)
        config.fuelTankL = 2_810
        config.fuelDeliveryIntervalDays = 1
        config.fuelDeliveryDelayMeanHours = 0
        scenario.reliability = config
        let study = try ReliabilityStudy(scenario: scenario, inputs: Self.constantInputs(loadKW: 1_000))
        let sample = study.sample(0, seed: 1)
        #expect(sample.lossOfLoadHours == 5_475)
        #expect(sample.shortfalls == 365)
        #expect(abs(sample.unservedKWh - 5_475_000) < 1e-6)
        #expect(sample.deliveries == 364)
        #expect(abs(sample.fuelL - 923_085) < 1e-6)
        #expect(abs(sample.lowestTankL - (2_810 - 9 * 281)) < 1e-9)
        let result = try await study.run(samples: 2, seed: 1)
        #expect(abs(result.meanShortfallHours.mean - 15) < 1e-12)
        let autonomy = try #require(result.fuelAutonomyDays)
        #expect(abs(autonomy.mean - 2_810 / (923_085.0 / 365)) < 1e-9)
        // The plain year (fuel unlimited) burns 281 L/h: the worst week 7 · 24 · 281 = 47,208 L, so
        // the tank lasts 2,810 / 6,744 days at that burn; the resupply window is the 1-day interval
        // (an on-time delay), 24 · 281 = 6,744 L.
        let windows = try #require(result.fuelWindows)
        #expect(abs(windows.worstWeekL - 47_208) < 1e-6 && windows.resupplyHours == 24 && abs(windows.resupplyTankL - 6_744) < 1e-6)
        #expect(abs((result.fuelAutonomyWorstWeekDays ?? 0) - 2_810.0 / 6_744) < 1e-12)
    }

    /// Worst windows by hand, the series repeating: [4, 0, 0, 5] over 2 steps is 5 + 4 = 9 (across the
    /// year's end), over 5 steps the whole 9 plus the best single step, 5; an exponential delay's
    /// 95th percentile is ln 20 ≈ 2.996 means.
    @Test func worstFuelWindowsByHand() {
        #expect(FuelWindows.worstWindow([1, 2, 3, 4], steps: 2) == 7)
        #expect(FuelWindows.worstWindow([4, 0, 0, 5], steps: 2) == 9)
        #expect(FuelWindows.worstWindow([4, 0, 0, 5], steps: 5) == 14)
        #expect(FuelWindows.worstWindow([4, 0, 0, 5], steps: 4) == 9)
        #expect(abs(FuelWindows.delayP95Hours(meanHours: 24) - 24 * log(20)) < 1e-12)
    }

    /// Without failures a sample-year is the simulation itself: the same fuel, unserved energy and starts.
    @Test func failureFreeSampleIsTheSimulation() throws {
        var scenario = TestData.defaultScenario
        scenario.reliability = Self.neverFailing(scenario)
        let study = try ReliabilityStudy(scenario: scenario, weather: TestData.phoenix)
        let sample = study.sample(3, seed: 11)
        let totals = TestData.hybrid.totals
        #expect(sample.fuelL == totals.fuelL && sample.unservedKWh == totals.unservedKWh && sample.failedStarts == 0)
        #expect(sample.loadKWh == totals.loadKWh)
    }

    /// The default campus with its default failure rates: the same seed gives the same samples, another
    /// seed others; failed starts happen at about the rate of starts × 0.0094; energy still balances.
    @Test func seededAndReproducible() async throws {
        let study = try ReliabilityStudy(scenario: TestData.defaultScenario, weather: TestData.phoenix)
        let first = try await study.run(samples: 4, seed: 5)
        let again = try await study.run(samples: 4, seed: 5)
        let other = try await study.run(samples: 4, seed: 6)
        #expect(first.samples == again.samples)
        #expect(first.samples != other.samples)
        let starts = Double(TestData.hybrid.totals.dieselStarts)
        let failed = Double(first.samples.reduce(0) { $0 + $1.failedStarts }) / 4
        #expect(failed > 0.3 * 0.0094 * starts && failed < 3 * 0.0094 * starts, "\(failed) failed of about \(starts) starts")
    }

    /// Bad `[reliability]` keys name the file and key; MPC is refused.
    @Test func badSectionsAreNamed() throws {
        let file = TestData.defaultScenario.source
        let base = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n[reliability]")[0]
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        let cases: [(String, String)] = [
            ("[reliability]\ngenset_fail_to_start = 1.5\n", "reliability.genset_fail_to_start"),
            ("[reliability]\nfuel_delivery_interval_days = 3\n", "fuel deliveries need a tank"),
            ("[reliability]\ngenset_mttr_hours = 0\n", "reliability.genset_mttr_hours"),
            ("[reliability]\nbattery_strings = 0\n", "the battery needs at least one string"),
            ("[reliability]\nspare_parts = 3\n", "spare_parts"),
        ]
        for (section, expected) in cases {
            do {
                _ = try ScenarioLoader.parse(text: base + "\n" + section, file: file, baseDirectory: folder)
                Issue.record("\(section) was accepted")
            } catch let error as HelioError {
                #expect(error.description.contains(expected) && error.description.contains(file), "\(error)")
            }
        }
        var mpc = TestData.defaultScenario
        mpc.dispatch.strategy = .mpc
        #expect(throws: HelioError.self) { try ReliabilityStudy(scenario: mpc, inputs: Self.constantInputs(loadKW: 1)) }
    }
}
