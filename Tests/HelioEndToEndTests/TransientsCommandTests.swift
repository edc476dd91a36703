import Foundation
import HelioGrid
import HelioTestSupport
import Testing

/// `heliogrid transients` as a process: the three files, `transients.csv` balancing on every row and
/// agreeing with `transients.json`, and bad requests exiting 2 with nothing written.
@Suite struct TransientsCommandTests {
    @Test func filesBalanceAndAgree() throws {
        let out = CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CommandLineTests.run(["transients", "--window", "12", "--out", out.path])
        #expect(run.status == 0 && run.stdout.contains("transients at") && run.stdout.contains("ISO 8528-5"), "\(run.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("transients.csv"), encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "t_s,it_raw_kw,it_kw,load_kw,pv_kw,bess_kw,genset_kw,freq_hz,soc,genset_units,genset_unsmoothed_kw,freq_unsmoothed_hz")
        let rows = csv.dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        #expect(rows.count == 12_000)
        var lowest = Double.infinity
        for row in rows {
            #expect(abs(row[3] - row[4] - row[5] - row[6]) <= 0.002)   // three decimals each
            lowest = min(lowest, row[7])
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("transients.json"))) as? [String: Any])
        let smoothed = try #require(json["smoothed"] as? [String: Any]), frequency = try #require(smoothed["frequency"] as? [String: Any])
        #expect(abs(lowest - (frequency["nadir_hz"] as? Double ?? 0)) < 1e-5)
        let window = try #require(json["window"] as? [String: Any])
        #expect(window["samples"] as? Int == 12_000 && window["step_ms"] as? Double == 1)
        let html = try String(contentsOf: out.appendingPathComponent("transients.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("id=\"frequency\"") && html.contains("id=\"sizing\""))
    }

    @Test func badRequestsExitTwoWithNothingWritten() throws {
        let root = CommandLineTests.temporaryDirectory()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let step = try CommandLineTests.run(["transients", "--step-ms", "0", "--out", out.path])
        #expect(step.status == 2 && step.stderr.contains("--step-ms"))
        let text = TestData.defaultScenarioText
        for (section, key) in [("[transients.training]\nduty = 0.5\n", "transients.training.duty"),
                               ("[transients.smoothing]\npolicy = \"fast\"\n", "transients.smoothing.policy"),
                               ("[transients]\nat = \"2026-06-01T13:00:00-07:00\"\n", "transients.at")] {
            let path = root.appendingPathComponent("bad.toml").path
            try (text + "\n" + section).write(toFile: path, atomically: true, encoding: .utf8)
            let bad = try CommandLineTests.run(["transients", path, "--window", "4", "--out", out.path])
            #expect(bad.status == 2 && bad.stderr.contains(key), "\(bad.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
