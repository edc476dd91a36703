import Foundation
import HelioGrid
import HelioTestSupport
import Testing

/// `heliogrid reliability` as a process: the files, estimates recomputable from samples.csv, the same
/// seed giving the same samples, and bad requests exiting 2 with nothing written.
@Suite struct ReliabilityCommandTests {
    @Test func filesRecomputeAndRepeat() throws {
        let root = CommandLineTests.temporaryDirectory()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = root.appendingPathComponent("first"), again = root.appendingPathComponent("again")
        let run = try CommandLineTests.run(["reliability", "--samples", "3", "--seed", "9", "--out", first.path])
        #expect(run.status == 0 && run.stdout.contains("3 sample-years") && run.stderr.contains("reliability: 3 sample-years in "), "\(run.stderr)")
        // A run into a folder an earlier run wrote replaces its files.
        #expect(try CommandLineTests.run(["reliability", "--samples", "2", "--seed", "9", "--out", again.path]).status == 0)
        #expect(try CommandLineTests.run(["reliability", "--samples", "3", "--seed", "9", "--out", again.path]).status == 0)
        let samples = try String(contentsOf: first.appendingPathComponent("samples.csv"), encoding: .utf8)
        #expect(samples == (try String(contentsOf: again.appendingPathComponent("samples.csv"), encoding: .utf8)))

        let rows = samples.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 3)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: first.appendingPathComponent("reliability.json"))) as? [String: Any])
        let ci = try #require(json["ci95"] as? [String: Double])
        for key in ["lolp", "lole_h_per_year", "eens_mwh_per_year", "fuel_autonomy_days"] {
            #expect(json[key] is Double && ci[key] != nil, "\(key)")
        }
        #expect(json["samples"] as? Int == 3)
        let lole = rows.map { Double($0[1])! }.reduce(0, +) / 3
        let eens = rows.map { Double($0[3])! }.reduce(0, +) / 3 / 1000
        #expect(abs(lole - (json["lole_h_per_year"] as? Double ?? -1)) < 1e-9 && abs(eens - (json["eens_mwh_per_year"] as? Double ?? -1)) < 1e-9)
        // The default campus has a 250,000 L tank; autonomy is the tank over the mean daily burn.
        let autonomy = rows.map { 250_000 / (Double($0[5])! / 365) }.reduce(0, +) / 3
        #expect(abs(autonomy - (json["fuel_autonomy_days"] as? Double ?? -1)) < 1e-9)

        #expect(json["outage_survival"] is NSNull)   // off grid

        // Grid-connected: the survival curve, shortest outage first, never rising.
        let gridScenario = try Self.writeGridScenario(in: root)
        let grid = try CommandLineTests.run(["reliability", gridScenario, "--samples", "2", "--out", root.appendingPathComponent("grid").path])
        #expect(grid.status == 0 && grid.stdout.contains("grid outage survival: 1 h"), "\(grid.stderr)")
        let gridJSON = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("grid/reliability.json"))) as? [String: Any])
        let curve = try #require(gridJSON["outage_survival"] as? [[String: Double]])
        #expect(curve.map { $0["hours"] } == [1, 24])
        #expect(curve.allSatisfy { ($0["probability"] ?? -1) >= 0 && ($0["probability"] ?? 2) <= 1 && $0["ci95"] != nil })
        #expect((curve[1]["probability"] ?? 2) <= (curve[0]["probability"] ?? -1))

        let one = try CommandLineTests.run(["reliability", "--samples", "1", "--out", root.appendingPathComponent("one").path])
        #expect(one.status == 2 && one.stderr.contains("--samples") && !FileManager.default.fileExists(atPath: root.appendingPathComponent("one").path))
        let notAScenario = try CommandLineTests.run(["reliability", TestData.fixture("tucson-az-722740.epw")])
        #expect(notAScenario.status == 2)
    }

    /// The default campus with a 20 MW grid connection and a short outage-survival study (outages of 1
    /// and 24 hours, one sample per start hour), written into `folder`; its path.
    static func writeGridScenario(in folder: URL) throws -> String {
        let text = try String(contentsOfFile: TestData.defaultScenario.source, encoding: .utf8)
            .components(separatedBy: "\n[reliability]")[0]
            .replacingOccurrences(of: "weather = \"phoenix-az-722780.tmy3.csv\"", with: "weather = \"\(TestData.phoenixPath)\"")
            .replacingOccurrences(of: "[grid]\nenabled = false\n", with: "[grid]\nenabled = true\nimport_kw = 20000.0\n")
        let path = folder.appendingPathComponent("grid.toml").path
        try (text + "\n[reliability]\noutage_durations_hours = [1, 24]\noutage_samples_per_hour = 1\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
