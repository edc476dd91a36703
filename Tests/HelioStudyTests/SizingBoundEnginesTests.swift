import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioLP
@testable import HelioOptimize
@testable import HelioStudy

/// The sizing study's capacity-expansion bound reaches the same optimum under HiGHS and Clp
/// (docs/solvers.md): on the default campus, and on a held-out-style one (Tucson's EPW year, fuel
/// linear in output with no no-load fuel, no minimum load), where the LP is exact for its own sizes.
@Suite struct SizingBoundEnginesTests {
    static func engines(_ lp: SolverOptions.LPEngine) -> SolverConfig {
        var config = SolverConfig()
        config.options.lp = lp
        return config
    }

    @Test(arguments: ["default", "held-out"])
    func boundIsTheSameUnderHiGHSAndClp(campus: String) async throws {
        var scenario = TestData.defaultScenario
        var weather = TestData.phoenix
        if campus == "held-out" {
            scenario.diesel?.fuelInterceptLPerKWhRated = 0
            scenario.diesel?.minLoadRatio = 0
            weather = TestData.tucson
        }
        let study = try SizingStudy(scenario: scenario, weather: weather)
        var bounds: [CapacityBound] = []
        for lp in [SolverOptions.LPEngine.highs, .clp] {
            var year = study.capacityExpansionYear
            year.scenario.solver = Self.engines(lp)
            bounds.append(try #require(try CapacityExpansion.solve(year)))
        }
        let (highs, clp) = (bounds[0], bounds[1])
        #expect(abs(highs.objective / clp.objective - 1) < 1e-7, "NPC \(highs.objective) vs \(clp.objective)")
        // Sizes agree where the optimum is unique; allow the solvers' tolerances on them.
        #expect(abs(highs.pvKW - clp.pvKW) <= 1e-4 * max(1, clp.pvKW) + 1, "PV \(highs.pvKW) vs \(clp.pvKW)")
        #expect(abs(highs.batteryKWh - clp.batteryKWh) <= 1e-4 * max(1, clp.batteryKWh) + 1, "battery \(highs.batteryKWh) vs \(clp.batteryKWh)")
        #expect(abs(highs.dieselUnits - clp.dieselUnits) <= 1e-4 * max(1, clp.dieselUnits), "units \(highs.dieselUnits) vs \(clp.dieselUnits)")
        #expect(highs.pvKW > 0 && highs.batteryKWh > 0)
    }
}
