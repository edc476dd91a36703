import Foundation
import HelioGrid
import HelioReport
import HelioTestSupport
import Testing
@testable import HelioStudy

/// `heliogrid ensemble`'s files (docs/output-contract.md): the CSV recomputes the JSON's statistics,
/// and two shards merged write what the single run writes.
@Suite struct EnsembleFilesTests {
    static func folder(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("heliogrid-\(name)-\(UUID().uuidString)").path
    }

    @Test func shardsMergeIntoTheSingleRunsFilesAndTheCSVRecomputesTheStatistics() async throws {
        var scenario = TestData.defaultScenario
        scenario.syntheticWeather = SyntheticWeatherConfig(years: 5, seed: 21)
        let study = try EnsembleStudy(scenario: scenario, ensemble: try WeatherEnsemble(scenario: scenario))
        let members = try await OffPool.run { try (0..<5).map { try study.member($0) } }
        let (single, shardA, shardB, merged) = (Self.folder("single"), Self.folder("a"), Self.folder("b"), Self.folder("merged"))
        defer { for path in [single, shardA, shardB, merged] { try? FileManager.default.removeItem(atPath: path) } }
        try EnsembleRun.write(study, members: members, seconds: 1, out: single, json: true)
        try EnsembleRun.writeShard(study, index: 1, count: 2, members: Array(members[study.shard(1, of: 2)]), seconds: 1, years: nil, seed: nil, out: shardB)
        try EnsembleRun.writeShard(study, index: 0, count: 2, members: Array(members[study.shard(0, of: 2)]), seconds: 1, years: nil, seed: nil, out: shardA)
        let shards = try EnsembleRun.readShards([shardB, shardA])
        #expect(shards.members == members && shards.seconds == 2)
        try EnsembleRun.write(study, members: shards.members, seconds: 1, out: merged, json: true)
        for name in EnsembleFiles.fileNames {
            #expect(try String(contentsOfFile: single + "/" + name, encoding: .utf8) == String(contentsOfFile: merged + "/" + name, encoding: .utf8))
        }
        let csv = try String(contentsOfFile: single + "/ensemble.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 6 && csv[0].split(separator: ",").map(String.init) == EnsembleFiles.memberColumns)
        let fuelColumn = EnsembleFiles.memberColumns.firstIndex(of: "fuel_l")!
        let fuel = csv.dropFirst().map { Double($0.split(separator: ",")[fuelColumn])! }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: single + "/ensemble.json"))) as! [String: Any]
        let statistics = json["statistics"] as! [String: [String: Any]]
        let p90 = statistics["fuel_l"]!["p90"] as! Double
        #expect(abs(p90 - EnsembleStatistic.quantile(fuel.sorted(), 0.9)) < 1e-6)
        #expect((json["weather"] as! [String: Any])["kind"] as? String == "synthetic" && json["members"] as? Int == 5)
        let intensity = EnsembleResult(members: members).statistic("intensity_g_per_kwh")!
        #expect(intensity.p10 < intensity.p50 && intensity.p50 < intensity.p90 && intensity.p90 <= intensity.p99)
        #expect(throws: HelioError.self) { try EnsembleRun.readShards([shardA]) }
    }
}
