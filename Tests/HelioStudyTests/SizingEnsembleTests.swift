import Foundation
import HelioGrid
import HelioTestSupport
import Testing
@testable import HelioStudy

/// `[size] limit_probability` (docs/sizing.md): designs judged on the aged plant over a weather
/// ensemble, checked against the project run and against a fresh ensemble of another seed.
@Suite struct SizingEnsembleTests {
    /// The default campus with `size` and `weather` appended after its `[carbon]` tables, its
    /// weather file named by `site` (relative to `folder`, where the Phoenix TMY3 is copied).
    static func scenario(folder: String, site: String, size: String, weather: String = "") throws -> Scenario {
        let text = try String(contentsOfFile: TestData.defaultScenario.source, encoding: .utf8)
        var head = text.components(separatedBy: "\n[size]")[0]
        head = head.replacingOccurrences(of: "weather = \"phoenix-az-722780.tmy3.csv\"", with: site)
        return try ScenarioLoader.parse(text: head + "\n" + size + "\n" + weather, file: folder + "/campus.toml", baseDirectory: folder)
    }

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("heliogrid-size-ensemble-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for name in ["phoenix-a.tmy3.csv", "phoenix-b.tmy3.csv"] {
            try FileManager.default.copyItem(atPath: TestData.phoenixPath, toPath: path + "/" + name)
        }
        return path
    }

    static let grid = """
        [size]
        pv_kw = [60000.0, 70000.0]
        battery_kwh = [300000.0, 400000.0]
        battery_hours = [4.0]
        diesel_units = [10]
        max_intensity_g_per_kwh = 100.0
        """

    /// With the typical year itself as both members, each design's ensemble year (the plant of its
    /// worst project year: PV degraded, battery faded) lands within 1 g/kWh of that worst year (its
    /// battery fades within the year from its start, where the project run's carries its cycles).
    @Test func agedPlantYearReproducesTheProjectRunsWorstYear() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenario = try Self.scenario(folder: folder, site: "weather = [\"phoenix-a.tmy3.csv\", \"phoenix-b.tmy3.csv\"]",
                                         size: Self.grid + "\nlimit_probability = 0.9")
        let outcomes = try await OffPool.run {
            let study = try SizingStudy(scenario: scenario, weather: TestData.phoenix)
            return try study.designs.map { try study.evaluate($0) }
        }
        for outcome in outcomes {
            let ensemble = try #require(outcome.ensemble)
            #expect(ensemble.years == 2 && ensemble.intensityP50GPerKWh == ensemble.intensityP90GPerKWh)
            #expect(abs(ensemble.intensityP90GPerKWh - outcome.worstYearIntensityGPerKWh) < 1,
                    "\(outcome.design): \(ensemble.intensityP90GPerKWh) against \(outcome.worstYearIntensityGPerKWh)")
        }
    }

    /// Forty synthetic years pick the design; a fresh thousand years of another seed confirm it meets
    /// the limit in at least 90 % of them, where the typical-year design does not. At 47 g/kWh the
    /// cheaper 80 MWdc design passes on the typical year (worst project year 46.7 g/kWh) but its
    /// aged plant exceeds the limit in about a quarter of weather years; 90 MWdc holds in all.
    @Test func limitProbabilityPicksADesignThatHoldsInAFreshEnsemble() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let site = "weather = \"phoenix-a.tmy3.csv\""
        let grid = """
            [size]
            pv_kw = [80000.0, 90000.0]
            battery_kwh = [300000.0]
            battery_hours = [4.0]
            diesel_units = [10]
            max_intensity_g_per_kwh = 47.0
            """
        let typical = try Self.scenario(folder: folder, site: site, size: grid)
        let probable = try Self.scenario(folder: folder, site: site, size: grid + "\nlimit_probability = 0.9",
                                         weather: "[weather.synthetic]\nyears = 40\nseed = 1")
        func best(_ scenario: Scenario) async throws -> SizingDesign? {
            try await OffPool.run {
                let study = try SizingStudy(scenario: scenario, weather: TestData.phoenix)
                let result = SizingResult(outcomes: try study.designs.map { try study.evaluate($0) }, caseCount: 1, lowerBound: nil)
                return result.best.map { study.designs[$0] }
            }
        }
        let typicalBest = try #require(try await best(typical)), probableBest = try #require(try await best(probable))
        #expect(typicalBest.pvKW == 80000 && probableBest.pvKW == 90000)
        let fresh = try Self.scenario(folder: folder, site: site, size: grid + "\nlimit_probability = 0.9\nensemble_years = 1000",
                                      weather: "[weather.synthetic]\nyears = 1000\nseed = 2")
        let check = try await OffPool.run { try SizingStudy(scenario: fresh, weather: TestData.phoenix) }
        async let typicalShare = OffPool.run { try check.evaluate(typicalBest).ensemble?.shareMet }
        async let probableShare = OffPool.run { try check.evaluate(probableBest).ensemble?.shareMet }
        let shares = [try #require(try await typicalShare), try #require(try await probableShare)]
        #expect(shares[1] >= 0.9, "chosen with 40 years: met in \(shares[1]) of 1,000 fresh years")
        #expect(shares[0] < 0.9, "typical-year design: met in \(shares[0]) of 1,000 fresh years")
    }
}
