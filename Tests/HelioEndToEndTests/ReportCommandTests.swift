import Foundation
import HelioTestSupport
import Testing
@testable import HelioReport

/// `heliogrid report` as a process.
@Suite struct ReportCommandTests {
    /// `heliogrid report` writes the six files; a scenario without gensets (no diesel-only baseline)
    /// exits 2 and leaves no folder behind.
    @Test func reportCommandWritesAllOrNothing() throws {
        let folder = CommandLineTests.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report")
        let outcome = try CommandLineTests.run(["report", "--out", out.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("CBAM factor 0."))
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == CarbonReport.fileNames.sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report"])
        let scenario = folder.appendingPathComponent("no-diesel.toml")
        try "[site]\nweather = \"\(TestData.phoenixPath)\"\n[load]\ngpus = 8\n[pv]\ndc_kw = 100.0\n".write(to: scenario, atomically: true, encoding: .utf8)
        let refused = try CommandLineTests.run(["report", scenario.path, "--out", folder.appendingPathComponent("second").path])
        #expect(refused.status == 2 && refused.stderr.contains("diesel"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("second").path))
    }
}
