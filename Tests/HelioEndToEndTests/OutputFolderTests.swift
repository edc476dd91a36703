import Foundation
import HelioTestSupport
import Testing
@testable import HelioGrid
@testable import HelioReport

/// Output folders are replaced whole or not at all, and per-step files are streamed.
@Suite struct OutputFolderTests {
    static func names(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// The reported defect: an old `kpi.json` stayed beside a new `report.html`. Now the folder is
    /// swapped whole: nothing of the earlier run survives, and a run that stops before its commit
    /// leaves the earlier folder exactly as it was, with no staging folder left behind.
    @Test func folderIsSwappedWholeOrLeftAsItWas() throws {
        let parent = CommandLineTests.temporaryDirectory()
        let directory = parent.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        try Data("old".utf8).write(to: directory.appendingPathComponent("kpi.json"))
        try Data("old".utf8).write(to: directory.appendingPathComponent("report.html"))
        do {
            let failed = try OutputFolder(directory.path)
            try failed.write(Array("new".utf8), name: "report.html")
            // No commit: the run failed here.
        }
        #expect(try Self.names(parent) == ["out"] && Self.names(directory) == ["kpi.json", "report.html"])
        #expect(try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8) == "old")
        let folder = try OutputFolder(directory.path)
        try folder.write(Array("new".utf8), name: "report.html")
        try folder.commit()
        #expect(try Self.names(parent) == ["out"] && Self.names(directory) == ["report.html"])
        #expect(try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8) == "new")
    }

    /// A folder holding anything HelioGrid did not write, or a file in the folder's place, is refused
    /// with exit code 2 and left untouched.
    @Test func foreignFoldersAreRefusedWithExitTwo() throws {
        let parent = CommandLineTests.temporaryDirectory()
        let directory = parent.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        try Data("mine".utf8).write(to: directory.appendingPathComponent("thesis.tex"))
        let foreign = try CommandLineTests.run(["simulate", "--out", directory.path])
        #expect(foreign.status == 2 && foreign.stderr.contains("holds files HelioGrid did not write (thesis.tex)"), "\(foreign.stderr)")
        #expect(try Self.names(directory) == ["thesis.tex"] && Self.names(parent) == ["home"])
        let file = directory.appendingPathComponent("thesis.tex").path
        let notFolder = try CommandLineTests.run(["report", "--out", file])
        #expect(notFolder.status == 2 && notFolder.stderr.contains("\(file): exists and is not a folder"), "\(notFolder.stderr)")
    }

    /// `simulate --years 3 --out`: steps.csv streamed year by year holds every step once, stamped
    /// in order across the reporting years as ledger.csv is (from `[carbon] first_year`, 2026), and
    /// its CO₂e column sums to the summary's Scope 1 + Scope 2.
    @Test func stepsCSVIsStreamedYearByYear() throws {
        let out = CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let outcome = try CommandLineTests.run(["simulate", "--years", "3", "--out", out.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = try String(contentsOf: out.appendingPathComponent("steps.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(rows.count == 3 * 8760)
        let stamps = rows.map { $0.prefix(while: { $0 != "," }) }
        #expect(stamps.first == "2026-01-01T00:00:00-07:00" && stamps[8760] == "2027-01-01T00:00:00-07:00" && stamps.last == "2028-12-31T23:00:00-07:00")
        let co2Kg = rows.reduce(0.0) { $0 + Double($1.split(separator: ",").last!)! }
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any])
        let carbon = try #require(summary["carbon"] as? [String: Any])
        let scopesT = try #require(carbon["scope1_t_co2e"] as? Double) + (try #require(carbon["scope2_location_t_co2e"] as? Double))
        #expect(abs(co2Kg / 1000 - scopesT) < 1e-3 * scopesT)
    }
}
