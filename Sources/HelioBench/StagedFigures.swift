import Foundation
import Synchronization
import HelioGrid
import HelioOptimize
import HelioStudy

/// The staged search on the `growing` template (docs/sizing.md, "Stages"): its wall time, and its
/// answer against every staged design of a small grid simulated (the exact optimum on that grid).
enum StagedFigures {
    static func run() throws {
        let folder = try ScenarioTemplate.weatherURL().deletingLastPathComponent().path
        let scenario = try ScenarioLoader.parse(text: try ScenarioTemplate.growing.text(), file: "growing.toml", baseDirectory: folder)
        let weather = try WeatherLoader.load(path: scenario.site.weatherPath)
        let study = try StagedSizingStudy(scenario: scenario, weather: weather)
        let started = ContinuousClock.now
        let result = try study.search()
        print("staged search: growing template, \(result.outcomes.count) designs".padding(toLength: 48, withPad: " ", startingAt: 0)
              + String(format: "%7.0f ms, best NPC %.0f, LP bound %.0f (LP %.1f s)", (ContinuousClock.now - started).milliseconds,
                       result.best?.outcome.npc ?? Double.nan, result.bound?.objective ?? Double.nan, result.bound?.solveSeconds ?? Double.nan))
        try againstEveryDesign(scenario, weather: weather)
    }

    /// A grid small enough to simulate whole: the search's best against the best of every design.
    static func againstEveryDesign(_ base: Scenario, weather: WeatherData) throws {
        var scenario = base
        guard var size = scenario.size else { return }
        size.pvKW = [40000, 70000, 100000, 130000]
        size.batteryKWh = [150000, 250000, 350000]
        size.dieselUnits = [6, 9, 12, 15]
        scenario.size = size
        let study = try StagedSizingStudy(scenario: scenario, weather: weather)
        let searched = try study.search()
        let designs = grid(size)
        let started = ContinuousClock.now
        let outcomes = Mutex<[StagedOutcome?]>(Array(repeating: nil, count: designs.count))
        DispatchQueue.concurrentPerform(iterations: designs.count) { index in
            let outcome = try? study.evaluate(designs[index])
            outcomes.withLock { $0[index] = outcome }
        }
        let all: [StagedOutcome] = outcomes.withLock { $0 }.compactMap { $0 }
        let exactNPC = all.filter { $0.feasible }.map(\.outcome.npc).min() ?? .nan
        let searchedNPC = searched.best?.outcome.npc ?? .nan
        print("staged: every design of a \(designs.count)-design grid".padding(toLength: 48, withPad: " ", startingAt: 0)
              + String(format: "%7.0f ms, best NPC %.0f; search %.0f with %d designs (%+.2f %%)", (ContinuousClock.now - started).milliseconds,
                       exactNPC, searchedNPC, searched.outcomes.count, (searchedNPC / exactNPC - 1) * 100))
    }

    /// Every buildable staged design on `size`'s lists (4-hour battery, the first rating and policy).
    static func grid(_ size: SizeConfig) -> [StagedDesign] {
        var designs: [StagedDesign] = []
        for pv in rising(size.pvKW, count: size.stages.count) {
            for energy in rising(size.batteryKWh, count: size.stages.count) {
                for units in rising(size.dieselUnits.map(Double.init), count: size.stages.count) {
                    designs.append(StagedDesign(stageYears: size.stages, pvKW: pv, batteryKWh: energy, batteryKW: energy.map { $0 / 4 },
                                                dieselUnits: units.map { Int($0) }, dieselUnitKW: size.dieselUnitKW[0], augmentation: size.augmentation[0]))
                }
            }
        }
        return designs
    }

    /// Every non-decreasing sequence of `count` values from `values`.
    static func rising(_ values: [Double], count: Int) -> [[Double]] {
        guard count > 0 else { return [[]] }
        return rising(values, count: count - 1).flatMap { head in values.filter { $0 >= (head.last ?? -.infinity) }.map { head + [$0] } }
    }
}
