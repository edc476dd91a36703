import Foundation
import HelioStudy
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioReport

/// The grid bill in the report (docs/grid.md): the time-of-use hand case under the rule EMS, with the
/// same campus without its battery as the baseline.
@Suite struct GridReportTests {
    @Test func gridBillAndMonthlyPeaksAreTheJSONs() throws {
        var scenario = try ScenarioLoader.load(path: TestData.fixture("grid/tou-battery.toml"))
        scenario.dispatch.strategy = .rule
        let plant = try CampusRun.run(scenario, recordSeries: true)
        var bare = scenario
        bare.battery = nil
        let baseline = try CampusRun.run(bare, recordSeries: false)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grid-report-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let folder = try OutputFolder(directory)
        let ledgerFile = try CSVFileWriter(path: folder.path("ledger.csv"), header: LedgerCSV.header)
        let study = ReportStudy(plant: plant, baseline: baseline) { LedgerCSV.write($0, to: ledgerFile) }
        try ledgerFile.close()
        let report = CarbonReport(study: study)
        try report.write(into: folder)
        try folder.commit()
        let html = try String(contentsOfFile: directory + "/report.html", encoding: .utf8)
        var documents: [String: Any] = [:]
        for name in ["inventory.json", "cbam.json", "kpi.json", "economics.json"] {
            documents[name] = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
        }
        let (_, problems) = ReportCells.check(html: html, documents: documents, format: NumberFormat.groupedFixed)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(html.contains("Grid bill, first year") && html.contains("economics.json:grid.monthly_peak_import_kw.11"))
        #expect(html.contains(">grid import</text>"))
        let grid = try #require((documents["economics.json"] as? [String: Any])?["grid"] as? [String: Any])
        #expect(abs((grid["cost_year1"] as? Double ?? 0) - 876_300) < 1e-3)
        #expect(grid["monthly_peak_import_kw"] as? [Double] == Array(repeating: 2000, count: 12))
    }

    /// The terminal summary of a grid-connected run shows the year-1 bill and the monthly peak range:
    /// the time-of-use hand case under the rule EMS, 876,300 with 2,000 kW every month.
    @Test func terminalSummaryShowsTheBill() throws {
        var scenario = try ScenarioLoader.load(path: TestData.fixture("grid/tou-battery.toml"))
        scenario.dispatch.strategy = .rule
        let result = try CampusRun.run(scenario, recordSeries: false)
        let text = TerminalSummary.render(SummaryReport(result: result), result: result)
        #expect(text.contains("grid bill, year 1           876,300 (imports 876,300, exports −0, demand 0, fixed 0)"), "\(text)")
        #expect(text.contains("monthly peak import         2,000–2,000 kW"))
        #expect(!TerminalSummary.render(SummaryReport(result: TestData.hybrid), result: TestData.hybrid).contains("grid bill"))
    }
}
