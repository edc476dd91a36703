import Foundation
import Testing
import HelioTestSupport
@testable import HelioGrid
@testable import HelioOptimize
@testable import HelioStudy

/// Sizing a campus that grows: the multi-period LP bound and the staged search.
@Suite struct StagedSizingTests {
    /// With one stage and no load phases the multi-period LP is the single-period one.
    @Test func oneStageIsTheSinglePeriodLP() async throws {
        let (staged, single) = try await OffPool.run {
            let scenario = TestData.defaultScenario
            let stagedStudy = try StagedSizingStudy(scenario: scenario, weather: TestData.phoenix)
            let singleStudy = try SizingStudy(scenario: scenario, weather: TestData.phoenix)
            return (try stagedStudy.bound(), try CapacityExpansion.solve(singleStudy.capacityExpansionYear))
        }
        let bound = try #require(staged), reference = try #require(single)
        #expect(bound.spanFirstYears == [1])
        #expect(abs(bound.objective - reference.objective) < 1e-6 * reference.objective, "\(bound.objective) vs \(reference.objective)")
        #expect(abs(bound.pvKW[0] - reference.pvKW) < 1e-3 * max(1, reference.pvKW))
        #expect(abs(bound.dieselUnits[0] - reference.dieselUnits) < 1e-3 * max(1, reference.dieselUnits))
    }

    static let sizeSection = """
        [size]
        pv_kw = [20000.0, 40000.0, 60000.0, 80000.0]
        battery_kwh = [100000.0, 200000.0, 300000.0]
        battery_hours = [4.0]
        diesel_units = [6, 8, 10, 12, 14]
        augmentation = ["maintain"]
        max_intensity_g_per_kwh = 160.0
        n_plus_one = true
        stages = [1, 3]
        """

    /// The GPUs double in year 3 of a 5-year project (no refresh): the staged design meets the limit in
    /// every year; its first stage alone, never expanded, fails from year 3; the LP bounds it below.
    @Test func theStagedSearchMeetsTheLimitEveryYear() async throws {
        let text = TestData.growingCampusText(projectYears: 5)
            .replacingOccurrences(of: "\n[[load.phases]]\nyear = 6\ngeneration = \"b200\"\n", with: "\n")
        let start = try #require(text.range(of: "[size]")), end = try #require(text.range(of: "[size.sensitivity]"))
        let scenario = try TestData.scenario(text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: Self.sizeSection + "\n"))
        #expect(scenario.load.phases.count == 1 && scenario.size?.stages == [1, 3])
        let study = try StagedSizingStudy(scenario: scenario, weather: TestData.phoenix)
        let result = try await OffPool.run { try study.search() }
        let best = try #require(result.best)
        #expect(best.feasible && best.failingYears.isEmpty)
        #expect(best.yearIntensityGPerKWh.count == 5 && best.yearIntensityGPerKWh.allSatisfy { $0 <= 160 })
        #expect(best.design.dieselUnits[1] > best.design.dieselUnits[0], "the doubled load needs more gensets from year 3 (N + 1)")
        let first = try #require(result.firstStageOnly)
        #expect(!first.feasible && first.failingYears.first == 3, "\(first.failingYears)")
        let dayOne = try #require(result.dayOne)
        #expect(dayOne.outcome.npc >= best.outcome.npc)
        let bound = try #require(result.bound)
        #expect(bound.objective <= best.outcome.npc)
        #expect(result.outcomes.count >= 10 && result.outcomes.allSatisfy { $0.design.isBuildable })
        let applied = best.design.applied(to: study.scenario)
        #expect(applied.expansions.allSatisfy { $0.year == 3 })
    }

    /// Limits no design can meet: no LP bound, no best design, the comparisons left out, nothing thrown.
    @Test func limitsNoDesignMeetsLeaveNoBest() async throws {
        let text = TestData.growingCampusText(projectYears: 4)
            .replacingOccurrences(of: "\n[[load.phases]]\nyear = 6\ngeneration = \"b200\"\n", with: "\n")
        let start = try #require(text.range(of: "[size]")), end = try #require(text.range(of: "[size.sensitivity]"))
        let scenario = try TestData.scenario(text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: """
            [size]
            pv_kw = [20000.0]
            battery_kwh = [100000.0]
            battery_hours = [4.0]
            diesel_units = [6]
            augmentation = ["maintain"]
            max_intensity_g_per_kwh = 1.0
            stages = [1, 3]


            """))
        let study = try StagedSizingStudy(scenario: scenario, weather: TestData.phoenix)
        let result = try await OffPool.run { try study.search() }
        #expect(result.bound == nil && result.best == nil && result.dayOne == nil && result.firstStageOnly == nil)
        #expect(result.outcomes.count == 1 && !result.outcomes[0].feasible && result.outcomes[0].shortfall > 0)
        #expect(result.outcomes[0].failingYears == [1, 2, 3, 4])
    }
}
