import Foundation
import HelioStudy
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioReport

/// The outputs of a campus that grows: `summary.json` and `economics.json` years with the campus,
/// the report's year-by-year section, and the staged sizing files.
@Suite struct CampusGrowthReportTests {
    static let growing: Scenario = TestData.shared { try! TestData.scenario(TestData.growingCampusText(expansions: TestData.growingCampusExpansions)) }

    /// The run `simulate` makes: the rule-based EMS over every year, with the design basis, its series kept.
    static func run(_ scenario: Scenario) throws -> SimulationResult {
        try CampusRun.run(scenario, weather: TestData.phoenix, inputs: try SimulationInputs.prepare(scenario), recordSeries: true)
    }

    @Test func yearsCarryTheCampusOnlyWhenItGrows() throws {
        let plant = try Self.run(Self.growing)
        let json = try SummaryReport(result: plant).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let years = try #require(object["years"] as? [[String: Any]])
        #expect(years.count == 8)
        #expect(years[2]["gpus"] as? Int == 10000 && years[1]["gpus"] as? Int == 5000 && years[6]["generation"] as? String == "b200")
        #expect(years[2]["installed_pv_kw"] as? Double == 60000 && years[5]["installed_diesel_units"] as? Int == 14)
        #expect(years[1]["capex"] as? Double ?? 0 > 0 && years[2]["capex"] as? Double == 0, "the year-3 expansion is paid in year 2")
        #expect((object["design_basis"] as? [String: Any])?["year"] != nil)
        let fixed = try #require(try JSONSerialization.jsonObject(with: Data(try SummaryReport(result: TestData.hybrid).json().utf8)) as? [String: Any])
        let fixedYear = try #require((fixed["years"] as? [[String: Any]])?.first)
        #expect(fixedYear["gpus"] == nil && fixedYear["installed_pv_kw"] == nil && fixedYear["capex"] == nil)
        #expect((fixed["design_basis"] as? [String: Any])?["year"] == nil)
    }

    /// The report's "Year by year" section: every cell is economics.json's `years`, the charts drawn.
    @Test func theReportShowsTheCampusYearByYear() throws {
        let plant = try Self.run(Self.growing)
        let baseline = try Self.run(PlantVariants.dieselOnly(Self.growing))
        #expect(PlantVariants.dieselOnly(Self.growing).expansions.map(\.dieselUnits) == [4, 4], "the baseline keeps its gensets' expansions")
        let report = CarbonReport(study: ReportStudy(plant: plant, baseline: baseline))
        let economics = try JSONSerialization.jsonObject(with: Data(try CarbonReport.json(report.economics)))
        let years = try #require((economics as? [String: Any])?["years"] as? [[String: Any]])
        #expect(years.count == 8)
        let html = ReportHTML(report: report).render()
        let start = try #require(html.range(of: "<h2 id=\"years\">")), end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
        let section = String(html[start.lowerBound..<end.upperBound])
        #expect(section.contains("Energy served by origin, year by year") && section.contains("Carbon intensity and capital spent"))
        let (cells, problems) = ReportCells.check(html: section, documents: ["economics.json": economics], format: NumberFormat.groupedFixed)
        #expect(cells == 8 * 13)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        let fixedReport = CarbonReport(study: ReportStudy(plant: TestData.hybrid, baseline: TestData.dieselOnly))
        #expect(fixedReport.economics.years == nil && !ReportHTML(report: fixedReport).render().contains("id=\"years\""))
    }
}

/// `size` on a campus that grows: the staged files, and `best.toml` runs as the design it names.
@Suite struct StagedSizingFilesTests {
    @Test func stagedFilesRoundTrip() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("staged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var text = TestData.growingCampusText(projectYears: 5)
            .replacingOccurrences(of: "\n[[load.phases]]\nyear = 6\ngeneration = \"b200\"\n", with: "\n")
        let start = try #require(text.range(of: "[size]")), end = try #require(text.range(of: "[size.sensitivity]"))
        text.replaceSubrange(start.lowerBound..<end.lowerBound, with: """
            [size]
            pv_kw = [40000.0, 80000.0]
            battery_kwh = [100000.0, 200000.0]
            battery_hours = [4.0]
            diesel_units = [6, 10, 14]
            augmentation = ["maintain"]
            max_intensity_g_per_kwh = 200.0
            n_plus_one = true
            stages = [1, 3]


            """)
        let path = directory.appendingPathComponent("scenario.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: path)
        let study = try StagedSizingStudy(scenario: scenario, weather: TestData.phoenix)
        let result = try await OffPool.run { try study.search() }
        let best = try #require(result.best)
        let out = directory.appendingPathComponent("out").path
        try StagedSizingRun.write(study, result: result, out: out)
        let csv = try String(contentsOfFile: out + "/stages.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.count == result.outcomes.count + 1)
        #expect(csv[0].hasPrefix("pv_kw_y1,battery_kwh_y1,battery_kw_y1,diesel_units_y1,pv_kw_y3,"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/size.json"))) as? [String: Any])
        #expect(json["kind"] as? String == "staged" && json["stages"] as? [Int] == [1, 3])
        #expect(Set(["best", "reference", "day_one", "first_stage_only", "bound", "limits"]).isSubset(of: Set(json.keys)))
        #expect((json["best"] as? [String: Any])?["npc"] as? Double == best.outcome.npc)
        #expect(try String(contentsOfFile: out + "/size.html", encoding: .utf8).contains("Designs compared"))
        // best.toml is the best design: its day-one plant and its expansions, simulated to the same NPC.
        let written = try ScenarioLoader.load(path: out + "/best.toml")
        #expect(written.expansions == best.design.expansions && written.pv?.dcKW == best.design.pvKW[0])
        let rerun = try await OffPool.run { () throws -> Double in
            var strategy = RuleBasedDispatch(scenario: written)
            let result = SimulationEngine.run(written, inputs: try SimulationInputs.prepare(written), strategy: &strategy, recordSeries: false)
            return LifetimeEconomics(result: result).npc
        }
        #expect(abs(rerun - best.outcome.npc) < 1e-6 * best.outcome.npc, "\(rerun) vs \(best.outcome.npc)")
    }
}
