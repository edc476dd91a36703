import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioStudy

/// The study layer: plant variants and the one front door for every strategy.
@Suite struct StudyTests {
    /// The mission's claim: diesel-only campuses emit over 700 g/kWh. Adding PV and then a battery
    /// must cut fuel and emissions at each stage.
    @Test func hybridPlantCutsFuelAtEachStage() throws {
        let variants = try PlantComparison.run(TestData.defaultScenario).map(\.result)
        let (dieselOnly, pvDiesel, hybrid) = (variants[0].totals, variants[1].totals, variants[2].totals)
        #expect(dieselOnly.emissionsKgCO2e * 1000 / dieselOnly.servedKWh > 700)
        #expect(dieselOnly.renewableFraction == 0 && dieselOnly.pvAvailableKWh == 0)
        #expect(pvDiesel.fuelL < dieselOnly.fuelL && hybrid.fuelL < pvDiesel.fuelL)
        #expect(hybrid.renewableFraction > pvDiesel.renewableFraction)
        #expect(hybrid.unservedKWh == 0 && dieselOnly.unservedKWh == 0)
    }

    /// Every strategy runs through the one front door; perfect foresight longer than one LP holds
    /// (a year at one minute: 525,600 steps against 175,200) is a clear input error naming the key,
    /// not a crash or a silent truncation.
    @Test func optimalDispatchBeyondOneLPIsAClearError() {
        var s = TestData.defaultScenario
        s.dispatch.strategy = .optimal
        s.site.timestepMinutes = 1
        #expect { try CampusRun.run(s, recordSeries: false) } throws: { error in
            (error as? HelioError)?.key == "dispatch.strategy"
        }
    }

    /// The front door measures the run it made, once.
    @Test func campusRunMeasuresItsOwnTime() throws {
        let result = try CampusRun.run(TestData.defaultScenario, recordSeries: false)
        #expect(result.runtimeMS > 0 && result.totals == TestData.hybrid.totals)
    }

    /// The terminal bar: 30 cells filled in proportion, then the counts.
    @Test func progressBarFillsInProportion() {
        let progress = StudyProgress(total: 4, command: "compare", items: "strategies")
        progress.advance()
        progress.advance()
        #expect(progress.bar().hasPrefix("[" + String(repeating: "#", count: 15) + String(repeating: ".", count: 15) + "] compare: 2/4 strategies, "))
        #expect(progress.bar(rate: 0.5).contains("compare: 2/4 strategies, 0/s, ") && progress.bar(rate: 0.5).hasSuffix(" s, ETA 4 s"))
        #expect(progress.line(rate: 0).hasSuffix("ETA --"))
    }

    /// Progress counted in steps binds its own counter for the runs made inside `reporting`: two
    /// simulations of the campus fill it exactly, and the closing line says what was done.
    @Test func stepProgressCountsEveryRun() async throws {
        let scenario = TestData.defaultScenario
        let progress = StudyProgress(runs: 2, of: scenario, command: "compare")
        #expect(progress.total == 2 * 8760 && scenario.site.runSteps == 8760)
        try await progress.reporting(finalLine: false) {
            StepCounter.current?.begin(phase: "planning by hand")
            #expect(progress.line().hasPrefix("compare: planning by hand, 0/17520 steps, "))
            _ = try CampusRun.run(scenario, recordSeries: false)
            #expect(StepCounter.current?.phase == nil)   // the run's own planning phase ended with it
            _ = try CampusRun.run(PlantVariants.dieselOnly(scenario), recordSeries: false)
        }
        #expect(progress.completed == progress.total && progress.closingLine.hasPrefix("compare: 17520 steps in "))
        #expect(!progress.line().contains("planning"))
        #expect(try PlantVariants.of(scenario).count == PlantVariants.count)
    }

    /// The recent rate follows the part under way: 100 items a second for 5 s, then 10 a second;
    /// five seconds into the slow part only its own speed is left in the window.
    @Test func recentRateFollowsThePartUnderWay() {
        var recent = RecentRate()
        #expect(recent.add(seconds: 0.5, count: 50) == nil)
        var rate: Double?
        for tick in 2...10 { rate = recent.add(seconds: Double(tick) * 0.5, count: tick * 50) }
        #expect(rate == 100)
        for tick in 11...20 { rate = recent.add(seconds: Double(tick) * 0.5, count: 500 + (tick - 10) * 5) }
        #expect(abs((rate ?? 0) - 10) < 1e-12)
    }

    /// A step of unknown length (a solver's call) shows what it is, a moving block and the time so far.
    @Test func stepOfUnknownLengthShowsItIsAlive() {
        let progress = StudyProgress(of: "the LP bound", command: "size")
        let bar = progress.bar()
        #expect(bar.hasPrefix("[") && bar.count(where: { $0 == "#" }) == 3 && bar.contains("] size: the LP bound, "))
        #expect(progress.closingLine.hasPrefix("size: the LP bound in ") && progress.closingLine.hasSuffix(" s"))
    }
}
