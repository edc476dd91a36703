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
    /// is a clear input error naming the key, not a crash or a silent truncation.
    @Test func optimalDispatchBeyondOneLPIsAClearError() {
        var s = TestData.defaultScenario
        s.dispatch.strategy = .optimal
        s.site.timestepMinutes = 5
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
        #expect(progress.bar.hasPrefix("[" + String(repeating: "#", count: 15) + String(repeating: ".", count: 15) + "] compare: 2/4 strategies, "))
    }
}
