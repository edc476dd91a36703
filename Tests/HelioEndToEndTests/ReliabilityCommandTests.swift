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
        #expect(run.status == 0 && run.stdout.contains("3 sample-years") && run.stderr.contains("reliability: 3/3 sample-years"), "\(run.stderr)")
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

        let one = try CommandLineTests.run(["reliability", "--samples", "1", "--out", root.appendingPathComponent("one").path])
        #expect(one.status == 2 && one.stderr.contains("--samples") && !FileManager.default.fileExists(atPath: root.appendingPathComponent("one").path))
        let notAScenario = try CommandLineTests.run(["reliability", TestData.fixture("tucson-az-722740.epw")])
        #expect(notAScenario.status == 2)
    }
}
