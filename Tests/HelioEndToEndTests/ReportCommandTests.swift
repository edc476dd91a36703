import Foundation
import HelioGrid
import HelioTestSupport
import Testing
@testable import HelioReport

/// `heliogrid report` as a process.
@Suite struct ReportCommandTests {
    /// `heliogrid report --reliability-samples 0` writes the six files; a scenario without gensets (no
    /// diesel-only baseline) exits 2 and leaves no folder behind, as does a one-sample Monte Carlo.
    @Test func reportCommandWritesAllOrNothing() throws {
        let folder = CommandLineTests.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report")
        let outcome = try CommandLineTests.run(["report", "--reliability-samples", "0", "--out", out.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("CBAM factor 0.") && !outcome.stdout.contains("LOLE"))
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == CarbonReport.fileNames.sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report"])
        let scenario = folder.appendingPathComponent("no-diesel.toml")
        try "[site]\nweather = \"\(TestData.phoenixPath)\"\n[load]\ngpus = 8\n[pv]\ndc_kw = 100.0\n".write(to: scenario, atomically: true, encoding: .utf8)
        let refused = try CommandLineTests.run(["report", scenario.path, "--out", folder.appendingPathComponent("second").path])
        #expect(refused.status == 2 && refused.stderr.contains("diesel"), "\(refused.stderr)")
        let oneSample = try CommandLineTests.run(["report", "--reliability-samples", "1", "--out", folder.appendingPathComponent("second").path])
        #expect(oneSample.status == 2 && oneSample.stderr.contains("--reliability-samples"), "\(oneSample.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("second").path))
    }

    /// A grid-connected campus: the report carries the reliability section with the outage-survival
    /// chart and table, every cell of it the value in reliability.json, and the Monte Carlo's files.
    @Test func gridConnectedReportShowsOutageSurvival() throws {
        let folder = CommandLineTests.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report")
        let scenario = try ReliabilityCommandTests.writeGridScenario(in: folder)
        let outcome = try CommandLineTests.run(["report", scenario, "--reliability-samples", "2", "--reliability-seed", "4", "--out", out.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("grid outage survival: 1 h") && outcome.stderr.contains("outage survival: 8760 start hours in "))
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == (CarbonReport.fileNames + CarbonReport.reliabilityFileNames).sorted())
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<title>Grid outage survival</title>") && html.contains("id=\"reliability\""))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("reliability.json")))
        let start = try #require(html.range(of: "id=\"reliability\""))
        let section = String(html[start.lowerBound...])
        let (cells, problems) = ReportCells.check(html: String(section[..<(section.range(of: "id=\"methodology\"")?.lowerBound ?? section.endIndex)]),
                                                  documents: ["reliability.json": json], format: NumberFormat.groupedFixed)
        #expect(cells == 5 * 2 + 6 + 13 + 2 * 3 && problems.isEmpty, "\(cells) cells: \(problems.prefix(5))")
    }
}

/// `heliogrid report` on a scenario with a `[transients]` section: the section's charts, every cell
/// the value in `transients.json`, and the file beside the others.
@Suite struct TransientsReportTests {
    @Test func reportCarriesTheTransientSection() throws {
        let folder = CommandLineTests.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = TestData.defaultScenarioText
        let scenario = folder.appendingPathComponent("campus.toml")
        try (text + "\n[transients]\nwindow_s = 30\n[transients.training]\nfailure_at_s = 25\n").write(to: scenario, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("report")
        let outcome = try CommandLineTests.run(["report", scenario.path, "--reliability-samples", "0", "--out", out.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == (CarbonReport.fileNames + ["transients.json"]).sorted())
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let start = try #require(html.range(of: "id=\"transients\""))
        let section = String(html[start.lowerBound..<(html.range(of: "id=\"methodology\"")?.lowerBound ?? html.endIndex)])
        #expect(section.contains("<title>Bus frequency</title>") && section.contains("ISO 8528-5 class met"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("transients.json")))
        let (cells, problems) = ReportCells.check(html: section, documents: ["transients.json": json], format: NumberFormat.groupedFixed)
        #expect(cells == 9 * 2 + 6 && problems.isEmpty, "\(cells) cells: \(problems.prefix(5))")
    }
}
