import Foundation
import HelioGrid
import HelioTestSupport
import Testing

/// `heliogrid size` as a process: two shards merged give the whole run's files; bad shard requests exit 2.
@Suite struct SizeCommandTests {
    @Test func shardsMergedEqualTheWholeRun() throws {
        let root = CommandLineTests.temporaryDirectory()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let text = try String(contentsOfFile: TestData.defaultScenario.source, encoding: .utf8).components(separatedBy: "\n[size]")[0]
            .replacingOccurrences(of: "weather = \"phoenix-az-722780.tmy3.csv\"", with: "weather = \"\(TestData.phoenixPath)\"")
        let scenario = root.appendingPathComponent("campus.toml").path
        try (text + "\n[size]\npv_kw = [60000.0, 80000.0]\nbattery_kwh = [200000.0, 300000.0]\ndiesel_units = [9, 10, 11]\n"
             + "max_intensity_g_per_kwh = 100.0\nn_plus_one = true\n").write(toFile: scenario, atomically: true, encoding: .utf8)
        let whole = try CommandLineTests.run(["size", scenario, "--out", root.appendingPathComponent("whole").path])
        #expect(whole.status == 0 && whole.stdout.contains("12 designs") && whole.stderr.contains("size: 12 designs in "), "\(whole.stderr)")
        for shard in 0..<2 {
            let part = try CommandLineTests.run(["size", scenario, "--shard", "\(shard)/2", "--out", root.appendingPathComponent("shard\(shard)").path])
            #expect(part.status == 0, "\(part.stderr)")
        }
        let lonely = try CommandLineTests.run(["size", "merge", root.appendingPathComponent("shard1").path, "--out", root.appendingPathComponent("bad").path])
        #expect(lonely.status == 2 && lonely.stderr.contains("exactly once"), "\(lonely.stderr)")
        let merged = try CommandLineTests.run(["size", "merge", root.appendingPathComponent("shard1").path, root.appendingPathComponent("shard0").path,
                                               "--out", root.appendingPathComponent("merged").path])
        #expect(merged.status == 0, "\(merged.stderr)")
        for file in ["designs.csv", "pareto.csv", "best.toml", "size.html"] {
            let a = try Data(contentsOf: root.appendingPathComponent("whole/\(file)")), b = try Data(contentsOf: root.appendingPathComponent("merged/\(file)"))
            #expect(a == b, "\(file) differs")
        }
        // The output folder runs anywhere: moved, its best.toml finds its inputs beside it.
        let moved = root.appendingPathComponent("elsewhere/moved")
        try FileManager.default.createDirectory(at: moved.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: root.appendingPathComponent("whole"), to: moved)
        let rerun = try CommandLineTests.run(["simulate", moved.appendingPathComponent("best.toml").path])
        #expect(rerun.status == 0 && FileManager.default.fileExists(atPath: moved.appendingPathComponent("inputs").path), "\(rerun.stderr)")
        try FileManager.default.moveItem(at: moved, to: root.appendingPathComponent("whole"))
        func summary(_ folder: String) throws -> NSDictionary {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("\(folder)/size.json"))) as? [String: Any])
            object["timing"] = nil
            return object as NSDictionary
        }
        #expect(try summary("whole") == summary("merged"))
        let outOfRange = try CommandLineTests.run(["size", scenario, "--shard", "5/4", "--out", root.appendingPathComponent("x").path])
        #expect(outOfRange.status == 2 && outOfRange.stderr.contains("shard 5 of 4"))
        let noSection = try CommandLineTests.run(["size", TestData.fixture("tucson-az-722740.epw")])
        #expect(noSection.status == 2)
    }
}

/// `size --transients`: the transient study's battery power becomes a limit every design must meet.
@Suite struct SizeTransientsTests {
    @Test func transientBatteryPowerRulesOutSmallInverters() throws {
        let root = CommandLineTests.temporaryDirectory()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let text = TestData.defaultScenarioText.components(separatedBy: "\n[size]")[0]
        let scenario = root.appendingPathComponent("campus.toml").path
        try (text + "\n[size]\nbattery_kw = [5000.0, 50000.0]\n[transients]\nwindow_s = 30\n").write(toFile: scenario, atomically: true, encoding: .utf8)
        let run = try CommandLineTests.run(["size", scenario, "--transients", "--out", root.appendingPathComponent("out").path])
        #expect(run.status == 0 && run.stderr.contains("the transient study needs"), "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("out/size.json"))) as? [String: Any])
        let limits = try #require(json["limits"] as? [String: Any]), least = try #require(limits["min_battery_power_kw"] as? Double)
        #expect(least > 5000 && least < 50_000)
        let designs = try String(contentsOf: root.appendingPathComponent("out/designs.csv"), encoding: .utf8)
        #expect(designs.contains("below the \(Int(least)) kW the transient study needs") && json["feasible_designs"] as? Int == 1)
    }
}
