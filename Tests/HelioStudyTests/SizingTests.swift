import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid
import HelioOptimize
@testable import HelioStudy

/// `heliogrid size`: the `[size]` section, the design list and its shards, ranking by hand, and a
/// small study on the Phoenix year checked against direct simulation.
@Suite struct SizingTests {
    /// The default scenario's text with its `[size]` section replaced by `size`.
    static func scenario(size: String) throws -> Scenario {
        let text = try String(contentsOfFile: TestData.defaultScenario.source, encoding: .utf8)
        let head = text.components(separatedBy: "\n[size]")[0]
        let folder = URL(fileURLWithPath: TestData.defaultScenario.source).deletingLastPathComponent().path
        return try ScenarioLoader.parse(text: head + "\n" + size, file: TestData.defaultScenario.source, baseDirectory: folder)
    }

    static let small = """
        [size]
        pv_kw = [60000.0, 80000.0]
        battery_kwh = { min = 200000.0, max = 300000.0, step = 100000.0 }
        battery_hours = [4.0]
        diesel_units = [11, 12]
        max_intensity_g_per_kwh = 100.0
        n_plus_one = true
        [size.sensitivity]
        fuel_price = [1.0, 1.5]
        """

    @Test func sizeSectionListsAndTheirErrors() throws {
        let config = try #require(try Self.scenario(size: Self.small).size)
        #expect(config.pvKW == [60000, 80000] && config.batteryKWh == [200000, 300000] && config.batteryHours == [4] && config.batteryKW == nil)
        #expect(config.dieselUnits == [11, 12] && config.dieselUnitKW == [2000] && config.objective == .npc && config.dispatch == .rule)
        #expect(config.maxUnservedFraction == 0 && config.nPlusOne && config.fuelPriceFactors == [1, 1.5] && config.carbonPriceFactors == [1])
        let broken = [
            ("[size]\nbattery_kw = [1.0]\nbattery_hours = [2.0]", "size.battery_hours"),
            ("[size]\ndiesel_units = [9.5]", "size.diesel_units"),
            ("[size]\npv_kw = { min = 5.0, max = 1.0, step = 1.0 }", "size.pv_kw"),
            ("[size]\npv_kw = [2.0, 1.0]", "size.pv_kw"),
            ("[size]\npv_kwp = [1.0]", "size.pv_kwp"),
            ("[size]\npv_kw = { min = 0.0, max = 1.0, stride = 1.0 }", "size.pv_kw.step"),
            ("[size]\nobjective = \"profit\"", "size.objective"),
        ]
        for (text, key) in broken {
            #expect(throws: HelioError.self) { try Self.scenario(size: text) }
            do { _ = try Self.scenario(size: text) } catch let error as HelioError { #expect(error.key == key, "\(error)") }
        }
    }

    /// Ten designs in four shards: 3, 3, 2, 2, contiguous and in order.
    @Test func shardsAreContiguousBalancedSlices() {
        #expect((0..<4).map { SizingStudy.shard($0, of: 4, count: 10) } == [0..<3, 3..<6, 6..<8, 8..<10])
        #expect(SizingStudy.shard(0, of: 1, count: 7) == 0..<7 && SizingStudy.shard(2, of: 3, count: 2) == 2..<2)
    }

    /// Five outcomes worked by hand (NPC, g/kWh, limits, objectives in two cases):
    /// A 100, 50, met, [100, 90]; B 90, 120, intensity broken, [90, 95]; C 80, 200, unserved broken;
    /// D 110, 40, met, [110, 85]; E 120, 45, met, [120, 130]. Front by rising intensity: D (40),
    /// E is beaten by D on both, A (50, cheaper than D), B (120, cheaper than A); C is unreliable.
    /// Best: A in the base case, D in the second.
    @Test func rankingParetoAndCasesByHand() {
        func outcome(_ npc: Double, _ intensity: Double, _ violation: String, _ objectives: [Double]) -> SizingOutcome {
            SizingOutcome(design: SizingDesign(pvKW: npc, batteryKWh: 0, batteryKW: 0, dieselUnits: 1, dieselUnitKW: 1), npc: npc, lcoePerKWh: 0,
                          capex: 0, intensityGPerKWh: intensity, renewableFraction: 0, unservedKWh: 0, unservedFraction: 0, fuelL: 0,
                          lifetimeEmissionsT: 0, feasible: violation.isEmpty, violation: violation, caseObjectives: objectives)
        }
        let outcomes = [outcome(100, 50, "", [100, 90]), outcome(90, 120, "intensity 120 g/kWh above 100", [90, 95]),
                        outcome(80, 200, "unserved 0.1 of demand above 0", [80, 80]), outcome(110, 40, "", [110, 85]),
                        outcome(120, 45, "", [120, 130])]
        let result = SizingResult(outcomes: outcomes, caseCount: 2, lowerBound: nil)
        #expect(result.pareto == [3, 0, 1] && result.best == 0 && result.caseBest == [0, 3] && result.gapToBound == nil)
    }

    /// Eight designs on the Phoenix year: the study's order; a design evaluated with the scaled PV
    /// equals a fresh simulation of its scenario; `best.toml` is that scenario; the LP bound lies
    /// below the best design; the scenario's own design breaks the 100 g/kWh limit.
    @Test func smallStudyMatchesDirectSimulation() async throws {
        let scenario = try Self.scenario(size: Self.small)
        let study = try SizingStudy(scenario: scenario, weather: TestData.phoenix)
        #expect(study.designs.count == 8 && study.cases.count == 2)
        #expect(study.designs[0] == SizingDesign(pvKW: 60000, batteryKWh: 200000, batteryKW: 50000, dieselUnits: 11, dieselUnitKW: 2000))
        #expect(study.designs[1].dieselUnits == 12 && study.designs[2].batteryKWh == 300000 && study.designs[4].pvKW == 80000)
        let outcomes = try await study.evaluate(Array(study.designs.indices))
        let probe = study.designs[7]
        let direct = try CampusRun.run(study.scenario(of: probe), weather: TestData.phoenix, recordSeries: false)
        let economics = LifetimeEconomics(result: direct)
        #expect(abs(outcomes[7].fuelL / direct.totals.fuelL - 1) < 1e-9 && abs(outcomes[7].npc / economics.npc - 1) < 1e-9)
        #expect(outcomes.allSatisfy { $0.caseObjectives[1] > $0.caseObjectives[0] || $0.fuelL == 0 }, "fuel ×1.5 costs more")
        let bound = try #require(try CapacityExpansion.solve(study.capacityExpansionYear))
        let result = SizingResult(outcomes: outcomes, caseCount: study.cases.count, lowerBound: bound)
        let best = try #require(result.best)
        #expect(bound.objective < outcomes[best].npc && (60000...80000).contains(bound.pvKW) && bound.dieselUnits >= 9)
        #expect(bound.intensityGPerKWh <= 100 + 1e-6)
        let d = outcomes[best].design
        let (text, inputs) = try ScenarioDesignText.text(of: study.scenario, pvKW: d.pvKW, batteryKWh: d.batteryKWh, batteryKW: d.batteryKW,
                                                         dieselUnits: d.dieselUnits, dieselUnitKW: d.dieselUnitKW, augmentation: d.augmentation)
        // The weather file is named beside best.toml, in its inputs folder; the study's strategy is kept.
        #expect(inputs.map(\.name) == [URL(fileURLWithPath: study.scenario.site.weatherPath).lastPathComponent])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("best-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("inputs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: inputs[0].path, toPath: folder.appendingPathComponent("inputs/\(inputs[0].name)").path)
        let written = try ScenarioLoader.parse(text: text, file: "best.toml", baseDirectory: folder.path)
        #expect(written.dispatch.strategy == study.scenario.dispatch.strategy && text.contains("inputs/\(inputs[0].name)"))
        // The user's file, line for line where nothing changed: its comments and its numbers as written.
        #expect(text.contains("reserve_soc = 0.20") && !text.contains("0000000000") && text.contains("# Reference scenario: a 10,000-GPU AI training campus"))
        #expect(written.site.years == study.config.years && !text.contains("[size"))
        #expect(written.size == nil && written.pv?.dcKW == d.pvKW && written.battery?.energyKWh == d.batteryKWh && written.diesel?.units == d.dieselUnits)
        let rerun = try CampusRun.run(written, recordSeries: false)
        #expect(abs(LifetimeEconomics(result: rerun).npc / outcomes[best].npc - 1) < 1e-9)
        let reference = try study.evaluate(study.referenceDesign)
        #expect(!reference.feasible && reference.violation.hasPrefix("intensity"))
    }

    /// With flexible GPU work, a design's evaluation is its own flexible run, the battery's
    /// auxiliaries in the facility power the work is moved around.
    @Test func flexibleWorkDesignMatchesDirectSimulation() throws {
        var scenario = try Self.scenario(size: Self.small)
        scenario.dispatch.compute = .flexible
        scenario.battery?.auxiliaryKW = 300
        let study = try SizingStudy(scenario: scenario, weather: TestData.phoenix)
        let probe = study.designs[7]
        #expect((study.scenario(of: probe).battery?.auxiliaryKW ?? 0) > 0)
        let outcome = try study.evaluate(probe)
        let direct = try CampusRun.run(study.scenario(of: probe), weather: TestData.phoenix, recordSeries: false)
        #expect(abs(outcome.fuelL / direct.totals.fuelL - 1) < 1e-9 && direct.totals.compute.batchDeferredKWh > 0)
    }

    /// An EENS limit runs each design's reliability Monte Carlo (unlimited fuel here): 4 × 2 MW
    /// gensets cannot carry the campus's nights when PV and battery are spent, 10 can, through
    /// every failure drawn. The estimate is the reliability study's own on the design's scenario;
    /// MPC cannot be judged this way.
    @Test func reliabilityLimitJudgesDesignsByTheirMonteCarlo() async throws {
        let scenario = try Self.scenario(size: """
            [size]
            diesel_units = [4, 10]
            max_unserved_fraction = 1.0
            max_eens_mwh_per_year = 1.0
            reliability_samples = 3
            reliability_seed = 4
            """)
        let study = try SizingStudy(scenario: scenario, weather: TestData.phoenix)
        let outcomes = try await study.evaluate(Array(study.designs.indices))
        #expect(outcomes.map(\.design.dieselUnits) == [4, 10])
        let weak = outcomes[0], strong = outcomes[1]
        #expect(!weak.feasible && weak.violation.hasPrefix("EENS") && (weak.eensMWhPerYear ?? 0) > 1, "\(weak.violation)")
        #expect(strong.feasible && strong.eensMWhPerYear == 0 && strong.loleHoursPerYear == 0, "\(strong.violation)")
        let direct = try await ReliabilityStudy(scenario: study.scenario(of: weak.design), weather: TestData.phoenix).run(samples: 3, seed: 4)
        #expect(abs((weak.eensMWhPerYear ?? 0) / direct.eensMWhPerYear.mean - 1) < 1e-6)
        let mpc = """
            [size]
            dispatch = "mpc"
            max_lole_hours_per_year = 1.0
            """
        #expect(throws: HelioError.self) { try Self.scenario(size: mpc) }
    }

    /// `[size] dispatch = "mpc"` with `verify_top = 1`: both designs are screened with the rule EMS,
    /// the better feasible one re-simulated with MPC, which then decides; its outcome is MPC's own
    /// run of that design, and the scenario's design is judged with MPC too.
    @Test func screenedStudyVerifiesItsBestWithTheStudysStrategy() async throws {
        var scenario = try Self.scenario(size: """
            [size]
            diesel_units = [10, 11]
            dispatch = "mpc"
            verify_top = 1
            """)
        scenario.size?.years = 1
        scenario.dispatch.stepMinutes = 180
        let study = try SizingStudy(scenario: scenario, weather: TestData.phoenix)
        #expect(study.screening == .rule && study.config.screensDesigns)
        let screened = try await study.evaluate(Array(study.designs.indices))
        #expect(screened.allSatisfy { $0.dispatch == .rule && $0.feasible })
        let chosen = try #require(study.verificationIndices(screened).first)
        #expect(study.verificationIndices(screened) == [screened[0].npc <= screened[1].npc ? 0 : 1])
        let (result, reference) = try study.conclude(try await study.verified(screened))
        #expect(result.outcomes[chosen].dispatch == .mpc && result.outcomes[1 - chosen].dispatch == .rule)
        #expect(result.best == chosen || result.best == nil)
        var mpcScenario = study.scenario(of: study.designs[chosen])
        mpcScenario.dispatch.strategy = .mpc
        let direct = try CampusRun.run(mpcScenario, weather: TestData.phoenix, recordSeries: false)
        #expect(abs(result.outcomes[chosen].fuelL / direct.totals.fuelL - 1) < 1e-9)
        #expect(reference.dispatch == .mpc)
    }

    /// The LP bound is one under the simulated economics: on a two-year project every design's NPC,
    /// simulated under the rule EMS, under perfect foresight and (one design) under MPC, lies at or
    /// above it, for both the replace and maintain policies; and the gap's causes add up to it.
    @Test func boundLiesBelowEveryDesignUnderEachDispatch() async throws {
        var scenario = try Self.scenario(size: """
            [size]
            pv_kw = [60000.0, 80000.0]
            battery_kwh = [200000.0]
            battery_hours = [4.0]
            diesel_units = [10]
            augmentation = ["replace", "maintain"]
            max_intensity_g_per_kwh = 200.0
            """)
        scenario.economics.projectYears = 2
        scenario.size?.years = 2
        scenario.dispatch.stepMinutes = 180
        let study = try SizingStudy(scenario: scenario, weather: TestData.phoenix)
        let bound = try #require(try CapacityExpansion.solve(study.capacityExpansionYear))
        let rule = try await study.evaluate(Array(study.designs.indices))
        let optimal = try study.designs.map { try study.evaluate($0, strategy: .optimal) }
        let mpc = try study.evaluate(study.designs[0], strategy: .mpc)
        for outcome in rule + optimal + [mpc] {
            #expect(bound.objective <= outcome.npc, "\(outcome.dispatch) \(outcome.design): NPC \(outcome.npc) below the bound \(bound.objective)")
        }
        let (result, _) = try study.conclude(rule)
        let gap = try #require(result.gap)
        let best = try #require(result.best)
        #expect(gap.causes.count == 3 && abs(gap.causes.reduce(0) { $0 + $1.amount } - (rule[best].npc - bound.objective)) < 1e-3)
        #expect(gap.causes.allSatisfy { $0.amount >= -1e-6 * bound.objective }, "\(gap.causes)")
    }

    /// No PV, no battery, no gensets and no unserved energy allowed: the LP has no solution, so there
    /// is no bound, and the one design fails on unserved energy.
    @Test func impossibleLimitsLeaveNoBoundAndNoBest() async throws {
        let scenario = try Self.scenario(size: "[size]\npv_kw = [0.0]\nbattery_kwh = [0.0]\ndiesel_units = [0]\n")
        let study = try SizingStudy(scenario: scenario, weather: TestData.phoenix)
        let (result, _) = try study.conclude(try await study.evaluate([0]))
        #expect(result.lowerBound == nil && result.best == nil && result.outcomes[0].violation.hasPrefix("unserved"))
    }
}
